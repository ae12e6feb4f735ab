/**
 * `npm run export-fhir -- --db PATH --out DIR [--with-reports]`: writes every signed screening
 * in the database (amended versions too) as FHIR R4 Bulk Data: one NDJSON file per resource type
 * and `manifest.json`, through the same service as the administrator screen (each screening
 * checked as R4 before it is written), audited. The database is opened with the same key lookup
 * as the app (FOOT_SCREENING_KEY, else the key file beside the database).
 *
 * Prints a summary (screenings, files and lines) on stdout. Exit code 0 when every screening was
 * exported, 1 when any could not be (each named on stderr) or the database could not be opened,
 * 2 for a usage error.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withToolDatabase } from './withToolDatabase';

const usage = 'Usage: npm run export-fhir -- --db PATH --out DIR [--with-reports]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' }, 'with-reports': { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const { db, out } = args.values;
  if (!db || !out) {
    console.error(usage);
    return 2;
  }
  if (!fs.existsSync(path.resolve(db))) {
    console.error(`There is no database at ${path.resolve(db)}.`);
    return 1;
  }
  return withToolDatabase(path.resolve(db), async (app) => {
    const started = performance.now();
    const interactive = process.stderr.isTTY;
    const result = await app.services.fhirExport.exportBulk(path.resolve(out), { name: 'command-line export' }, {
      withReports: args.values['with-reports'],
      onScreening: (done, total) => {
        if (interactive && (done % 100 === 0 || done === total)) process.stderr.write(`\r${done} / ${total} screenings`);
      },
    });
    if (interactive) process.stderr.write('\n');
    if (!result.ok) {
      console.error(result.error.message);
      return 1;
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`Exported ${result.value.screenings} signed screenings as FHIR R4 Bulk Data to ${path.resolve(out)} in ${seconds.toFixed(1)} s`);
    for (const f of result.value.files) console.log(`  ${path.basename(f.file).padEnd(28)} ${String(f.count).padStart(8)} resources`);
    console.log('  manifest.json');
    return 0;
  });
}

process.exitCode = await main();
