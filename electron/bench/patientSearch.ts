import { parsePatientQuery } from '#shared/domain/patientQuery';
import { isoDateOf } from '#shared/text/dates';
import { dateSearchSql, PatientRepository, termSearchSql } from '../db/repositories/patientRepository';
import { seededRandom, syntheticPatient } from '../services/demo/syntheticPatients';
import { openTestApp, signedInContext } from '../testing/testApp';
import { compare, type Comparison } from './measure';

/** Typical things a nurse types: short and long name fragments, two words, an identifier, a date. */
export const benchQueries = ['smi', 'anna', 'o', 'ozt', 'smith an', 'DEMO-00012', '03/07/1956', 'zoe ni'];

const afterEveryContinuation = '\u{10FFFF}';

/**
 * Patient search at n patients: our `searchPatients` operation (schema parse, query parsing,
 * SQL, mapping, envelope) against the raw prepared better-sqlite3 statement it runs, with the same
 * parameters.
 */
export async function benchPatientSearch(n: number, runs: number): Promise<Comparison> {
  const app = openTestApp();
  const repo = new PatientRepository(app.db);
  const random = seededRandom(42);
  const now = new Date().toISOString();
  const thisYear = new Date().getUTCFullYear();
  app.db.transaction(() => {
    for (let i = 1; i <= n; i++) repo.insert(syntheticPatient(i, random, thisYear), now);
  })();
  app.db.pragma('optimize');

  const today = isoDateOf(new Date());
  const raw = benchQueries.map((text) => {
    const q = parsePatientQuery(text, 'dmy', today);
    const page = { includeArchived: 0, afterSortName: '', afterId: 0, limit: 51 };
    const words: Record<string, string> = {};
    if (q.dateOfBirth !== null) {
      q.words.forEach((w, i) => {
        words[`lo${i}`] = w;
        words[`hi${i}`] = w + afterEveryContinuation;
      });
      return { stmt: app.db.prepare(dateSearchSql(q.words.length)), params: { ...page, ...words, dateOfBirth: q.dateOfBirth } };
    }
    const [driving = '', ...others] = [...q.words].sort((a, b) => b.length - a.length);
    others.forEach((w, i) => {
      words[`lo${i}`] = w;
      words[`hi${i}`] = w + afterEveryContinuation;
    });
    return {
      stmt: app.db.prepare(termSearchSql(others.length)),
      params: { ...page, ...words, lo: driving, hi: driving + afterEveryContinuation, afterTerm: '' },
    };
  });

  let i = 0;
  let j = 0;
  const context = await signedInContext(app, 'bench');
  const result = await compare(
    async () => {
      const text = benchQueries[i++ % benchQueries.length] ?? '';
      const r = await app.dispatch('searchPatients', { query: text, dateOrder: 'dmy', limit: 50 }, context);
      if (!r.ok) throw new Error(r.error.message);
    },
    () => {
      const q = raw[j++ % raw.length];
      if (!q) throw new Error('no query');
      q.stmt.all(q.params);
    },
    runs,
  );
  app.dispose();
  return result;
}
