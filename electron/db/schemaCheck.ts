import Database from 'better-sqlite3-multiple-ciphers';
import { migrate } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { Db } from './types';

/** One object of `sqlite_master`: a table, index, trigger or view, with the SQL that made it. */
export interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  sql: string | null;
}

/** SQLite's own statistics tables come and go with ANALYZE / `PRAGMA optimize`: not part of the schema. */
const ignored = /^sqlite_stat\d$/;

export function schemaOf(db: Db): Map<string, SchemaObject> {
  const rows = db
    .prepare<[], { type: string; name: string; tbl_name: string; sql: string | null }>('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name')
    .all();
  return new Map(rows.filter((r) => !ignored.test(r.name)).map((r) => [`${r.type} ${r.name}`, { type: r.type, name: r.name, tableName: r.tbl_name, sql: r.sql }]));
}

const expectedByBinding = new Map<string, Map<string, SchemaObject>>();

/** The schema of a database freshly made by this version of the app (all migrations, in memory). */
export function expectedSchema(nativeBinding?: string): Map<string, SchemaObject> {
  const cacheKey = nativeBinding ?? '';
  const known = expectedByBinding.get(cacheKey);
  if (known) return known;
  const scratch = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    migrate(scratch, allMigrations, null);
    const schema = schemaOf(scratch);
    expectedByBinding.set(cacheKey, schema);
    return schema;
  } finally {
    scratch.close();
  }
}

/** Every difference, in words: what is missing, what was added, what was changed. Empty when equal. */
export function schemaDifferences(actual: Map<string, SchemaObject>, expected: Map<string, SchemaObject>): string[] {
  const out: string[] = [];
  for (const [id, want] of expected) {
    const have = actual.get(id);
    if (!have) out.push(`${want.type} ${want.name} is missing`);
    else if (normalise(have.sql) !== normalise(want.sql) || have.tableName !== want.tableName) out.push(`${want.type} ${want.name} was changed`);
  }
  for (const [id, have] of actual) {
    if (!expected.has(id)) out.push(`${have.type} ${have.name} is not part of Foot Screening`);
  }
  return out;
}

function normalise(sql: string | null): string {
  return (sql ?? '').replace(/\s+/g, ' ').trim();
}
