/**
 * `npm run demo-data -- --patients N [--exams K] [--db PATH]`: fills a database with clearly
 * synthetic patients (identifiers DEMO-000001 ...) for demos and benchmarks, and with `--exams K`
 * K signed screenings per patient, each started and signed through the app's own exam service
 * (findings from the worked clinical cases, so every result is plausible and explained; signed by
 * "Demo Nurse (synthetic data)", who is not an account). The database is opened as the app opens
 * it (the same key lookup: FOOT_SCREENING_KEY, else the key file beside the database).
 *
 * Exit code 0 when done, 1 when the database cannot be opened or a screening is refused, 2 for a
 * usage error.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isoDateOf } from '#shared/text/dates';
import { defaultDataFile } from '../app/paths';
import { PatientRepository } from '../db/repositories/patientRepository';
import { withToolDatabase } from './withToolDatabase';
import { seededRandom, syntheticPatient } from '../services/demo/syntheticPatients';
import { demoScreenings, demoSigner } from '../services/demo/syntheticScreenings';

const usage = 'Usage: npm run demo-data -- --patients N [--exams K] [--db PATH]   (N from 1 to 2,000,000; K from 0 to 20)';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { patients: { type: 'string', default: '1000' }, exams: { type: 'string', default: '0' }, db: { type: 'string' } } });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const count = Number(args.values.patients);
  const exams = Number(args.values.exams);
  if (!Number.isInteger(count) || count < 1 || count > 2_000_000 || !Number.isInteger(exams) || exams < 0 || exams > 20) {
    console.error(usage);
    return 2;
  }
  const file = path.resolve(args.values.db ?? process.env.FOOT_SCREENING_DB ?? defaultDataFile());
  return withToolDatabase(file, async (app) => {
    try {
      const db = app.db;
      const repo = new PatientRepository(db);
      const random = seededRandom(count);
      const thisYear = new Date().getUTCFullYear();
      const start = (db.prepare('SELECT COALESCE(MAX(id), 0) AS n FROM patient').get() as { n: number }).n + 1;
      const now = new Date().toISOString();
      const today = isoDateOf(new Date());
      const ids: { id: number; dateOfBirth: string }[] = [];
      const batch = 10_000;
      for (let done = 0; done < count; done += batch) {
        db.transaction(() => {
          for (let i = done; i < Math.min(count, done + batch); i++) {
            const patient = syntheticPatient(start + i, random, thisYear);
            const id = repo.insert(patient, now);
            if (exams > 0) ids.push({ id, dateOfBirth: patient.dateOfBirth });
          }
        })();
        process.stdout.write(`\r${Math.min(count, done + batch)} / ${count} synthetic patients`);
      }
      process.stdout.write('\n');
      let signed = 0;
      const categories = new Map<string, number>();
      for (const { id, dateOfBirth } of ids) {
        for (const s of demoScreenings(exams, today, dateOfBirth, random)) {
          const draft = app.services.exams.start(id, s.protocol, s.examinedOn, demoSigner);
          if (!draft.ok) throw new Error(`patient ${id}: ${draft.error.message}`);
          const done = app.services.exams.sign(draft.value.id, s.findings, demoSigner);
          if (!done.ok) throw new Error(`patient ${id}, ${s.case}: ${done.error.message}`);
          const category = String(done.value.assessment?.iwgdf2023.category ?? 'none');
          categories.set(category, (categories.get(category) ?? 0) + 1);
          signed += 1;
          if (signed % 200 === 0) process.stdout.write(`\r${signed} / ${ids.length * exams} signed screenings`);
        }
      }
      if (signed > 0) process.stdout.write(`\r${signed} / ${ids.length * exams} signed screenings\n`);
      console.log(`Added ${count} synthetic patients${exams > 0 ? ` and ${signed} signed screenings` : ''} to ${file}`);
      if (signed > 0) {
        const shown = [...categories.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => `${c}: ${n}`);
        console.log(`IWGDF 2023 categories: ${shown.join(', ')}`);
      }
      return 0;
    } catch (error) {
      console.error(error instanceof Error ? error.message : String(error));
      return 1;
    }
  });
}

process.exitCode = await main();
