import Database from 'better-sqlite3';
import fs from 'node:fs';
import { migrate } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { Db } from './types';

export type CheckOutcome = { ok: true } | { ok: false; problem: string };

/**
 * `PRAGMA quick_check` (start-up) or `integrity_check` (a file about to be restored). A damaged
 * file may answer with a list of problems or make SQLite throw "malformed"; both count as damage.
 */
export function checkIntegrity(db: Db, depth: 'quick' | 'full'): CheckOutcome {
  try {
    const rows = db.pragma(depth === 'quick' ? 'quick_check(20)' : 'integrity_check(20)', { simple: false }) as Record<string, unknown>[];
    const problems = rows.map((r) => String(Object.values(r)[0]));
    if (problems.length === 1 && problems[0] === 'ok') return { ok: true };
    return { ok: false, problem: problems.slice(0, 3).join('; ') || 'no answer from the check' };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

export interface DatabaseBinding {
  /** A better-sqlite3 addon built for another runtime (Electron), see the README. */
  nativeBinding?: string;
}

export function openRaw(file: string, binding: DatabaseBinding, extra: Database.Options = {}): Db {
  return new Database(file, { ...extra, ...(binding.nativeBinding ? { nativeBinding: binding.nativeBinding } : {}) });
}

export type CandidateOutcome =
  | { ok: true; schemaVersion: number }
  | { ok: false; reason: 'not-a-database' | 'newer-schema' | 'damaged' | 'not-ours'; message: string };

const unchanged = 'Nothing was changed.';
const damagedMessage = `This file is damaged or incomplete (for example cut short while copying), so it cannot be restored. ${unchanged}`;
const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

function hasDatabaseHeader(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(sqliteMagic.length);
      return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(sqliteMagic);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Decides whether a file may replace the clinic's database: it must be an SQLite database, pass
 * the full integrity check, carry a schema version this app knows, and hold the tables that
 * version has. Runs on a private copy (the caller's), which it leaves as a single self-contained
 * file (rollback journal, no `-wal` beside it) ready to be moved into place.
 */
export function inspectCandidate(file: string, binding: DatabaseBinding): CandidateOutcome {
  let db: Db;
  try {
    db = openRaw(file, binding, { fileMustExist: true });
  } catch {
    return { ok: false, reason: 'not-a-database', message: `This file cannot be opened as a database. ${unchanged}` };
  }
  try {
    let version: number;
    try {
      db.pragma('schema_version');
      version = Number(db.pragma('user_version', { simple: true }));
    } catch {
      // A file that starts like a database but cannot be read is a damaged or cut-short one.
      return hasDatabaseHeader(file)
        ? { ok: false, reason: 'damaged', message: damagedMessage }
        : { ok: false, reason: 'not-a-database', message: `This file is not a Foot Screening backup: it is not a database at all. ${unchanged}` };
    }
    const latest = allMigrations[allMigrations.length - 1]?.version ?? 0;
    if (version > latest) {
      return {
        ok: false,
        reason: 'newer-schema',
        message: `This backup was made by a newer version of the app (database schema ${version}; this app knows up to ${latest}). Install the newer version to restore it. ${unchanged}`,
      };
    }
    const integrity = checkIntegrity(db, 'full');
    if (!integrity.ok) {
      return { ok: false, reason: 'damaged', message: damagedMessage };
    }
    const missing = version === 0 ? ['(none of them)'] : expectedTables(version, binding).filter((t) => !tablesOf(db).includes(t));
    if (missing.length > 0) {
      return { ok: false, reason: 'not-ours', message: `This file is a database, but not one made by Foot Screening. ${unchanged}` };
    }
    // A backup taken from a WAL database says "WAL" in its header; switch the copy to a plain
    // rollback journal so that moving the one file into place moves all of it.
    db.pragma('journal_mode = DELETE');
    return { ok: true, schemaVersion: version };
  } finally {
    db.close();
  }
}

function tablesOf(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
}

const expectedByVersion = new Map<number, string[]>();

/** The tables a database of this schema version has: built by running the migrations up to it. */
function expectedTables(version: number, binding: DatabaseBinding): string[] {
  const known = expectedByVersion.get(version);
  if (known) return known;
  const scratch = openRaw(':memory:', binding);
  try {
    migrate(
      scratch,
      allMigrations.filter((m) => m.version <= version),
      null,
    );
    const tables = tablesOf(scratch);
    expectedByVersion.set(version, tables);
    return tables;
  } finally {
    scratch.close();
  }
}
