import { defineConfig } from '@playwright/test';

// The suite runs against a Hearth that is already running `hearth demo` on a
// fresh data dir: scripts/test.sh starts one and sets this variable.
const baseURL = process.env.HEARTH_E2E_BASE_URL;
if (!baseURL) {
  throw new Error(
    'HEARTH_E2E_BASE_URL is not set. Start Hearth with fresh demo data ' +
      '(HEARTH_DATA_DIR=$(mktemp -d) hearth demo) and run e.g. ' +
      'HEARTH_E2E_BASE_URL=http://127.0.0.1:3000 npx playwright test, ' +
      'or run bash scripts/test.sh, which does all of it.',
  );
}

// Debian's Chromium, never a downloaded one (`npx playwright install` cannot
// work on this project's machines). The flags keep it off the closed network.
const launchOptions = {
  executablePath: process.env.HEARTH_E2E_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

export default defineConfig({
  testDir: './tests',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: Number(process.env.HEARTH_E2E_WORKERS || 2),
  reporter: 'list',
  timeout: 120_000, // generous: the whole suite shares 2 cores with the server
  expect: { timeout: 10_000 },
  outputDir: 'test-results',
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'hydrated',
      use: { viewport: { width: 1280, height: 800 }, javaScriptEnabled: true },
    },
    {
      name: 'no-js',
      use: { viewport: { width: 1280, height: 800 }, javaScriptEnabled: false },
    },
    {
      name: 'phone',
      use: {
        viewport: { width: 320, height: 640 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        javaScriptEnabled: true,
      },
    },
  ],
});
