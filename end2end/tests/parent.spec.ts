import { expect, test, USERS } from './support';

test.describe('parents', () => {
  test('a parent lands on their own page and cannot open staff pages', async ({ hearth, page }) => {
    const ashworth = await hearth.familyPath(USERS.sam, 'The Ashworth family');

    await hearth.login(USERS.kelly);
    await expect(page).toHaveURL(/\/me$/);
    await expect(hearth.h1('Hello, Kelly')).toBeVisible();
    await expect(page.locator('nav.site-nav').getByRole('link', { name: 'Your page' })).toBeVisible();
    await expect(page.locator('nav.site-nav').getByRole('link', { name: 'My families' })).toHaveCount(0);

    await hearth.open(ashworth, 403);
    await expect(hearth.h1('You cannot see this page')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Who is in the family' })).toHaveCount(0);

    await hearth.open('/audit', 403);
    await expect(hearth.h1('You cannot see this page')).toBeVisible();

    await hearth.open('/me', 200);
    await expect(hearth.h1('Hello, Kelly')).toBeVisible();
  });
});
