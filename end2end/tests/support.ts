// Shared helpers for the end-to-end suite. Everything here follows
// docs/ui-contract.md: change both together.
import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import {
  test as base,
  expect,
  type Locator,
  type Page,
  type Response,
  type TestInfo,
} from '@playwright/test';

export { expect };

export const PASSWORD = 'hearth-demo';

export const USERS = {
  sam: 'sam.whitfield@brookford.example', // social worker, North
  priya: 'priya.nair@brookford.example', // social worker, North
  maya: 'maya.okafor@brookford.example', // team manager, North
  dana: 'dana.price@brookford.example', // domestic abuse practitioner, North
  owen: 'owen.baker@brookford.example', // domestic abuse officer, North
  rhys: 'rhys.morgan@brookford.example', // recovery worker, North
  lena: 'lena.fischer@brookford.example', // mental health practitioner, North
  ada: 'ada.chen@brookford.example', // psychologist, North
  tom: 'tom.reilly@brookford.example', // family support worker, North
  noor: 'noor.haddad@brookford.example', // social worker, South
  grace: 'grace.mensah@brookford.example', // team manager, South
  jordan: 'jordan.lee@brookford.example', // administrator
  kelly: 'kelly.ashworth', // parent, Ashworth (North)
  marcus: 'marcus.baptiste', // parent, Baptiste (North)
} as const;

export const NORTH_FAMILIES = [
  'The Ashworth family',
  'The Baptiste family',
  'The Clarke family',
  'The Dunmore family',
  'The Evans family',
];
export const SOUTH_FAMILIES = ['The Fairweather family', 'The Greenhill family'];

export const FAMILY_SECTIONS = [
  'Who is in the family',
  'Cohort check',
  'Trio of vulnerabilities',
  'Who is working with the family',
  'Family accounts',
];

export type ProjectName = 'hydrated' | 'no-js' | 'phone';

/** Picks a value per Playwright project, so that the three projects, which share
 * one server and its data, never trip over each other's state. */
