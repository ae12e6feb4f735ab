import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../testing/testApp';
import { openDatabase } from './connection';
import { migrate, schemaVersionOf } from './migrate';
import { latestSchemaVersion, migrations } from './migrations';
import type { Migration } from './migrations/types';

const dirs: string[] = [];
function freshFile(): string {
  const dir = tempDir();
  dirs.push(dir);
  return path.join(dir, 'clinic.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('opening the database', () => {
  it('creates a new file at the latest schema with WAL, foreign keys and synchronous=FULL', () => {
    const file = freshFile();
    const opened = openDatabase({ file });
    if (!opened.ok) throw new Error(opened.message);
    const { db } = opened;
    expect(schemaVersionOf(db)).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('refuses a file written by a newer version and leaves it byte-for-byte unchanged', () => {
    const file = freshFile();
    const raw = new Database(file);
    raw.exec('CREATE TABLE from_the_future (x TEXT)');
    raw.pragma(`user_version = ${latestSchemaVersion + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    const opened = openDatabase({ file });
    expect(opened.ok).toBe(false);
    if (opened.ok) return;
    expect(opened.reason).toBe('newer-schema');
    expect(opened.message).toMatch(/newer version of the app/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not a database without changing it', () => {
    const file = freshFile();
    fs.writeFileSync(file, 'this is a spreadsheet, not a database'.repeat(200));
    const before = fs.readFileSync(file);
    const opened = openDatabase({ file });
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.reason).toBe('not-a-database');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('copies an existing database aside before migrating it', () => {
    const file = freshFile();
    const older = openDatabase({ file, migrations: migrations.slice(0, 1) });
    if (!older.ok) throw new Error(older.message);
    older.db.close();
    const extra: Migration = { version: 2, name: 'test step', up: (db) => db.exec('CREATE TABLE extra (x TEXT)') };
    const opened = openDatabase({ file, migrations: [...migrations.slice(0, 1), extra] });
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.migration.kind).toBe('migrated');
    if (opened.migration.kind !== 'migrated') return;
    expect(opened.migration.backupFile).not.toBeNull();
    const backup = new Database(opened.migration.backupFile ?? '', { readonly: true });
    expect(schemaVersionOf(backup)).toBe(1);
    backup.close();
    opened.db.close();
  });
});

describe('migrate', () => {
  it('runs all pending steps in one transaction: a failing step leaves nothing behind', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x TEXT)') },
      { version: 2, name: 'two', up: (d) => d.exec('CREATE TABLE b (x TEXT)') },
      {
        version: 3,
        name: 'broken',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, steps, null)).toThrow('boom');
    expect(schemaVersionOf(db)).toBe(0);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('reports up-to-date when there is nothing to do', () => {
    const db = new Database(':memory:');
    migrate(db, migrations, null);
    expect(migrate(db, migrations, null)).toEqual({ kind: 'up-to-date', version: latestSchemaVersion });
    db.close();
  });
});
