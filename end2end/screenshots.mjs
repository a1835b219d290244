// Screenshots of the main pages for people to look at (not a test):
//   node end2end/screenshots.mjs http://127.0.0.1:3000 320 /tmp/shots
// Prints console errors and failed requests it sees on the way.
import { chromium } from '@playwright/test';
const base = process.argv[2];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync','--no-first-run','--disable-quic'] });
async function session(login, width, js = true) {
  const ctx = await browser.newContext({ viewport: { width, height: 700 }, javaScriptEnabled: js });
  const page = await ctx.newPage();
  page.on('response', r => { if (r.status() >= 400) console.log('[http]', r.status(), r.url()); });
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[console ${m.type()}] ${m.text()}`); });
  page.on('pageerror', e => console.log('[pageerror]', e.message));
  await page.goto(base + '/login');
  if (js) await page.waitForSelector('body[data-hydrated=true]', { timeout: 15000 }).catch(() => console.log('NOT HYDRATED'));
  if (login) {
    await page.getByLabel('Email or username').fill(login);
    await page.getByLabel('Password').fill('hearth-demo');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(u => !u.pathname.startsWith('/login'), { timeout: 15000 });
    await page.waitForLoadState('networkidle');
  }
  return page;
}
const w = Number(process.argv[3] || 320);
const out = process.argv[4] || '/tmp/shots';
(await import('node:fs')).mkdirSync(out, { recursive: true });
let p = await session(null, w);
await p.getByRole('button', { name: 'Sign in' }).click();
await p.waitForTimeout(500);
await p.screenshot({ path: `${out}/login-errors-${w}.png`, fullPage: true });
p = await session('sam.whitfield@brookford.example', w);
console.log('after sign-in at', p.url());
await p.screenshot({ path: `${out}/families-${w}.png`, fullPage: true });
await p.getByRole('link', { name: 'The Ashworth family' }).click();
await p.waitForURL(/families\/.+/);
await p.getByRole('heading', { name: 'The Ashworth family' }).waitFor();
await p.screenshot({ path: `${out}/family-${w}.png`, fullPage: true });
p = await session('kelly.ashworth', w);
console.log('parent at', p.url());
await p.screenshot({ path: `${out}/me-${w}.png`, fullPage: true });
await browser.close();
