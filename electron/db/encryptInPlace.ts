import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { applyKey } from './cipher';
import { checkIntegrity } from './integrity';
import type { Db } from './types';

export type EncryptOutcome = { ok: true; copy: string } | { ok: false; message: string };

/** The plain copy kept while a database is encrypted in place; removed once the encrypted file checks. */
export function plainCopyFor(file: string): string {
  return `${file}.plain-before-encryption`;
}

/**
 * Encrypts a plain database (from a version of the app before encryption) in place:
 * 1. the WAL is folded into the file and a copy of the plain file is taken beside it;
 * 2. SQLCipher rewrites every page with the key (`PRAGMA rekey`);
 * 3. the encrypted file is opened with the key, fully checked, and every table must hold as many
 *    rows as in the copy; only then is the plain copy removed. Any failure puts the copy back.
 */
export function encryptInPlace(file: string, key: Buffer, binding: { nativeBinding?: string }): EncryptOutcome {
  const copy = plainCopyFor(file);
  let before: Map<string, number>;
  try {
    const plain = new Database(file, { ...binding, fileMustExist: true });
    try {
      plain.pragma('wal_checkpoint(TRUNCATE)');
      before = rowCounts(plain);
    } finally {
      plain.close();
    }
    fs.copyFileSync(file, copy);
  } catch (error) {
    fs.rmSync(copy, { force: true });
    return { ok: false, message: `The database could not be prepared for encryption (${text(error)}). Nothing was changed.` };
  }

  try {
    const plain = new Database(file, { ...binding, fileMustExist: true });
    try {
      plain.pragma("cipher='sqlcipher'");
      plain.pragma(`rekey="x'${key.toString('hex')}'"`);
    } finally {
      plain.close();
    }
    const encrypted = new Database(file, { ...binding, fileMustExist: true });
    try {
      applyKey(encrypted, key);
      const check = checkIntegrity(encrypted, 'full');
      if (!check.ok) throw new Error(`the encrypted file failed its check: ${check.problem}`);
      const after = rowCounts(encrypted);
      for (const [table, n] of before) {
        if (after.get(table) !== n) throw new Error(`table ${table} holds ${after.get(table) ?? 0} rows instead of ${n}`);
      }
    } finally {
      encrypted.close();
    }
  } catch (error) {
    // Put the plain file back exactly as it was; the app then reports the failure and stops.
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    fs.copyFileSync(copy, file);
    fs.rmSync(copy, { force: true });
    return { ok: false, message: `The database could not be encrypted (${text(error)}). It was put back unchanged.` };
  }
  fs.rmSync(copy, { force: true });
  return { ok: true, copy };
}

function rowCounts(db: Db): Map<string, number> {
  const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  return new Map(tables.map((t) => [t.name, (db.prepare(`SELECT count(*) AS n FROM "${t.name.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A plain copy still beside the database means an encryption was cut short (the app never opens
 * the database between taking the copy and removing it): the copy is the last good state.
 */
export function finishInterruptedEncryption(file: string): boolean {
  const copy = plainCopyFor(file);
  if (!fs.existsSync(copy)) return false;
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
  fs.copyFileSync(copy, file);
  fs.rmSync(copy, { force: true });
  return true;
}
