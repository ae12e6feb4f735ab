import { defineConfig } from '@playwright/test';
import { chromiumExecutable } from './e2e/support/browser';

/**
 * End-to-end tests drive the real renderer in a real browser against the real services and a
 * real SQLite file, through the loopback harness (each test starts its own on a temp file).
 * Run `npm run build` first (`npm test` does).
 */
export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    headless: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 860 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: chromiumExecutable(),
  },
});
