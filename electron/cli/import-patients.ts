/**
 * `npm run import-patients -- FILE [--date-order dmy|mdy|ymd] [--dry-run] [--apply-updates] --db PATH`:
 * imports a clinic's register (CSV from a GP or hospital system, or FHIR R4 Patients as a Bundle
 * or NDJSON) into the database, through the same service as the administrator screen: matched by
 * national number or clinic identifier, one batch that the app can undo, audited.
 *
 * Existing patients are updated only with `--apply-updates` (and only where the file is newer);
 * without it the report lists what would change. The report goes to stdout: the counts, then
 * every refused row with its spreadsheet row number and reasons. Exit code 0 when every row was
 * imported (or already up to date), 1 when any row was refused or the file could not be imported,
 * 2 for a usage error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { registerDateOrders, type RegisterDateOrder } from '#shared/interop/registerValues';
import type { RegisterImportReport } from '#shared/interop/registerImport';
import { withToolDatabase } from './withToolDatabase';

const usage = 'Usage: npm run import-patients -- FILE [--date-order dmy|mdy|ymd] [--dry-run] [--apply-updates] --db PATH';

/** The report as people read it on a terminal (the refused rows are printed as they are found). */
function reportLines(report: RegisterImportReport): string[] {
  const n = (v: number): string => v.toLocaleString('en-GB');
  const lines = [
    `${report.dryRun ? 'Dry run (nothing stored)' : 'Imported'}: ${report.fileName} (${report.format === 'csv' ? `CSV, ${report.encoding ?? ''}` : 'FHIR R4'})`,
    `Rows: ${n(report.rows)}`,
    `New patients: ${n(report.created)}`,
    `Updated: ${n(report.updated)}`,
    `Already up to date: ${n(report.unchanged)}`,
    `Kept (the record here is more recent): ${n(report.older)}`,
    `Not updated (run with --apply-updates to update): ${n(report.declined)}`,
    `Refused: ${n(report.refused)}`,
  ];
  if (report.batchId !== null) lines.push(`Import batch: ${report.batchId} (can be undone from Administration > Register import)`);
  if (report.failed) lines.push(`Not imported: ${report.failed.message}`);
  return lines;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { db: { type: 'string' }, 'date-order': { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, 'apply-updates': { type: 'boolean', default: false } },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const file = args.positionals[0];
  const db = args.values.db;
  const dateOrder = args.values['date-order'];
  if (!file || !db || args.positionals.length > 1) {
    console.error(usage);
    return 2;
  }
  if (dateOrder !== undefined && !(registerDateOrders as readonly string[]).includes(dateOrder)) {
    console.error(`--date-order must be dmy, mdy or ymd.\n${usage}`);
    return 2;
  }
  return withToolDatabase(path.resolve(db), async (app) => {
    const result = await app.services.registerImport.run(
      path.resolve(file),
      file,
      { dryRun: args.values['dry-run'], applyUpdates: args.values['apply-updates'], ...(dateOrder ? { dateOrder: dateOrder as RegisterDateOrder } : {}) },
      { name: 'command-line import' },
      { onRefused: (r) => console.log(`Refused ${r.where}${r.label ? ` (${r.label})` : ''}: ${r.reasons.join('; ')}`) },
    );
    if (!result.ok) {
      console.error(result.error.message);
      return 1;
    }
    for (const line of reportLines(result.value)) console.log(line);
    return result.value.refused > 0 || result.value.failed ? 1 : 0;
  });
}

process.exitCode = await main();
