import {
  expect,
  FAMILY_SECTIONS,
  NORTH_FAMILIES,
  perProject,
  SOUTH_FAMILIES,
  test,
  USERS,
} from './support';

test.describe('staff', () => {
  test('a practitioner sees the families of their team and opens one', async ({ hearth, page }) => {
    await hearth.login(USERS.sam);
    await expect(page).toHaveURL(/\/families$/);
    await expect(hearth.h1('My families')).toBeVisible();
    await expect(page.locator('.site-header__user')).toContainText('Sam Whitfield');
    await expect(page.locator('nav.site-nav').getByRole('link', { name: 'My families' })).toHaveAttribute(
      'aria-current',
      'page',
    );

    const cards = page.locator('ul.card-list > li.card .card__title > a');
    await expect(cards.filter({ hasText: 'The Ashworth family' })).toBeVisible();
    await expect(cards.filter({ hasText: 'The Baptiste family' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Other families in your team' })).toBeVisible();
    for (const family of SOUTH_FAMILIES) {
      await expect(page.getByText(family), `${family} is in the South team`).toHaveCount(0);
    }

    await page.getByRole('link', { name: 'The Ashworth family', exact: true }).click();
    await expect(hearth.h1('The Ashworth family')).toBeVisible();
    await expect(page).toHaveURL(/\/families\/[0-9a-f-]{36}$/i);
    for (const section of FAMILY_SECTIONS) {
      await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
    }
    await hearth.checkA11y();

    // The same page, loaded whole from the server.
    await hearth.open(new URL(page.url()).pathname, 200);
    await expect(hearth.h1('The Ashworth family')).toBeVisible();
  });

  test('opening a family of another team needs a stated reason, and says so afterwards', async (
    { hearth, page },
    testInfo,
  ) => {
    const fairweather = await hearth.familyPath(USERS.noor, 'The Fairweather family');
    // A different North practitioner per project: a reason, once given, may open
    // the family to that person for a while.
    await hearth.login(perProject(testInfo, { hydrated: USERS.rhys, 'no-js': USERS.lena, phone: USERS.dana }));

    await hearth.open(fairweather, 403);
    await expect(hearth.h1('This family is not in your team')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Who is in the family' })).toHaveCount(0);

    await page
      .getByLabel('Why do you need to open this family?', { exact: true })
      .fill('Duty desk: a call came in about the children and the South team cannot be reached.');
    await page.getByRole('button', { name: 'Open this family and record my reason', exact: true }).click();

    await expect(hearth.h1('The Fairweather family')).toBeVisible();
    await expect(page.getByText('You opened this family outside your team')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Who is in the family', exact: true })).toBeVisible();
    await hearth.checkA11y();
  });

  test('a manager sees every family of their team and the audit trail', async ({ hearth, page }) => {
    await hearth.login(USERS.maya);
    await hearth.open('/families', 200);
    await expect(hearth.h1('Team families')).toBeVisible();
    const cards = page.locator('ul.card-list > li.card .card__title > a');
    for (const family of NORTH_FAMILIES) {
      await expect(cards.filter({ hasText: family }), family).toBeVisible();
    }
    for (const family of SOUTH_FAMILIES) {
      await expect(page.getByText(family), `${family} is in the South team`).toHaveCount(0);
    }

    await page.locator('nav.site-nav').getByRole('link', { name: 'Audit trail' }).click();
    await expect(hearth.h1('Audit trail')).toBeVisible();
    await expect(page.locator('table.table')).toBeVisible();
    await hearth.checkA11y();
  });

  test('an administrator cannot read a family', async ({ hearth, page }) => {
    const ashworth = await hearth.familyPath(USERS.sam, 'The Ashworth family');
    await hearth.login(USERS.jordan);
    await expect(page.locator('nav.site-nav').getByRole('link', { name: 'Accounts' })).toBeVisible();

    await hearth.open(ashworth, 403);
    await expect(hearth.h1('You cannot see this page')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Who is in the family' })).toHaveCount(0);

    await hearth.open('/accounts', 200);
    await expect(hearth.h1('Accounts')).toBeVisible();
  });

  test('a malformed or unknown family id is not found', async ({ hearth }) => {
    await hearth.login(USERS.sam);
    await hearth.open('/families/not-a-family', 404);
    await expect(hearth.h1('Page not found')).toBeVisible();
    await hearth.open('/families/00000000-0000-4000-8000-000000000000', 404);
    await expect(hearth.h1('Page not found')).toBeVisible();
  });
});
