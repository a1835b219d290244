import { expect, test, USERS } from './support';

test.describe('running the council', () => {
  test('an administrator adds a team and a social worker, who chooses a password with the set-up code', async ({ hearth, page }, testInfo) => {
    // Names of this project's own, so the three projects never meet.
    const stamp = `${testInfo.project.name} ${Date.now()}`;
    const team = `Family Safeguarding ${stamp}`;
    const email = `robin.${testInfo.project.name}.${Date.now()}@brookford.example`;
    const password = 'copper kettle drizzle lantern';

    await hearth.login(USERS.jordan);
    await expect(hearth.h1('Accounts')).toBeVisible();
    await hearth.open('/teams', 200);
    await expect(hearth.h1('Teams')).toBeVisible();

    // A name left empty is refused beside the field, and nothing is added.
    await page.getByRole('button', { name: 'Add team', exact: true }).click();
    await expect(page.locator('p.error-message', { hasText: "Enter the team's name" })).toBeVisible();
    await page.getByLabel('Team name', { exact: true }).fill(team);
    await page.getByRole('button', { name: 'Add team', exact: true }).click();
    await expect(hearth.h1(team)).toBeVisible();
    await expect(page.getByText('No families yet.')).toBeVisible();
    await hearth.checkA11y();

    await hearth.open('/accounts/new', 200);
    await expect(hearth.h1('Add a member of staff')).toBeVisible();
    await page.getByLabel('Full name', { exact: true }).fill('Robin Hale');
    await page.getByLabel('Work email', { exact: true }).fill('robin at brookford');
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Social worker' });
    await page.getByLabel('Team', { exact: true }).selectOption({ label: team });
    await page.getByRole('button', { name: 'Add and make a set-up code', exact: true }).click();
    await expect(page.locator('p.error-message', { hasText: 'like name@council.gov.uk' })).toBeVisible();
    await expect(page.getByLabel('Full name', { exact: true }), 'nothing typed is lost').toHaveValue('Robin Hale');
    await page.getByLabel('Work email', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Add and make a set-up code', exact: true }).click();
    await expect(hearth.h1('Robin Hale')).toBeVisible();
    const code = (await page.getByTestId('set-up-code').innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(page.getByTestId('account-status')).toContainText('Not set up yet');
    await hearth.checkA11y();
    const accountPath = new URL(page.url()).pathname;
    await hearth.signOut();

    await hearth.open('/login', 200);
    await page.getByRole('link', { name: 'set up your staff account' }).click();
    await expect(hearth.h1('Set up your staff account')).toBeVisible();
    await hearth.checkA11y();
    await page.getByLabel('Set-up code', { exact: true }).fill(code.toLowerCase());
    await page.getByLabel('Choose a password', { exact: true }).fill('Robin Hale 2026');
    await page.getByLabel('Type the password again', { exact: true }).fill('Robin Hale 2026');
    await page.getByRole('button', { name: 'Set my password', exact: true }).click();
    await expect(page.locator('p.error-message', { hasText: 'name' })).toBeVisible();
    await expect(page.getByLabel('Set-up code', { exact: true }), 'the code is kept').toHaveValue(code.toLowerCase());
    await page.getByLabel('Choose a password', { exact: true }).fill(password);
    await page.getByLabel('Type the password again', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Set my password', exact: true }).click();
    await expect(hearth.signOutButton).toBeVisible();
    await expect(page.locator('main h1')).toBeVisible();
    await hearth.checkA11y();
    await hearth.signOut();

    // The account's page lists what happened; disabling stops the password working.
    await hearth.login(USERS.jordan);
    await hearth.open(accountPath, 200);
    await expect(page.getByTestId('account-status')).toHaveText('Active');
    await expect(page.getByRole('cell', { name: 'Chose their password with a set-up code' })).toBeVisible();
    await expect(page.getByTestId('set-up-code'), 'a code is shown once').toHaveCount(0);
    await page.getByRole('button', { name: 'Disable account', exact: true }).click();
    await expect(page.getByTestId('account-status')).toContainText('Disabled');
    await expect(page.getByRole('cell', { name: 'Disabled an account' })).toBeVisible();
    await hearth.checkA11y();
    await hearth.signOut();

    await hearth.open('/login');
    await page.getByLabel('Email or username', { exact: true }).fill(email);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.locator('p.error-message:visible')).toBeVisible();
  });
});
