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

/** How long any one wait in the browser benches may take before it is reported as failed. */
export const waitLimitMs = 20_000;
/** Starting the harness (and its start-up backup) on a large clinic on a loaded machine takes longer. */
export const startLimitMs = 180_000;

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/**
 * Runs one step that waits on the page. If it fails or outlasts the wait limit, prints
 * `bench: <group> failed: <what>: <reason>` and returns null, so the bench carries on without
 * that sample; otherwise the step's value.
 */
export async function bounded<T>(group: string, what: string, step: () => Promise<T>, limitMs = waitLimitMs + 5_000): Promise<{ value: T } | null> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${limitMs / 1000} s`)), limitMs);
  });
  try {
    return { value: await Promise.race([step(), limit]) };
  } catch (error) {
    console.log(`bench: ${group} failed: ${what}: ${firstLine(error)}`);
    return null;
  } finally {
    clearTimeout(timer);
  }
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

/** Presses `key` and returns its key-to-paint time measured in the page (null, reported, if it never painted). */
async function timedKey(page: Page, group: string, key: string): Promise<number | null> {
  const timed = await bounded(group, `paint after key "${key}"`, async () => {
    const before = await page.evaluate<number>('window.__keyToPaint.length');
    await page.keyboard.press(key);
    await page.waitForFunction((n) => (window as unknown as { __keyToPaint: number[] }).__keyToPaint.length > n, before, { polling: 5, timeout: waitLimitMs });
    return page.evaluate((n) => (window as unknown as { __keyToPaint: number[] }).__keyToPaint[n] ?? Number.NaN, before);
  });
  return timed?.value ?? null;
}

/** A page signed in as the bench's administrator on the patient list, CPU slowed `rate` times; null (reported) if that fails. */
async function signedInPage(browser: Browser, server: RunningServer, rate: number, group: string): Promise<Page | null> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(waitLimitMs);
  const signedIn = await bounded(group, 'signing in', async () => {
    await page.addInitScript(probe);
    await page.goto(server.launchUrl);
    await page.getByLabel('Username').fill(benchAdmin.username);
    await page.getByLabel('Password').fill(benchAdmin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Patients', level: 1 }).waitFor();
    await throttle(page, rate);
  });
  if (signedIn) return page;
  await page.close();
  return null;
}

export interface KeyToPaint {
  keys: Percentiles;
  baseline: Percentiles;
  longTasks: { count: number; longestMs: number };
}

/**
 * Whole sensation steps of new screenings answered as a patient with normal sensation would
 * (real touch: Y, sham: N), `screens` times; after each answer, an ignored key for the baseline.
 * A screen that cannot be started, or a key that never paints, is reported and left out.
 */
export async function benchKeyToPaint(browser: Browser, server: RunningServer, rate: number, screens: number): Promise<KeyToPaint> {
  const group = `key-to-paint throttle=${rate}`;
  const keys: number[] = [];
  const baseline: number[] = [];
  const long: number[] = [];
  const page = await signedInPage(browser, server, rate, group);
  if (page) {
    const base = server.launchUrl.replace(/\?token=.*$/, '');
    await page.evaluate('window.__longTasks.length = 0');
    for (let screen = 0; screen < screens; screen++) {
      const started = await bounded(group, `starting screen ${screen + 1}`, async () => {
        const patient = await server.call('createPatient', {
          patient: { familyName: `Bench${screen}`, givenNames: 'Key', dateOfBirth: '1950-01-02', sex: 'female', diabetesType: 'type2', clinicIdentifier: `KEY-${rate}-${screen}-${Date.now()}` },
        });
        await page.goto(`${base}#/patients/${patient.id}`);
        await page.getByRole('button', { name: 'Start screening' }).click();
        await page.getByRole('heading', { name: 'Start', level: 2 }).waitFor();
        await page.keyboard.press('Enter');
        await page.getByRole('heading', { name: 'Sensation', level: 2 }).waitFor();
      });
      if (!started) continue;
      for (let i = 0; i < 60; i++) {
        const touch = await page.locator('[data-touch]').first().getAttribute('data-touch', { timeout: 2_000 }).catch(() => null);
        if (touch === null) break;
        const answer = await timedKey(page, group, touch === 'sham' ? 'n' : 'y');
        if (answer === null) break;
        keys.push(answer);
        const ignored = await timedKey(page, group, 'q');
        if (ignored !== null) baseline.push(ignored);
      }
    }
    long.push(...(await page.evaluate<number[]>('window.__longTasks')));
    await page.close();
  }
  return { keys: percentiles(keys), baseline: percentiles(baseline), longTasks: { count: long.length, longestMs: Math.max(0, ...long) } };
}

