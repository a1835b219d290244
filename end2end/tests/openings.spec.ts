import { expect, test, USERS } from './support';

test.describe('openings outside the team', () => {
  test('a manager reads why their family was opened from outside the team, and marks it reviewed', async ({ hearth, page }, testInfo) => {
    await hearth.login(USERS.maya);
    await hearth.open('/team', 200);
    await page.getByRole('link', { name: 'Families opened outside the team', exact: true }).click();
    await expect(hearth.h1('Families opened outside the team')).toBeVisible();
    const item = page.locator('li.session-list__item', { hasText: 'Noor Haddad' }).first();
    await expect(item).toContainText('The Ashworth family');
    await expect(item).toContainText('Reason: Duty cover overnight');
    await hearth.checkA11y();
    // One project marks it, so that the three (sharing one server) do not race for it.
    if (testInfo.project.name === 'hydrated') {
      const button = item.getByRole('button', { name: /^Mark as reviewed/ });
      if (await button.count()) {
        await button.click();
        await expect(item).toContainText('Reviewed');
        await expect(item).toContainText('Maya Okafor');
      }
    }
  });
});
