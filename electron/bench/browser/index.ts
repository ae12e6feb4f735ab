import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { backupOrLimit, benchKeyToPaint, benchSearchToResults, benchStartToAddress, bounded, findChromium, launchChromium, startLimitMs } from './browserBench';
import { benchAdmin, clinicWithPatients, removeClinic, serverScript, startServer } from './clinic';

/**
 * The renderer groups of `npm run bench` (key-to-paint, search-to-results, start-to-address,
 * initial-js): the built app (`npm run build`) in Chromium through the loopback harness, on a
 * clinic of `patients` synthetic patients.
 */

export const rendererGroups = ['key-to-paint', 'search-to-results', 'start-to-address', 'initial-js'] as const;
export type RendererGroup = (typeof rendererGroups)[number];

const searchQueries = ['smi', 'anna', 'ozt', 'smith an', 'DEMO-00012', '03/07/1956'];

const fixed = (x: number): string => x.toFixed(1);

/**
 * The machine's one-minute load average, printed with each browser figure: on a small shared
 * machine other work moves these timings (and the frame floor) by tens of per cent, so a figure
 * is only comparable with one taken at a similar load.
 */
const load = (): string => `load=${os.loadavg()[0]?.toFixed(1) ?? '?'}`;

/** The JavaScript the page loads before it can paint: the entry and its static imports (index.html). */
export function initialJs(): { files: number; rawKb: number; gzipKb: number } | null {
  const html = path.resolve('out/renderer/index.html');
  if (!fs.existsSync(html)) return null;
  const files = [...fs.readFileSync(html, 'utf8').matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => path.resolve('out/renderer', m[1] ?? ''));
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(f);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { files: files.length, rawKb: raw / 1000, gzipKb: gzip / 1000 };
}

export async function benchRenderer(groups: ReadonlySet<RendererGroup>, options: { quick: boolean; patients?: number | undefined }): Promise<void> {
  if (groups.has('initial-js')) {
    const size = initialJs();
    console.log(size ? `bench: initial-js files=${size.files} raw_kB=${fixed(size.rawKb)} gzip_kB=${fixed(size.gzipKb)} target_raw_kB=500` : 'bench: initial-js skipped: no build (run `npm run build` first)');
  }
  const browserGroups = (['key-to-paint', 'search-to-results', 'start-to-address'] as const).filter((g) => groups.has(g));
  if (browserGroups.length === 0) return;
  if (!fs.existsSync(serverScript)) {
    console.log(`bench: ${browserGroups.join(', ')} skipped: no build (run \`npm run build\` first)`);
    return;
  }
  const patients = options.patients ?? (options.quick ? 10_000 : 100_000);
  const clinic = clinicWithPatients(patients);
  try {
    if (groups.has('start-to-address')) {
      const runs = options.quick ? 3 : 7;
      const start = await bounded('start-to-address', 'starting the harness', () => benchStartToAddress(clinic.dir, clinic.file, runs), runs * startLimitMs);
      if (start) {
        const { toAddress, backupOutcomes } = start.value;
        console.log(`bench: start-to-address n=${toAddress.n} median_ms=${fixed(toAddress.median)} patients=${patients} backups=${backupOutcomes.join(',')} ${load()}`);
      }
    }
    const needsBrowser = groups.has('key-to-paint') || groups.has('search-to-results');
    if (!needsBrowser) return;
    const executable = findChromium();
    if (!executable) {
      console.log('bench: key-to-paint, search-to-results skipped: no Chromium found (install one with `npx playwright install chromium` or set CHROMIUM_PATH)');
      return;
    }
    const started = await bounded(
      'key-to-paint, search-to-results',
      'starting the harness and the first administrator',
      async () => {
        const server = await startServer(clinic.dir, clinic.file);
        await backupOrLimit(server);
        await server.call('createFirstAdministrator', benchAdmin);
        return server;
      },
      startLimitMs,
    );
    if (!started) return;
    const server = started.value;
    const browser = await launchChromium(executable);
    try {
      for (const rate of [4, 1]) {
        if (groups.has('key-to-paint')) {
          const r = await benchKeyToPaint(browser, server, rate, options.quick ? 1 : 3);
          console.log(
            `bench: key-to-paint n=${r.keys.n} median_ms=${fixed(r.keys.median)} p95_ms=${fixed(r.keys.p95)} throttle=${rate} baseline_ms=${fixed(r.baseline.median)} ratio=${(r.keys.median / r.baseline.median).toFixed(2)} long_tasks=${r.longTasks.count} longest_task_ms=${fixed(r.longTasks.longestMs)} ${load()}`,
          );
        }
        if (groups.has('search-to-results')) {
          // Five rounds of the six queries: with three (18 samples) the p95 was simply the slowest one.
          const r = await benchSearchToResults(browser, server, rate, options.quick ? 1 : 5, searchQueries);
          console.log(`bench: search-to-results n=${r.n} median_ms=${fixed(r.median)} p95_ms=${fixed(r.p95)} throttle=${rate} patients=${patients} ${load()}`);
        }
      }
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    removeClinic(clinic.dir);
  }
}
