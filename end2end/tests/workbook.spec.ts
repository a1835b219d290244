import { expect, type Hearth, perProject, test, USERS } from './support';

const WHO = {
  hydrated: { worker: USERS.sam, name: 'Sam Whitfield', family: 'The Ashworth family' },
  'no-js': { worker: USERS.priya, name: 'Priya Nair', family: 'The Dunmore family' },
  phone: { worker: USERS.noor, name: 'Noor Haddad', family: 'The Greenhill family' },
};

async function openFamilyPage(hearth: Hearth, family: string, section: string): Promise<void> {
  await hearth.open('/families', 200);
  await hearth.page.getByRole('link', { name: family, exact: true }).click();
  await expect(hearth.h1(family)).toBeVisible();
  await hearth.page.getByRole('navigation', { name: 'This family' }).getByRole('link', { name: section, exact: true }).click();
  await hearth.settle();
}

function isoDate(daysAhead: number): string {
  return new Date(Date.now() + daysAhead * 86_400_000).toISOString().slice(0, 10);
}

test.describe('the team workbook', () => {
  test('a visit recorded on a phone, flagged significant, is in the chronology and its CSV', async ({ hearth, page }, testInfo) => {
    const who = perProject(testInfo, WHO);
    const note = `Children seen at home, calm and well (${testInfo.project.name} ${Date.now().toString(36)})`;
    await hearth.login(who.worker);
    await openFamilyPage(hearth, who.family, 'Workbook');
    await expect(hearth.h1('Workbook')).toBeVisible();
    await hearth.checkA11y();

    await page.getByRole('link', { name: 'Record a visit', exact: true }).click();
    await expect(hearth.h1('Record a visit')).toBeVisible();
    await hearth.checkA11y();
    // Today's date and the place are filled in: only what happened must be written.
    await expect(page.getByLabel('Date', { exact: true })).toHaveValue(isoDate(0));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.locator('.error-summary')).toContainText('Enter what happened');
    await page.getByLabel('What happened', { exact: true }).fill(note);
    await page.getByRole('group', { name: 'Who was seen' }).getByRole('checkbox').first().check();
    await page.getByRole('group', { name: 'Were the children seen on their own?' }).getByLabel('Yes', { exact: true }).check();
    await page.getByLabel('Significant: add it to the chronology', { exact: true }).check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();

    await expect(hearth.h1('Workbook')).toBeVisible();
    await expect(page.locator('.entry__summary').filter({ hasText: note })).toBeVisible();
    await page.getByRole('navigation', { name: 'This family' }).getByRole('link', { name: 'Chronology', exact: true }).click();
    await expect(hearth.h1('Chronology')).toBeVisible();
    await expect(page.getByRole('link', { name: note })).toBeVisible();
    await page.getByLabel('Area (chapter)', { exact: true }).selectOption({ label: 'Social worker' });
    await page.getByLabel('From', { exact: true }).fill(isoDate(0));
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await expect(page).toHaveURL(/chapter=social_worker/);
    await expect(page.getByRole('link', { name: note })).toBeVisible();
    await hearth.checkA11y();

    const href = await page.getByRole('link', { name: 'Download as CSV', exact: true }).getAttribute('href');
    expect(href).toContain('/chronology.csv?');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const rows = (await csv.text()).split('\r\n').filter((line) => line.length > 0);
    expect(rows[0]).toBe('Date,Chapter,Kind,People,Summary,Recorded by');
    const mine = rows.filter((row) => row.includes(note));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain(`${isoDate(0)},Social worker,Visit,`);
    expect(mine[0]).toContain(who.name);
  });

  test('a group supervision is recorded and its action appears in the owner’s week', async ({ hearth, page }, testInfo) => {
    const who = perProject(testInfo, WHO);
    const action = `Ring the health visitor (${testInfo.project.name} ${Date.now().toString(36)})`;
    await hearth.login(who.worker);
    await openFamilyPage(hearth, who.family, 'Group supervision');
    await expect(hearth.h1('Group supervision')).toBeVisible();
    await hearth.checkA11y();

    await page.getByRole('group', { name: 'Who was there' }).getByLabel('Social worker', { exact: true }).check();
    await page.getByRole('group', { name: "The team's scale of risk, 0 to 10" }).getByLabel('5', { exact: true }).check();
    await page.getByRole('group', { name: "The team's scale of progress, 0 to 10" }).getByLabel('6', { exact: true }).check();
    await page.getByLabel('What is working well', { exact: true }).fill('The morning routine holds.');
    await page.getByLabel('Decisions', { exact: true }).fill('Carry on; review evenings next month.');
    await page.getByLabel('Action 1', { exact: true }).fill(action);
    await page.locator('#action_owner_0').selectOption({ label: `${who.name} (social worker)` });
    await page.locator('#action_due_0').fill(isoDate(2));
    await page.getByRole('button', { name: 'Save supervision', exact: true }).click();
    await expect(page.locator('.step__what').filter({ hasText: action })).toBeVisible();
    await hearth.checkA11y();

    await page.locator('nav.site-nav').getByRole('link', { name: 'My week', exact: true }).click();
    await expect(hearth.h1('My week')).toBeVisible();
    const item = page.locator('li.due-card').filter({ hasText: action });
    await expect(item).toBeVisible();
    await expect(item).toContainText(who.family);
    await hearth.checkA11y();
  });

  test('a parent can reach none of the workbook', async ({ hearth }) => {
    const ashworth = await hearth.familyPath(USERS.sam, 'The Ashworth family');
    await hearth.login(USERS.kelly);
    for (const path of ['workbook', 'chronology', 'assessment', 'supervision']) {
      await hearth.open(`${ashworth}/${path}`, 403);
      await expect(hearth.h1('You cannot see this page')).toBeVisible();
    }
    await hearth.open('/week', 403);
  });
});
