import { chromium, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import { median } from '../measure';
import { benchAdmin, startServer, type RunningServer } from './clinic';

/**
 * The real renderer, measured in Chromium through the loopback harness, with the CPU slowed by
 * the DevTools protocol (`Emulation.setCPUThrottlingRate`) to stand in for an old clinic PC.
 *
 * Key to paint: from the key event's time stamp to the first task after the next animation frame,
 * i.e. the frame in which the answer shows has been painted. The baseline is the same measurement
 * for a key the page ignores: the frame floor, which no work can go under.
 */

export interface Percentiles {
  n: number;
  median: number;
  p95: number;
}

export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? Number.NaN;
  return { n: samples.length, median: median(sorted), p95 };
}

/** The Chromium to drive: Playwright's own where installed, else CHROMIUM_PATH or Debian's; null when none exists. */
export function findChromium(): string | null {
  try {
    const managed = chromium.executablePath();
    if (managed && fs.existsSync(managed)) return managed;
  } catch {
    // No Playwright-managed browser: try the system one.
  }
  const system = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return fs.existsSync(system) ? system : null;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
}

/** In the page: every key's time to the next painted frame, and the long tasks. */
const probe = `
  window.__keyToPaint = [];
  window.__longTasks = [];
  window.addEventListener('keydown', (event) => {
    const t0 = event.timeStamp;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => window.__keyToPaint.push(performance.now() - t0);
      channel.port2.postMessage(0);
    });
  }, true);
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); }).observe({ type: 'longtask' });
  } catch {}
`;

async function throttle(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** Presses `key` and returns its key-to-paint time measured in the page. */
async function timedKey(page: Page, key: string): Promise<number> {
  const before = await page.evaluate(() => (window as unknown as { __keyToPaint: number[] }).__keyToPaint.length);
  await page.keyboard.press(key);
  await page.waitForFunction((n) => (window as unknown as { __keyToPaint: number[] }).__keyToPaint.length > n, before, { polling: 5 });
  return page.evaluate((n) => (window as unknown as { __keyToPaint: number[] }).__keyToPaint[n] ?? Number.NaN, before);
}

async function signedInPage(browser: Browser, server: RunningServer, rate: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.addInitScript(probe);
  await page.goto(server.launchUrl);
  await page.getByLabel('Username').fill(benchAdmin.username);
  await page.getByLabel('Password').fill(benchAdmin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
  await throttle(page, rate);
  return page;
}

export interface KeyToPaint {
  keys: Percentiles;
  baseline: Percentiles;
  longTasks: { count: number; longestMs: number };
}

/**
 * Whole sensation steps of new screenings answered as a patient with normal sensation would
 * (real touch: Y, sham: N), `screens` times; after each answer, an ignored key for the baseline.
 */
export async function benchKeyToPaint(browser: Browser, server: RunningServer, rate: number, screens: number): Promise<KeyToPaint> {
  const page = await signedInPage(browser, server, rate);
  const keys: number[] = [];
  const baseline: number[] = [];
  const base = server.launchUrl.replace(/\?token=.*$/, '');
  await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));
  for (let screen = 0; screen < screens; screen++) {
    const patient = await server.call('createPatient', {
      patient: { familyName: `Bench${screen}`, givenNames: 'Key', dateOfBirth: '1950-01-02', sex: 'female', diabetesType: 'type2', clinicIdentifier: `KEY-${rate}-${screen}-${Date.now()}` },
    });
    await page.goto(`${base}#/patients/${patient.id}`);
    await page.getByRole('button', { name: 'Start screening' }).click();
    await page.getByRole('heading', { name: 'Start', level: 2 }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sensation', level: 2 }).waitFor();
    for (let i = 0; i < 60; i++) {
      const touch = await page.locator('[data-touch]').first().getAttribute('data-touch', { timeout: 2_000 }).catch(() => null);
      if (touch === null) break;
      keys.push(await timedKey(page, touch === 'sham' ? 'n' : 'y'));
      baseline.push(await timedKey(page, 'q'));
    }
  }
  const long = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  await page.close();
  return { keys: percentiles(keys), baseline: percentiles(baseline), longTasks: { count: long.length, longestMs: Math.max(0, ...long) } };
}

/**
 * Patient search with the clinic's patients: each query typed but for its last letter, then the
 * last key timed until the status line says the search is done and that frame has painted.
 */
export async function benchSearchToResults(browser: Browser, server: RunningServer, rate: number, rounds: number, queries: readonly string[]): Promise<Percentiles> {
  const page = await signedInPage(browser, server, rate);
  const box = page.getByRole('combobox', { name: 'Find a patient' });
  const samples: number[] = [];
  const settled = async (): Promise<void> => {
    await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((s) => (s.textContent ?? '').includes('Searching')), undefined, { polling: 10 });
  };
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      await box.fill('');
      await settled();
      await box.pressSequentially(query.slice(0, -1));
      await settled();
      const done = page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            window.addEventListener(
              'keydown',
              (event) => {
                const t0 = event.timeStamp;
                let searching = false;
                const check = (): void => {
                  const busy = [...document.querySelectorAll('[role="status"]')].some((s) => (s.textContent ?? '').includes('Searching'));
                  if (busy) searching = true;
                  if (searching && !busy) {
                    observer.disconnect();
                    requestAnimationFrame(() => {
                      const channel = new MessageChannel();
                      channel.port1.onmessage = () => resolve(performance.now() - t0);
                      channel.port2.postMessage(0);
                    });
                  }
                };
                const observer = new MutationObserver(check);
                observer.observe(document.body, { subtree: true, childList: true, characterData: true });
              },
              { capture: true, once: true },
            );
          }),
      );
      await box.press(query.slice(-1));
      samples.push(await done);
    }
  }
  await page.close();
  return percentiles(samples);
}

/** Starts the harness on the clinic `runs` times; the time to the address line each time. */
export async function benchStartToAddress(dir: string, file: string, runs: number): Promise<{ toAddress: Percentiles; backupOutcomes: string[] }> {
  const times: number[] = [];
  const outcomes: string[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer(dir, file);
    times.push(server.toAddressMs);
    // Let the start-up backup finish so the next start is not slowed by this one.
    outcomes.push(await server.backup);
    await server.stop();
  }
  return { toAddress: percentiles(times), backupOutcomes: outcomes };
}
