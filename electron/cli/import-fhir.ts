/**
 * `npm run import-fhir -- PATH... --db PATH [--dry-run]`: imports signed screenings from a FHIR
 * export of this app (a Bulk Data folder of NDJSON files, NDJSON files, or transaction Bundle JSON
 * files) into the database, through the same service as the app: patients matched by national
 * number or clinic identifier or created, each screening version stored as signed with the
 * findings and assessment it was signed with, the signer recorded as the file names them (no
 * account is made). All or nothing, in one transaction, audited; importing the same export again
 * adds nothing.
 *
 * Exit code 0 when everything was imported (or was already here), 1 when nothing was imported
 * because of a problem (each listed on stdout with its file, line and resource), 2 for a usage
 * error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { withToolDatabase } from './withToolDatabase';

const usage = 'Usage: npm run import-fhir -- PATH... --db PATH [--dry-run]';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ allowPositionals: true, options: { db: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const db = args.values.db;
  if (!db || args.positionals.length === 0) {
    console.error(usage);
    return 2;
  }
  return withToolDatabase(path.resolve(db), async (app) => {
    const dryRun = args.values['dry-run'];
    const outcome = await app.services.fhirImport.run(args.positionals.map((p) => path.resolve(p)), { name: 'command-line import' }, { dryRun });
    if (!outcome.ok) {
      console.log(outcome.failure.message);
      for (const p of outcome.failure.problems) console.log(`  ${p.where}: ${p.message}`);
      if (outcome.failure.problemCount > outcome.failure.problems.length) console.log(`  … and ${outcome.failure.problemCount - outcome.failure.problems.length} more`);
      return 1;
    }
    const r = outcome.report;
    console.log(dryRun ? 'Dry run (nothing stored): everything in the files can be imported.' : 'Imported.');
    console.log(`Resources read: ${r.resources}`);
    console.log(`Screenings (signed versions): ${r.screenings}`);
    console.log(`${dryRun ? 'Would be stored' : 'Stored'}: ${r.imported}`);
    console.log(`Already here: ${r.alreadyHere}`);
    console.log(`Patients ${dryRun ? 'to add' : 'added'}: ${r.patientsCreated}; matched to patients here: ${r.patientsMatched}`);
    return 0;
  });
}

process.exitCode = await main();
