#!/usr/bin/env node
// Prints, one per line, every /pkg/ file a first visit to a page loads in Chromium, including
// the wasm chunks its islands fetch after they wake: what page-weight.sh then weighs.
//
//   node scripts/page-assets.mjs BASE PATH [COOKIE]
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', 'end2end', 'package.json'));
const { chromium } = require('@playwright/test');

const [base, path, cookie] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.HEARTH_E2E_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const context = await browser.newContext(cookie ? { extraHTTPHeaders: { Cookie: cookie } } : {});
  const page = await context.newPage();
  const seen = new Set();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/pkg/')) seen.add(url.pathname);
  });
  await page.goto(base + path, { waitUntil: 'networkidle' });
  // Islands wake when the browser is idle and then fetch their chunks; wait for those too.
  if ((await page.locator('link[rel="modulepreload"]').count()) > 0) {
    await page.waitForSelector('body[data-hydrated]', { timeout: 15000 });
    await page.waitForLoadState('networkidle');
  }
  for (const url of [...seen].sort()) console.log(url);
} finally {
  await browser.close();
}
