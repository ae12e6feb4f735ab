import fs from 'node:fs';
import type { Db } from './types';

/**
 * SQLCipher encryption (better-sqlite3-multiple-ciphers): every page of the database and of its
 * WAL is encrypted with AES-256 and authenticated with HMAC-SHA-512, so a copied file shows
 * nothing and a changed byte makes SQLite refuse the page. The key is applied before the first
 * statement; without it any statement fails with "file is not a database".
 */
export function applyKey(db: Db, key: Buffer): void {
  db.pragma("cipher='sqlcipher'");
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

const sqliteMagic = Buffer.from('SQLite format 3\0', 'latin1');

/** Whether the file starts with SQLite's plain header (an encrypted file starts with random bytes). */
export function isPlainDatabaseFile(file: string): boolean {
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

export function fileHasContent(file: string): boolean {
  try {
    return fs.statSync(file).size > 0;
  } catch {
    return false;
  }
}

/**
 * An encrypted database is whole pages of random-looking bytes (no plain header); anything else
 * without the header (a spreadsheet, a text file) is simply not a database.
 */
export function looksLikeEncryptedDatabase(file: string): boolean {
  try {
    const size = fs.statSync(file).size;
    return size >= 512 && size % 512 === 0 && !isPlainDatabaseFile(file);
  } catch {
    return false;
  }
}
