import { expect, test, USERS } from './support';

test.describe('the team dashboard', () => {
  test("a manager sees the team's families, then each worker's load on its own page", async ({ hearth, page }) => {
    await hearth.login(USERS.maya);
    await hearth.open('/team', 200);
    await expect(hearth.h1('Team')).toBeVisible();
    await expect(page.getByRole('link', { name: 'The Ashworth family' })).toBeVisible();
    // A page number past the end shows the last page, not an error.
    await hearth.open('/team?page=40', 200);
    await expect(page.getByRole('link', { name: 'The Ashworth family' })).toBeVisible();
    await page.getByRole('link', { name: "Each worker's families and what is overdue", exact: true }).click();
    await expect(hearth.h1('Workers')).toBeVisible();
    const sam = page.getByRole('row', { name: /^Sam Whitfield/ });
    await expect(sam).toHaveCount(1);
    await hearth.checkA11y();
    await page.getByRole('link', { name: 'Back to the team dashboard', exact: true }).click();
    await expect(hearth.h1('Team')).toBeVisible();
  });
});
