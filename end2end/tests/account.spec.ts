import { createHmac } from 'node:crypto';
import { expect, PASSWORD, perProject, test, USERS } from './support';

/** The code an authenticator app shows for a base32 key at a time (RFC 6238). */
function totp(key: string, unixSeconds: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of key.replace(/\s+/g, '').toUpperCase()) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  }
  const secret = Buffer.from(
    (bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)),
  );
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const mac = createHmac('sha1', secret).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const value = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return value.toString().padStart(6, '0');
}

test.describe('your own account', () => {
  test('a worker is told of failed sign-ins, turns on a second factor and signs in with it', async ({ hearth, page }, testInfo) => {
    // Accounts only this test signs in as (sign-in.spec.ts only tries a wrong password on them).
    const login = perProject(testInfo, { hydrated: USERS.owen, 'no-js': USERS.ada, phone: USERS.tom });

    await hearth.open('/login', 200);
    await page.getByLabel('Email or username', { exact: true }).fill(login);
    await page.getByLabel('Password', { exact: true }).fill('a wrong guess');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.locator('p.error-message:visible')).toBeVisible();

    await hearth.login(login);
    const notice = page.getByRole('region', { name: 'Important' });
    await expect(notice).toContainText('Someone tried');
    await page.getByRole('button', { name: 'I have read this', exact: true }).click();
    await expect(page.getByRole('button', { name: 'I have read this', exact: true })).toHaveCount(0);

    await hearth.open('/account', 200);
    await expect(hearth.h1('Your account')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Where you are signed in' })).toBeVisible();
    await expect(page.getByText('This device', { exact: true }).first()).toBeVisible();
    await hearth.checkA11y();

    await page.getByRole('link', { name: 'Set up your second factor' }).click();
    await expect(hearth.h1('Set up a second factor')).toBeVisible();
    await expect(page.locator('.qr-code svg')).toBeVisible();
    const key = (await page.locator('.secret-key code').innerText()).trim();
    expect(key.replace(/\s/g, '')).toMatch(/^[A-Z2-7]{32}$/);
    await hearth.checkA11y();

    const now = Date.now() / 1000;
    const right = totp(key, now);
    const wrong = right === '000000' ? '111111' : '000000';
    await page.getByLabel('Code from the app', { exact: true }).fill(wrong);
    await page.getByRole('button', { name: 'Turn on the second factor', exact: true }).click();
    await expect(page.locator('p.error-message', { hasText: 'The code is not right' })).toBeVisible();
    await expect(page.locator('.secret-key code'), 'the same key comes back').toHaveText(key);
    await page.getByLabel('Code from the app', { exact: true }).fill(right);
    await page.getByRole('button', { name: 'Turn on the second factor', exact: true }).click();
    await expect(hearth.h1('Keep your recovery codes')).toBeVisible();
    await expect(page.locator('ol.recovery-codes li')).toHaveCount(10);
    await hearth.checkA11y();

    await hearth.signOut();
    await hearth.open('/login', 200);
    await page.getByLabel('Email or username', { exact: true }).fill(login);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(hearth.h1('Enter the code from your authenticator app')).toBeVisible();
    await hearth.checkA11y();
    // The code of the next 30 seconds: the one that turned the factor on is never taken twice.
    await page.getByLabel('Code', { exact: true }).fill(totp(key, now + 30));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(hearth.signOutButton).toBeVisible();
    await expect(page).toHaveURL(/\/families$/);
  });

  test('changing a password says what is wrong, next to the field', async ({ hearth, page }, testInfo) => {
    await hearth.login(perProject(testInfo, { hydrated: USERS.priya, 'no-js': USERS.noor, phone: USERS.kelly }));
    await hearth.open('/account/password', 200);
    await expect(hearth.h1('Change your password')).toBeVisible();
    await page.getByLabel('Current password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Type the new password again', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Change password', exact: true }).click();
    await expect(page.locator('p.error-message', { hasText: 'at least 12 characters' })).toBeVisible();
    await hearth.checkA11y();
  });
});
