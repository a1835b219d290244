import { expect, isoDay, perProject, test, USERS } from './support';

const HANA = 'hana.ito@brookford.example'; // information governance officer

test.describe('information rights', () => {
  test('an information governance officer logs a request for a parent, confirms who asks and sees when it is due', async ({ hearth, page }, testInfo) => {
    // Each project logs a request for a different parent: the three share one server.
    const who = perProject(testInfo, {
      hydrated: { search: 'kelly ash', name: 'Kelly Ashworth' },
      'no-js': { search: 'Baptiste', name: 'Marcus Baptiste' },
      phone: { search: 'Jade', name: 'Jade Clarke' },
    });
    await hearth.login(HANA);
    await expect(page).toHaveURL(/\/information-requests$/);
    await expect(hearth.h1('Subject access requests')).toBeVisible();
    await expect(page.locator('nav.site-nav').getByRole('link', { name: 'My families' })).toHaveCount(0);

    await page.getByRole('link', { name: 'Log a request', exact: true }).click();
    await expect(hearth.h1('Whose data is the request for?')).toBeVisible();
    await hearth.checkA11y();
    // Nothing typed: the error is next to the field, with or without JavaScript.
    await page.getByRole('button', { name: 'Find them', exact: true }).click();
    await expect(page.locator('.error-summary')).toContainText('Enter a name');
    await page.getByLabel('Their name', { exact: true }).fill(who.search);
    await page.getByRole('button', { name: 'Find them', exact: true }).click();
    await expect(page.getByRole('heading', { level: 3, name: who.name, exact: true })).toBeVisible();
    // What was typed is given back in the field, never in the address.
    await expect(page.getByLabel('Their name', { exact: true })).toHaveValue(who.search);
    expect(page.url().toLowerCase()).not.toContain(who.search.split(' ')[0].toLowerCase());
    await hearth.checkA11y();

    await page.getByRole('link', { name: `Log a request for ${who.name}`, exact: true }).click();
    await expect(hearth.h1(`Log a request for ${who.name}'s data`)).toBeVisible();
    await hearth.checkA11y();
    const received = page.getByLabel('The day the request arrived', { exact: true });
    await received.fill(isoDay(3));
    await page.getByRole('button', { name: 'Log the request', exact: true }).click();
    await expect(page.locator('.error-summary')).toContainText('The day the request arrived must be between');
    await received.fill(isoDay(-5));
    await page.getByRole('button', { name: 'Log the request', exact: true }).click();
    await expect(hearth.h1(`Request for ${who.name}'s data`)).toBeVisible();
    await expect(page.locator('.summary-list')).toContainText('Identity confirmed on');
    await expect(page.locator('.summary-list')).toContainText('Not yet');
    await hearth.checkA11y();

    await page.getByLabel('The day their identity was confirmed', { exact: true }).fill(isoDay(-1));
    await page.getByRole('button', { name: 'Record it', exact: true }).click();
    await expect(hearth.h1(`Request for ${who.name}'s data`)).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Identity confirmed', exact: true })).toHaveCount(0);
    await expect(page.locator('.lead')).toContainText('Due on');

    await page.getByRole('link', { name: 'Back to the requests', exact: true }).click();
    await expect(page.getByRole('heading', { level: 3, name: who.name, exact: true }).first()).toBeVisible();
    await hearth.checkA11y();
  });

  test('a parent and a practitioner reach none of it', async ({ hearth }) => {
    await hearth.login(USERS.kelly);
    await hearth.open('/information-requests', 403);
    await expect(hearth.h1('You cannot see this page')).toBeVisible();
    await hearth.open('/information-requests/find', 403);
    await hearth.signOut();
    await hearth.login(USERS.sam);
    await hearth.open('/information-requests', 403);
    await expect(hearth.h1('You cannot see this page')).toBeVisible();
  });
});
