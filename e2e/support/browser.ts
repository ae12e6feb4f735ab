import { chromium } from '@playwright/test';
import fs from 'node:fs';

/**
 * Which Chromium to drive: a Playwright-managed browser where one is installed (a developer's
 * machine after `npx playwright install`), else CHROMIUM_PATH, else Debian's /usr/bin/chromium
 * (CI and machines that cannot download browsers).
 */
export function chromiumExecutable(): { executablePath?: string; args: string[] } {
  const args = ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
  let managed: string | null = null;
  try {
    managed = chromium.executablePath();
  } catch {
    managed = null;
  }
  if (managed && fs.existsSync(managed)) return { args };
  const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return { executablePath: system, args };
}
