/**
 * One measured run in its own process, so its peak memory is the import's alone:
 * `node --import tsx registerImportWorker.ts <file> import|csv-parse` prints one JSON line.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse';
import { readRegisterCsv } from '../../interop/register/readRegisterCsv';

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2);
  if (!file || (mode !== 'import' && mode !== 'csv-parse')) throw new Error('usage: registerImportWorker <file> import|csv-parse');
  const start = performance.now();
  let rows = 0;
  let refused = 0;
  if (mode === 'import') {
    for await (const event of readRegisterCsv(file, { dateOrder: 'dmy', nationalNumberFormat: 'nhs', today: '2026-01-15' })) {
      if (event.kind === 'patient') rows += 1;
      else if (event.kind === 'refused') refused += 1;
      else if (event.kind === 'failed') throw new Error(event.message);
    }
  } else {
    // The raw baseline: csv-parse alone over the same bytes (UTF-8, BOM skipped), no checks.
    const parser = fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }));
    for await (const _record of parser) rows += 1;
    rows -= 1;
  }
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, rows, refused, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
