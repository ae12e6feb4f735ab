/**
 * `npm run demo-data -- --patients N [--db PATH]`: fills a database with clearly synthetic
 * patients (identifiers DEMO-000001 ...) for demos and benchmarks.
 */
import { openDatabase } from '../db/connection';
import { findClinicKey, newClinicKey } from '../security/clinicKey';
import { looksLikeEncryptedDatabase } from '../db/cipher';
import { usePrivateUmask } from '../security/privateFiles';
import { PatientRepository } from '../db/repositories/patientRepository';
import { seededRandom, syntheticPatient } from '../services/demo/syntheticPatients';
import { defaultDataFile } from '../app/paths';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const count = Number(argValue('--patients') ?? '1000');
if (!Number.isInteger(count) || count < 1 || count > 2_000_000) {
  console.error('Usage: npm run demo-data -- --patients N [--db PATH]   (N from 1 to 2,000,000)');
  process.exit(1);
}
const file = argValue('--db') ?? process.env.FOOT_SCREENING_DB ?? defaultDataFile();
// The same key lookup as the app: FOOT_SCREENING_KEY, else the key file beside the database (a new
// one for a new database). An encrypted database whose key is missing is left alone.
usePrivateUmask();
const found = findClinicKey(file);
if (found.kind === 'unusable' || (found.kind === 'none' && looksLikeEncryptedDatabase(file))) {
  console.error(found.kind === 'unusable' ? found.message : `${file} is encrypted and its key is missing: set FOOT_SCREENING_KEY to the recovery code.`);
  process.exit(1);
}
const key = found.kind === 'found' ? found.key : newClinicKey(file);
const opened = openDatabase({ file, key: key.database });
if (!opened.ok) {
  console.error(opened.message);
  process.exit(1);
}
const { db } = opened;
const repo = new PatientRepository(db);
const random = seededRandom(count);
const thisYear = new Date().getUTCFullYear();
const start = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM patient').get() as { n: number }).n + 1;
const now = new Date().toISOString();
const batch = 10_000;
for (let done = 0; done < count; done += batch) {
  db.transaction(() => {
    for (let i = done; i < Math.min(count, done + batch); i++) repo.insert(syntheticPatient(start + i, random, thisYear), now);
  })();
  process.stdout.write(`\r${Math.min(count, done + batch)} / ${count} synthetic patients`);
}
process.stdout.write('\n');
console.log(`Added ${count} synthetic patients to ${file}`);
db.close();
