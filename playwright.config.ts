// End-to-end tests in real Chromium against the loopback browser host, one fresh data folder and one
// host process per test (tests/e2e/fixtures.ts). Debian's chromium is used where Playwright's own
// browsers cannot be downloaded.
import { defineConfig } from '@playwright/test';
import { findChromium, MISSING_CHROMIUM } from './build/scripts/find-chromium.mjs';

const chromium = findChromium();
// A plain string: Playwright prints it as the one line it is, without a stack trace.
if (!chromium) throw `${MISSING_CHROMIUM}\n`;

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/artifacts',
  // Two cores: one worker for the browser, the other for the host process under test.
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'test-results/report' }]] : 'list',
  use: {
    browserName: 'chromium',
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    // The app honours reduced motion (renderer/app/App.tsx): no click lands on a dialog or dropdown
    // that is still sliding into place.
    reducedMotion: 'reduce',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
