import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { applyKey, fileHasContent, isPlainDatabaseFile, looksLikeEncryptedDatabase } from './cipher';
import { encryptInPlace, finishInterruptedEncryption } from './encryptInPlace';
import { checkIntegrity } from './integrity';
import { migrate, type MigrationOutcome } from './migrate';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import type { Db } from './types';

export interface OpenDatabaseOptions {
  /** Path of the SQLite file, or `:memory:` for tests. */
  file: string;
  /** Schema steps; all of them by default. Tests pass a prefix to build older files. */
  migrations?: readonly Migration[];
  /** A better-sqlite3 addon built for another runtime (Electron), see the README. */
  nativeBinding?: string;
  /**
   * Run `PRAGMA quick_check` before anything is written (start-up and after a restore).
   * `before-migrating`: only when a migration is about to write; otherwise the caller checks
   * (in the background, see `backgroundIntegrity.ts`) before it lets anything be written.
   */
  quickCheck?: boolean | 'before-migrating';
  /** The clinic key (32 bytes): the file is encrypted with it; a plain file is encrypted in place first. */
  key?: Buffer;
}

export type OpenDatabaseResult =
  | { ok: true; db: Db; migration: MigrationOutcome }
  | { ok: false; reason: 'newer-schema' | 'not-a-database' | 'cannot-open' | 'damaged' | 'wrong-key'; message: string };

export const wrongKeyMessage =
  'This database is encrypted and the key this computer holds does not open it (the key is missing or belongs to another database). ' +
  'Nothing has been changed. Enter the recovery code from the clinic\'s recovery sheet to open it.';

/**
 * Opens (creating if needed) the clinic's database: WAL so readers never block the writer,
 * synchronous=FULL so a save that returned is on disk even if the power fails, foreign keys on.
 * Then migrates, or refuses a file written by a newer version of the app without changing it.
 */
export function openDatabase(options: OpenDatabaseOptions): OpenDatabaseResult {
  const { file } = options;
  const inMemory = file === ':memory:';
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};

  if (!inMemory) finishInterruptedEncryption(file);
  if (!inMemory && options.key && fileHasContent(file) && isPlainDatabaseFile(file)) {
    const encrypted = encryptInPlace(file, options.key, binding);
    if (!encrypted.ok) return { ok: false, reason: 'cannot-open', message: encrypted.message };
  }

  let db: Db;
  try {
    db = new Database(file, binding);
    if (options.key) applyKey(db, options.key);
  } catch (error) {
    return { ok: false, reason: 'cannot-open', message: `Cannot open the database file: ${errorMessage(error)}` };
  }

  try {
    // Reading the schema first tells a damaged or foreign file apart before anything is written.
    db.pragma('schema_version');
  } catch (error) {
    db.close();
    if (!inMemory && looksLikeEncryptedDatabase(file)) {
      // Encrypted pages (no plain header): without the right key every file looks like this.
      return { ok: false, reason: 'wrong-key', message: wrongKeyMessage };
    }
    return {
      ok: false,
      reason: 'not-a-database',
      message: `The file is not a usable database (${errorMessage(error)}). It has not been changed.`,
    };
  }

  try {
    const version = Number(db.pragma('user_version', { simple: true }));
    const steps = options.migrations ?? allMigrations;
    const latest = steps[steps.length - 1]?.version ?? 0;
    if (version > latest) {
      db.close();
      return {
        ok: false,
        reason: 'newer-schema',
        message:
          `This database was written by a newer version of the app (schema ${version}; this app knows up to ${latest}). ` +
          'It has not been changed. Install the newer version of the app to open it.',
      };
    }
    if (options.quickCheck === true || (options.quickCheck === 'before-migrating' && version < latest)) {
      // Before migrating: a damaged file must not be written to (the recovery screen keeps it aside).
      const check = checkIntegrity(db, 'quick');
      if (!check.ok) {
        db.close();
        return { ok: false, reason: 'damaged', message: `The database file failed its start-up check (${check.problem}).` };
      }
    }
    if (!inMemory) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted rows (a discarded draft, an archived patient's old details) are overwritten, not left in free pages.
    db.pragma('secure_delete = ON');
    const migration = migrate(db, steps, inMemory ? null : file);
    if (migration.kind === 'newer') throw new Error('schema changed while opening');
    return { ok: true, db, migration };
  } catch (error) {
    db.close();
    return { ok: false, reason: 'cannot-open', message: `Cannot prepare the database: ${errorMessage(error)}` };
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
