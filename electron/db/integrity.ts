import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey, isPlainDatabaseFile, looksLikeEncryptedDatabase } from './cipher';
import { migrate } from './migrate';
import { migrations as allMigrations } from './migrations';
import { expectedSchema, schemaDifferences, schemaOf } from './schemaCheck';
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
  /** The clinic key the database (and its backups) are encrypted with. */
  key?: Buffer;
}

/** Opens a database file with the clinic key applied (when there is one). */
export function openRaw(file: string, binding: DatabaseBinding, extra: Database.Options = {}): Db {
  const db = new Database(file, { ...extra, ...(binding.nativeBinding ? { nativeBinding: binding.nativeBinding } : {}) });
  if (binding.key) applyKey(db, binding.key);
  return db;
}

export type CandidateOutcome =
  | { ok: true; schemaVersion: number; migrated: boolean; encrypted: boolean }
  | { ok: false; reason: 'not-a-database' | 'newer-schema' | 'damaged' | 'not-ours' | 'altered' | 'other-key'; message: string };

const unchanged = 'Nothing was changed.';
const damagedMessage = `This file is damaged or incomplete (for example cut short while copying), so it cannot be restored. ${unchanged}`;
const latestVersion = allMigrations[allMigrations.length - 1]?.version ?? 0;

/**
 * Decides whether a file may replace the clinic's database. It must open with the clinic key (an
 * older plain backup opens without one), pass the full integrity check, carry a schema version
 * this app knows, and, once migrated, have exactly the schema (tables, indexes, triggers, views,
 * with their SQL) of a database this app makes: a backup whose triggers or tables were changed is
 * refused with the difference named. Works on a private copy (the caller's), which it migrates and
 * leaves as one self-contained file (rollback journal, no `-wal`) ready to be moved into place.
 */
export function inspectCandidate(file: string, binding: DatabaseBinding): CandidateOutcome {
  const plain = isPlainDatabaseFile(file);
  let db: Db;
  try {
    db = openRaw(file, plain ? { ...binding, key: undefined } : binding, { fileMustExist: true });
  } catch {
    return { ok: false, reason: 'not-a-database', message: `This file cannot be opened as a database. ${unchanged}` };
  }
  try {
    let version: number;
    try {
      db.pragma('schema_version');
      version = Number(db.pragma('user_version', { simple: true }));
    } catch {
      if (plain) return { ok: false, reason: 'damaged', message: damagedMessage };
      return binding.key && looksLikeEncryptedDatabase(file)
        ? {
            ok: false,
            reason: 'other-key',
            message: `This backup is encrypted with a different key from this clinic database's (or it is damaged). Enter the recovery code from the recovery sheet of the clinic it came from. ${unchanged}`,
          }
        : { ok: false, reason: 'not-a-database', message: `This file is not a Foot Screening backup: it is not a database at all. ${unchanged}` };
    }
    if (version > latestVersion) {
      return {
        ok: false,
        reason: 'newer-schema',
        message: `This backup was made by a newer version of the app (database schema ${version}; this app knows up to ${latestVersion}). Install the newer version to restore it. ${unchanged}`,
      };
    }
    const integrity = checkIntegrity(db, 'full');
    if (!integrity.ok) return { ok: false, reason: 'damaged', message: damagedMessage };
    if (version === 0) return { ok: false, reason: 'not-ours', message: `This file is a database, but not one made by Foot Screening. ${unchanged}` };
    // A backup taken from a WAL database says "WAL" in its header; switch the copy to a plain
    // rollback journal so that moving the one file into place moves all of it.
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    try {
      migrate(db, allMigrations, null);
    } catch {
      return { ok: false, reason: 'not-ours', message: `This file is a database, but not one made by Foot Screening (it cannot be brought up to date). ${unchanged}` };
    }
    const differences = schemaDifferences(schemaOf(db), expectedSchema(binding.nativeBinding));
    if (differences.length > 0) {
      const named = differences.slice(0, 4).join('; ') + (differences.length > 4 ? `; and ${differences.length - 4} more` : '');
      return {
        ok: false,
        reason: differences.every((d) => d.endsWith('is missing')) && differences.length > 5 ? 'not-ours' : 'altered',
        message: `This backup's database structure is not the one Foot Screening makes (${named}). It may have been altered, so it is not restored. ${unchanged}`,
      };
    }
    return { ok: true, schemaVersion: version, migrated: version < latestVersion, encrypted: !plain };
  } finally {
    db.close();
  }
}
