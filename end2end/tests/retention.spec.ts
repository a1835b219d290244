import { expect, perProject, test, USERS } from './support';

const HANA = 'hana.ito@brookford.example'; // information governance officer

test.describe('retention and disposal', () => {
  test('a closed family past its period is held, released, destroyed through the queue, and can no longer be found', async ({ hearth, page }, testInfo) => {
    test.setTimeout(180_000);
    // Each project destroys a different one of the demo's long-closed families.
    const who = perProject(testInfo, {
      hydrated: { reviewer: HANA, family: 'Holloway', person: 'Janet Holloway' },
      'no-js': { reviewer: USERS.grace, family: 'Irving', person: 'Paula Irving' },
      phone: { reviewer: USERS.maya, family: 'Jessop', person: 'Mark Jessop' },
    });
    const title = `The ${who.family} family`;
    await hearth.login(who.reviewer);
    await page.locator('nav.site-nav').getByRole('link', { name: 'Retention', exact: true }).click();
    await expect(hearth.h1('Retention and disposal')).toBeVisible();
    await expect(page.locator('.summary-list')).toContainText('35 years from the day the case closed');
    await hearth.checkA11y();

    await page.getByRole('link', { name: title, exact: true }).click();
    await expect(hearth.h1(`${title}: retention`)).toBeVisible();
    await expect(page.locator('.lead')).toContainText('Due since');
    const familyPage = new URL(page.url()).pathname;
    await hearth.checkA11y();

    // A legal hold: its reason is required, and while it is in place nothing can be destroyed.
    await page.getByRole('button', { name: 'Place the hold', exact: true }).click();
    await expect(page.locator('.error-summary')).toContainText('Enter the reason');
    await page.getByLabel('Why the records must be kept', { exact: true }).fill('Public inquiry into the council\'s services, 1985 to 1995');
    await page.getByRole('button', { name: 'Place the hold', exact: true }).click();
    await expect(page.locator('.card .tag', { hasText: 'In place' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Destroy the records', exact: true })).toHaveCount(0);
    await expect(page.locator('.lead')).toContainText('held');
    await hearth.checkA11y();
    await page.getByLabel('Why the hold is no longer needed', { exact: true }).fill('The inquiry has reported');
    await page.getByRole('button', { name: 'Lift the hold', exact: true }).click();
    await expect(page.locator('.card .tag', { hasText: 'Lifted' })).toBeVisible();

    // Destruction must be confirmed; then the family is gone.
    await page.getByRole('button', { name: 'Destroy the records', exact: true }).click();
    await expect(page.locator('.error-summary')).toContainText('Confirm that the records may be destroyed');
    await hearth.checkA11y();
    await page.getByLabel(/^I have reviewed this family's records/).check();
    await page.getByRole('button', { name: 'Destroy the records', exact: true }).click();
    await expect(hearth.h1('Retention and disposal')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Destroyed', exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: title, exact: true })).toHaveCount(0);
    expect((await page.locator('main').textContent()) ?? '').not.toContain(who.family);
    await hearth.checkA11y();
    await hearth.open(familyPage, 404);

    // No one of them can be found for a request any more.
    await hearth.open('/information-requests/find', 200);
    await page.getByLabel('Their name', { exact: true }).fill(who.person);
    await page.getByRole('button', { name: 'Find them', exact: true }).click();
    await expect(page.getByText('No one of that name')).toBeVisible();
  });

  test('a parent and a practitioner reach none of it', async ({ hearth }) => {
    await hearth.login(USERS.kelly);
    await hearth.open('/disposals', 403);
    await hearth.signOut();
    await hearth.login(USERS.sam);
    await hearth.open('/disposals', 403);
    await expect(hearth.h1('You cannot see this page')).toBeVisible();
  });
});