export function perProject<T>(testInfo: TestInfo, values: Record<ProjectName, T>): T {
  const name = testInfo.project.name as ProjectName;
  if (!(name in values)) throw new Error(`unknown Playwright project ${name}`);
  return values[name];
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const checkedMarkup = new Set<string>();

/** Runs axe on the page and fails on any violation of impact serious or
 * critical, listing each one readably. On the 320 px phone viewport it also
 * fails when the page scrolls sideways (WCAG 1.4.10 Reflow).
 *
 * axe runs inside the page and needs its timers, which do not run where
 * JavaScript is off. There it checks a copy instead: the page's current HTML,
 * served at the same URL to a fresh page with JavaScript on, the site's scripts
 * blocked and <noscript> unwrapped, with the same stylesheets and viewport. */
export async function checkA11y(page: Page, javaScriptEnabled = true): Promise<void> {
  // Markup this worker has already checked under the same conditions passed
  // then and would pass now: skip it (the sign-in page comes round ~15 times a
  // project). Per-response noise (nonces, field values, ids) is left out.
  const content = await page.content();
  const markup = content
    .replace(/\snonce="[^"]*"/g, '')
    .replace(/\svalue="[^"]*"/g, '')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'UUID');
  const key = createHash('sha256')
    .update(`${javaScriptEnabled}|${JSON.stringify(page.viewportSize())}|${markup}`)
    .digest('hex');
  if (checkedMarkup.has(key)) return;

  let results: Awaited<ReturnType<AxeBuilder['analyze']>>;
  if (javaScriptEnabled) {
    results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  } else {
    const url = page.url();
    const html = content
      .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
      .replace(/<\/?noscript\b[^>]*>/gi, '');
    const browser = page.context().browser();
    if (!browser) throw new Error('checkA11y: no browser behind this page');
    const context = await browser.newContext({
      viewport: page.viewportSize(),
      javaScriptEnabled: true,
      locale: 'en-GB',
    });
    try {
      const copy = await context.newPage();
      await copy.route('**/*', async (route) => {
        const request = route.request();
        if (request.isNavigationRequest()) {
          await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
        } else if (request.resourceType() === 'script' || /\.wasm(\?|$)/.test(request.url())) {
          await route.abort();
        } else {
          await route.continue();
        }
      });
      await copy.goto(url);
      results = await new AxeBuilder({ page: copy }).withTags(AXE_TAGS).analyze();
    } finally {
      await context.close();
    }
  }
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length > 0) {
    const lines = [`${bad.length} serious or critical accessibility violation(s) on ${page.url()}:`];
    for (const v of bad) {
      lines.push('', `[${v.impact}] ${v.id}: ${v.help}`, `  ${v.helpUrl}`);
      for (const node of v.nodes) {
        lines.push(`  at ${node.target.join(' ')}`);
        lines.push(`     ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
        for (const summaryLine of (node.failureSummary ?? '').split('\n')) {
          if (summaryLine.trim()) lines.push(`     ${summaryLine.trim()}`);
        }
      }
    }
    throw new Error(lines.join('\n'));
  }
  const width = page.viewportSize()?.width ?? 0;
  if (width > 0 && width <= 320) {
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(
      scrollWidth,
      `${page.url()} is ${scrollWidth} px wide on a ${width} px screen: it must not scroll sideways ` +
        '(wrap wide tables in div.table-wrap)',
    ).toBeLessThanOrEqual(width);
  }
  checkedMarkup.add(key);
}

/** The page of the test, with the moves every test makes. */
export class Hearth {
  constructor(
    readonly page: Page,
    /** false in the no-js project */
    readonly js: boolean,
  ) {}

  get signOutButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign out', exact: true });
  }

  h1(name: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' });
  }

  /** Waits until the browser bundle has hydrated the page (body[data-hydrated=true]).
   * Does nothing where JavaScript is off, or on a page that loads no bundle (nothing on it
   * reacts in the browser). */
  async settle(): Promise<void> {
    if (!this.js) return;
    await this.page.waitForLoadState('domcontentloaded');
    if ((await this.page.locator('link[rel="modulepreload"]').count()) === 0) return;
    if (await this.hydrates()) return;
    // Once in a few hundred pages on a loaded 2-core CI machine, the bundle has not woken
    // after 20 s with no error at all. Say so, with what the page had loaded, and load the
    // page once more: a page that fails again fails the test.
    const first = await this.loadingState();
    console.log(`WARNING: ${this.page.url()} did not hydrate within 20 s; loading it again.\n${first}`);
    await this.page.reload();
    await this.page.waitForLoadState('domcontentloaded');
    if (await this.hydrates()) return;
    throw new Error(
      `${this.page.url()} did not hydrate within 20 s, twice (no body[data-hydrated="true"]): ` +
        'the wasm bundle failed to load or panicked; see the browser console in the attachments.\n' +
        `First load:\n${first}\nSecond load:\n${await this.loadingState()}`,
    );
  }

  private async hydrates(): Promise<boolean> {
    return this.page
      .locator('body[data-hydrated="true"]')
      .waitFor({ state: 'attached', timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
  }

  /** What the page had fetched and run when it failed to hydrate: the bundle's requests with
   * their timings and statuses, the document's state, and whether the loader script had run. */
  private async loadingState(): Promise<string> {
    return this.page
      .evaluate(() => {
        const bundle = performance
          .getEntriesByType('resource')
          .filter((e) => e.name.includes('/pkg/'))
          .map((e) => {
            const r = e as PerformanceResourceTiming;
            return `  ${new URL(r.name).pathname}: started ${r.startTime.toFixed(0)} ms, took ${r.duration.toFixed(0)} ms, status ${r.responseStatus}`;
          });
        const w = window as unknown as { __hydrateIsland?: unknown };
        return [
          `document: ${document.readyState}; loader imported: ${w.__hydrateIsland !== undefined}; ` +
            `islands: ${document.querySelectorAll('leptos-island').length}; ` +
            `since navigation: ${performance.now().toFixed(0)} ms`,
          bundle.length > 0 ? `bundle requests:\n${bundle.join('\n')}` : 'bundle requests: none',
        ].join('\n');
      })
      .catch((error: unknown) => `(could not read the page's state: ${String(error)})`);
  }

  /** Waits for hydration, then checks the page as it is now for accessibility. */
  async checkA11y(): Promise<void> {
    await this.settle();
    await checkA11y(this.page, this.js);
  }

  /** Loads a page with a full request, waits for hydration, checks the status
   * when one is given, then runs the accessibility check. */
  async open(path: string, expectStatus?: number): Promise<Response | null> {
    const response = await this.page.goto(path);
    if (expectStatus !== undefined) {
      expect(response, `no response for ${path}`).not.toBeNull();
      expect(response!.status(), `HTTP status of ${path}`).toBe(expectStatus);
    }
    await this.checkA11y();
    return response;
  }

  /** Signs in through /login and waits for the signed-in page, which it checks
   * for accessibility. */
  async login(login: string, password: string = PASSWORD): Promise<void> {
    await this.open('/login');
    await expect(this.h1('Sign in to Hearth')).toBeVisible();
    await this.page.getByLabel('Email or username', { exact: true }).fill(login);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(this.signOutButton, `signing in as ${login}`).toBeVisible();
    // The header comes before the page's own data: check the page once it has arrived.
    await expect(this.page.locator('main h1')).toBeVisible();
    await this.checkA11y();
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await expect(this.signOutButton).toHaveCount(0);
    await this.settle();
  }

  /** The path of a family's page, as one who can see it (login) finds it on
   * /families. Signs out afterwards. */
  async familyPath(login: string, family: string): Promise<string> {
    await this.login(login);
    await this.open('/families');
    const link = this.page.getByRole('link', { name: family, exact: true });
    await expect(link, `${login} sees a link to ${family}`).toBeVisible();
    const href = await link.getAttribute('href');
    expect(href, `href of ${family}`).toMatch(/\/families\/[0-9a-f-]{36}/i);
    const path = new URL(href!, this.page.url()).pathname;
    await this.signOut();
    return path;
  }
}

type Fixtures = { hearth: Hearth };

export const test = base.extend<Fixtures>({
  hearth: async ({ page, javaScriptEnabled }, use, testInfo) => {
    const pageErrors: string[] = [];
    const consoleLines: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') {
        consoleLines.push(`${message.type()}: ${message.text()}  (${page.url()})`);
      }
    });

    await use(new Hearth(page, javaScriptEnabled !== false));

    if (consoleLines.length > 0) {
      await testInfo.attach('browser-console.txt', { body: consoleLines.join('\n'), contentType: 'text/plain' });
      if (testInfo.status !== testInfo.expectedStatus) {
        console.log(`Browser console of "${testInfo.title}" [${testInfo.project.name}]:\n${consoleLines.join('\n')}`);
      }
    }
    expect(pageErrors, 'uncaught errors in the page (a panic in the wasm bundle?)').toEqual([]);
  },
});

/** A date `days` from today as a date field takes it (yyyy-mm-dd). */
export function isoDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** On a family's trio page: records what was found about whom, by the assessment, three days ago. */
export async function recordFinding(hearth: Hearth, what: string, about: string): Promise<void> {
  const { page } = hearth;
  const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Record it', exact: true }) });
  await form.getByLabel('What was found', { exact: true }).selectOption({ label: what });
  await form.getByLabel('About', { exact: true }).selectOption({ label: about });
  await form.getByLabel('Social work assessment', { exact: true }).check();
  await form.getByLabel('Identified on', { exact: true }).fill(isoDay(-3));
  await form.getByRole('button', { name: 'Record it', exact: true }).click();
  const heading = `${what}: ${about}`.replace(/[()]/g, '\\$&');
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${heading}$`) })).toBeVisible();
}

/** Adds someone to a household, from the family's page or the adding page itself. */
export async function addPerson(
  hearth: Hearth,
  who: { kind: string; first: string; relationship: string; born?: string; due?: string },
): Promise<void> {
  const { page } = hearth;
  const link = page.getByRole('link', { name: 'Add someone to the household', exact: true });
  if ((await link.count()) > 0) await link.click();
  await expect(hearth.h1('Add someone to the household')).toBeVisible();
  await page.getByLabel(who.kind, { exact: true }).check();
  await page.getByLabel('First name', { exact: true }).fill(who.first);
  await page.getByLabel('How they stand in the household', { exact: true }).fill(who.relationship);
  if (who.born) await page.getByLabel('Date of birth', { exact: true }).fill(who.born);
  if (who.due) await page.getByLabel('When the baby is due', { exact: true }).fill(who.due);
  await page.getByRole('button', { name: 'Add to the household', exact: true }).click();
  await expect(page.getByRole('link', { name: new RegExp(`^${who.first} `) })).toBeVisible();
}