/**
 * In the page: `window.__searchDone` settles with the time from the next keydown to the first
 * frame painted after the status line went from "Searching" to done, or fails after `limit` ms
 * with what the status line says. Kept as text, like `probe`: tsx compiles functions handed to
 * `page.evaluate` with a `__name` helper the page does not have, and a probe that throws inside
 * its keydown listener never settles (the bench used to hang there).
 */
const searchProbe = (limit: number): string => `(() => {
  const limit = ${limit};
  const status = () => [...document.querySelectorAll('[role="status"]')].map((s) => s.textContent ?? '').join(' | ');
  let t0 = 0;
  let keyed = false;
  let searching = false;
  window.__searchDone = new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      const busy = status().includes('Searching');
      if (busy) searching = true;
      if (!searching || busy) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - t0);
        channel.port2.postMessage(0);
      });
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('no finished search within ' + limit + ' ms (key seen: ' + keyed + '; "Searching" seen: ' + searching + '; status: "' + status() + '")'));
    }, limit);
    window.addEventListener('keydown', (event) => {
      keyed = true;
      t0 = event.timeStamp;
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    }, { capture: true, once: true });
  });
  // Read once the key has been sent; until then a failure must not count as unhandled.
  window.__searchDone.catch(() => undefined);
})()`;

/**
 * Patient search with the clinic's patients: each query typed but for its last letter, then the
 * last key timed until the status line says the search is done and that frame has painted.
 * A query whose answer does not show within the wait limit is reported and left out.
 */
export async function benchSearchToResults(browser: Browser, server: RunningServer, rate: number, rounds: number, queries: readonly string[]): Promise<Percentiles> {
  const page = await signedInPage(browser, server, rate, `search-to-results throttle=${rate}`);
  if (!page) return percentiles([]);
  const box = page.getByRole('combobox', { name: 'Find a patient' });
  const samples: number[] = [];
  const settled = (): Promise<unknown> =>
    page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((s) => (s.textContent ?? '').includes('Searching')), undefined, {
      polling: 10,
      timeout: waitLimitMs,
    });
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const group = `search-to-results throttle=${rate} query="${query}"`;
      if (!(await bounded(group, 'clearing the box', async () => {
        await box.fill('', { timeout: waitLimitMs });
        await settled();
      }))) continue;
      if (!(await bounded(group, `typing "${query.slice(0, -1)}"`, async () => {
        await box.pressSequentially(query.slice(0, -1), { timeout: waitLimitMs });
        await settled();
      }))) continue;
      // The listener is in place before the key is sent: an evaluate still on its way when the
      // key arrives would miss its keydown and wait for ever.
      const armed = await bounded(group, 'arming the probe', () => page.evaluate(searchProbe(waitLimitMs)));
      if (armed === null) continue;
      const ms = await bounded(group, `results after the last key "${query.slice(-1)}"`, async () => {
        await box.press(query.slice(-1), { timeout: waitLimitMs });
        return page.evaluate<number>('window.__searchDone');
      });
      if (ms !== null) samples.push(ms.value);
    }
  }
  await page.close();
  return percentiles(samples);
}

/** Waits for the harness's start-up backup, or reports it and goes on after the start limit. */
export async function backupOrLimit(server: RunningServer): Promise<string> {
  const waited = await bounded('start-up backup', 'waiting for the "Start-up backup" line', () => server.backup, startLimitMs);
  return waited?.value ?? 'unfinished';
}

/** Starts the harness on the clinic `runs` times; the time to the address line each time. */
export async function benchStartToAddress(dir: string, file: string, runs: number): Promise<{ toAddress: Percentiles; backupOutcomes: string[] }> {
  const times: number[] = [];
  const outcomes: string[] = [];
  for (let i = 0; i < runs; i++) {
    const server = await startServer(dir, file);
    times.push(server.toAddressMs);
    // Let the start-up backup finish so the next start is not slowed by this one.
    outcomes.push(await backupOrLimit(server));
    await server.stop();
  }
  return { toAddress: percentiles(times), backupOutcomes: outcomes };
}
