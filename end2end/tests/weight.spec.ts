import { expect, test, USERS } from './support';
import type { Page } from '@playwright/test';

/** The scripts and wasm a page asks for when it is opened afresh. */
async function codeLoadedBy(page: Page, path: string): Promise<string[]> {
  const code: string[] = [];
  const onRequest = (r: { url(): string; resourceType(): string }) => {
    if (r.resourceType() === 'script' || /\.(js|wasm)(\?|$)/.test(r.url())) code.push(r.url());
  };
  page.on('request', onRequest);
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  page.off('request', onRequest);
  return code;
}

test.describe('what a page costs a phone', () => {
  test('a page where nothing reacts loads no script and no wasm; a form that checks itself does', async ({
    hearth,
    page,
  }) => {
    test.skip(!hearth.js, 'about what JavaScript loads');
    await hearth.login(USERS.maya);
    // Lists and links only: the server's HTML is all there is.
    for (const path of ['/families', '/team', '/week']) {
      expect(await codeLoadedBy(page, path), `${path} loads no code`).toEqual([]);
    }
    await hearth.signOut();
    // Signing in is checked by the server alone (decision 27): its page stays as light.
    expect(await codeLoadedBy(page, '/login'), '/login loads no code').toEqual([]);
    // The invitation form checks itself before it is sent: its island wakes with the bundle.
    const code = await codeLoadedBy(page, '/join');
    expect(code.some((url) => url.endsWith('.wasm'))).toBe(true);
    await hearth.settle();
    await page.getByRole('button', { name: 'Create my account', exact: true }).click();
    await expect(page.locator('#code-error')).toContainText('Enter your invitation code');
  });
});
