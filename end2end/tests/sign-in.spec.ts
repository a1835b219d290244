import { expect, PASSWORD, perProject, test, USERS } from './support';

test.describe('signing in', () => {
  test('a visitor who is not signed in is sent to the sign-in page', async ({ hearth, page }) => {
    await hearth.open('/');
    await expect(page).toHaveURL(/\/login$/);
    await expect(hearth.h1('Sign in to Hearth')).toBeVisible();
    await expect(page.getByLabel('Email or username', { exact: true })).toHaveAttribute('name', 'login');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('name', 'password');
    const join = page.getByRole('link', { name: 'I have an invitation code' });
    await expect(join).toHaveAttribute('href', /\/join$/);

    await hearth.open('/join', 200);
    await expect(hearth.h1('Set up your Hearth account')).toBeVisible();
    for (const [label, name] of [
      ['Invitation code', 'code'],
      ['Choose a username', 'login'],
      ['Choose a passphrase', 'passphrase'],
      ['Type the passphrase again', 'confirm'],
    ]) {
      await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('name', name);
    }
    await expect(page.getByRole('button', { name: 'Create my account', exact: true })).toBeVisible();
  });

  test('an empty form names both missing answers', async ({ hearth, page }) => {
    await hearth.open('/login', 200);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    const summary = page.locator('div.error-summary[role="alert"]');
    await expect(summary).toBeVisible();
    await expect(summary).toContainText('Enter your email or username');
    await expect(summary).toContainText('Enter your password');
    await expect(page.locator('p.error-message', { hasText: 'Enter your email or username' })).toBeVisible();
    await expect(page.locator('p.error-message', { hasText: 'Enter your password' })).toBeVisible();
    await expect(hearth.h1('Sign in to Hearth')).toBeVisible();
    await hearth.checkA11y();
  });

  test('a wrong password shows the error summary and the field error', async ({ hearth, page }, testInfo) => {
    // A different account per project: one failed attempt each, far from any lockout.
    const login = perProject(testInfo, { hydrated: USERS.owen, 'no-js': USERS.ada, phone: USERS.tom });
    const message = 'The email, username or password is not right';

    await hearth.open('/login', 200);
    await page.getByLabel('Email or username', { exact: true }).fill(login);
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();

    const summary = page.locator('div.error-summary[role="alert"]');
    await expect(summary).toBeVisible();
    await expect(summary.locator('h2.error-summary__title')).toBeVisible();
    const summaryLink = summary.locator('ul.error-summary__list > li > a', { hasText: message });
    await expect(summaryLink).toBeVisible();
    // The summary's link leads to the field that is in error.
    const target = await summaryLink.getAttribute('href');
    expect(target, 'the error summary links to a field').toMatch(/^#./);
    await expect(page.locator(`[id="${target!.slice(1)}"]`)).toHaveCount(1);
    await expect(page.locator('p.error-message', { hasText: message })).toBeVisible();

    await expect(hearth.h1('Sign in to Hearth')).toBeVisible();
    await expect(hearth.signOutButton).toHaveCount(0);
    await hearth.checkA11y();
  });

  test('the keyboard alone reaches the skip link, the fields and the button in order, and Enter signs in', async ({
    hearth,
    page,
  }) => {
    await hearth.open('/login', 200);

    // Which element has focus, as "skip-link", "login", "password", "sign-in" or a short description.
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return 'body';
        if (el.matches('a.skip-link')) return 'skip-link';
        const name = el.getAttribute('name');
        if (el.tagName === 'INPUT' && (name === 'login' || name === 'password')) return name;
        if (el.tagName === 'BUTTON' && el.textContent?.trim() === 'Sign in') return 'sign-in';
        return `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim().slice(0, 40)}`;
      });

    const order: string[] = [];
    for (let i = 0; i < 12 && !order.includes('sign-in'); i++) {
      await page.keyboard.press('Tab');
      order.push(await focused());
    }
    expect(order[0], `first Tab stop (the order was: ${order.join(' → ')})`).toBe('skip-link');
    const at = (stop: string) => order.indexOf(stop);
    expect(at('login'), `Tab order: ${order.join(' → ')}`).toBeGreaterThan(0);
    expect(at('password'), `Tab order: ${order.join(' → ')}`).toBeGreaterThan(at('login'));
    expect(at('sign-in'), `Tab order: ${order.join(' → ')}`).toBeGreaterThan(at('password'));

    // Now sign in without the mouse: Tab to the field, type, Tab, type, Enter.
    await hearth.open('/login', 200);
    for (let i = 0; i < 12 && (await focused()) !== 'login'; i++) await page.keyboard.press('Tab');
    expect(await focused()).toBe('login');
    await page.keyboard.type(USERS.sam);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');

    await expect(hearth.signOutButton).toBeVisible();
    await expect(hearth.h1('My families')).toBeVisible();
    await hearth.checkA11y();
  });

  test('a sign-in POST from another site is refused', async ({ request }) => {
    const response = await request.post('/api/sign_in', {
      headers: { Origin: 'https://evil.example' },
      form: { login: USERS.sam, password: PASSWORD },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()['set-cookie'], 'no session cookie for a cross-site POST').toBeUndefined();
  });
});
