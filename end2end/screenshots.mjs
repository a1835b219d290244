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
// A tall page is saved in parts of 1600 px (name-1.png, name-2.png…): a whole page at phone
// width is too tall to read when opened as one image.
async function shot(page, name) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, part = 1; y < height; y += 1600, part += 1) {
    const clip = { x: 0, y, width: w, height: Math.min(1600, height - y) };
    await page.screenshot({ path: `${out}/${name}-${w}-${part}.png`, fullPage: true, clip });
  }
}
let p = await session(null, w);
await p.getByRole('button', { name: 'Sign in' }).click();
await p.waitForTimeout(500);
await shot(p, 'login-errors');
p = await session('sam.whitfield@brookford.example', w);
console.log('after sign-in at', p.url());
await shot(p, 'families');
await p.getByRole('link', { name: 'The Ashworth family' }).click();
await p.waitForURL(/families\/.+/);
await p.getByRole('heading', { name: 'The Ashworth family' }).waitFor();
await shot(p, 'family');
const familyUrl = p.url();
await p.locator('.goal-card a').first().click();
await p.waitForURL(/goals\/[0-9a-f-]{36}$/);
await p.waitForLoadState('networkidle');
await shot(p, 'goal');
await p.getByRole('link', { name: 'Working on change', exact: true }).click();
await p.getByRole('heading', { name: 'Working on change', level: 1 }).waitFor();
await p.waitForLoadState('networkidle');
await shot(p, 'change');
await p.goto(familyUrl + '/workbook/new/visit');
await p.getByLabel('Which goal was this about?').selectOption({ index: 1 });
await p.getByRole('button', { name: 'Show prompts' }).click();
await p.locator('.prompt-panel').waitFor();
await shot(p, 'visit-prompts');
await p.goto(familyUrl + '/supervision');
await p.waitForLoadState('networkidle');
await shot(p, 'supervision');
await p.goto(base + '/prompts?area=drugs_alcohol&stage=relapse');
await p.waitForLoadState('networkidle');
await shot(p, 'prompts');
for (const [path, name] of [['/account', 'account'], ['/account/second-factor', 'second-factor'], ['/account/password', 'password'], ['/confirm?then=/families', 'confirm']]) {
  await p.goto(base + path);
  await p.waitForLoadState('networkidle');
  await shot(p, name);
}
// The case record: a child's legal status history, the trio, closing, opening a family.
await p.goto(familyUrl);
await p.getByRole('link', { name: 'Lily Ashworth' }).click();
await p.getByRole('heading', { name: 'Lily Ashworth', level: 1 }).waitFor();
await p.waitForLoadState('networkidle');
await shot(p, 'member');
for (const [path, name] of [['/findings', 'findings'], ['/case', 'case'], ['/members/new', 'new-member']]) {
  await p.goto(familyUrl + path);
  await p.waitForLoadState('networkidle');
  await shot(p, name);
}
await p.getByRole('button', { name: 'Add to the household' }).click();
await p.waitForTimeout(500);
await shot(p, 'new-member-errors');
await p.goto(base + '/families/new');
await p.waitForLoadState('networkidle');
await shot(p, 'new-family');
p = await session('maya.okafor@brookford.example', w);
for (const [path, name] of [['/team', 'team'], ['/team/openings', 'openings']]) {
  await p.goto(base + path);
  await p.waitForLoadState('networkidle');
  await shot(p, name);
}
p = await session('jordan.lee@brookford.example', w);
for (const [path, name] of [['/accounts', 'accounts'], ['/teams', 'teams'], ['/accounts/new', 'new-staff']]) {
  await p.goto(base + path);
  await p.waitForLoadState('networkidle');
  await shot(p, name);
}
await p.getByRole('button', { name: 'Add and make a set-up code' }).click();
await p.waitForTimeout(500);
await shot(p, 'new-staff-errors');
await p.goto(base + '/teams');
await p.getByRole('link', { name: 'Family Safeguarding North' }).click();
await p.getByRole('heading', { name: 'Family Safeguarding North', level: 1 }).waitFor();
await p.waitForLoadState('networkidle');
await shot(p, 'team-admin');
await p.getByRole('link', { name: 'Who works with The Ashworth family' }).click();
await p.getByRole('heading', { name: 'Who works with The Ashworth family', level: 1 }).waitFor();
await p.waitForLoadState('networkidle');
await shot(p, 'allocation');
await p.goto(base + '/accounts');
await p.getByRole('link', { name: 'Sam Whitfield' }).click();
await p.getByRole('heading', { name: 'Sam Whitfield', level: 1 }).waitFor();
await p.waitForLoadState('networkidle');
await shot(p, 'staff-account');
// The case system's extract: the upload page, a refusal beside its field, a check's report.
await p.goto(base + '/imports');
await p.waitForLoadState('networkidle');
await shot(p, 'imports');
const examples = new URL('../docs/examples/ssd/', import.meta.url).pathname;
const extract = ['ssd_person.csv', 'ssd_family.csv', 'ssd_cp_plans.csv', 'ssd_cin_episodes.csv', 'ssd_involvements.csv'].map((f) => examples + f);
await p.getByLabel("Choose the extract's CSV files").setInputFiles([extract[0]]);
await p.getByRole('button', { name: 'Check the files' }).click();
await p.waitForLoadState('networkidle');
await shot(p, 'imports-errors');
await p.getByLabel("Choose the extract's CSV files").setInputFiles(extract);
await p.getByRole('button', { name: 'Check the files' }).click();
await p.getByRole('heading', { name: "Check of the case system's extract", level: 1 }).waitFor();
await p.waitForLoadState('networkidle');
await shot(p, 'extract-report');
p = await session(null, w);
await p.goto(base + '/set-up');
await p.waitForLoadState('networkidle');
await shot(p, 'set-up');
p = await session('kelly.ashworth', w);
console.log('parent at', p.url());
await shot(p, 'me');
await p.getByRole('link', { name: 'Make your own plan for this goal' }).first().click();
await p.getByRole('heading', { name: 'Your plan for this goal', level: 1 }).waitFor();
await p.waitForLoadState('networkidle');
await shot(p, 'own-plan');
await browser.close();
