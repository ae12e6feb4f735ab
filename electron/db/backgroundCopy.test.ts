import Database from 'better-sqlite3-multiple-ciphers';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupFolder } from '../services/backup/backupFolder';
import { copyDatabaseInBackground } from './backgroundCopy';
import { applyKey } from './cipher';
import { openRaw } from './integrity';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** An encrypted WAL database (as the app keeps it) with `rows` rows of some bulk. */
function encryptedDatabase(rows: number): { dir: string; db: Database.Database; key: Buffer } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'background-copy-'));
  dirs.push(dir);
  const key = crypto.randomBytes(32);
  const db = new Database(path.join(dir, 'clinic.db'));
  applyKey(db, key);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE patient (id INTEGER PRIMARY KEY, family_name TEXT NOT NULL, notes TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO patient (family_name, notes) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`Family ${i}`, 'x'.repeat(400));
  })();
  return { dir, db, key };
}

describe('copyDatabaseInBackground', () => {
  it('writes, in a worker, a copy that opens only with the clinic key and holds every committed row', async () => {
    const { dir, db, key } = encryptedDatabase(500);
    const target = path.join(dir, 'copy.db');
    try {
      const how = await copyDatabaseInBackground(db, target, { key });
      expect(how).toBe('worker');
      expect(fs.existsSync(`${target}.partial`)).toBe(false);
      const copy = openRaw(target, { key }, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
        expect(copy.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 500 });
        expect(copy.prepare('SELECT family_name FROM patient WHERE id = 500').get()).toEqual({ family_name: 'Family 499' });
      } finally {
        copy.close();
      }
      const wrongKey = openRaw(target, { key: crypto.randomBytes(32) }, { readonly: true, fileMustExist: true });
      try {
        expect(() => wrongKey.prepare('SELECT count(*) FROM patient').get()).toThrow();
      } finally {
        wrongKey.close();
      }
    } finally {
      db.close();
    }
  });

  it('a worker killed mid-copy leaves the earlier backups as they were and no half file under a backup name', async () => {
    const { dir, db, key } = encryptedDatabase(40_000);
    const backups = path.join(dir, 'backups');
    fs.mkdirSync(backups);
    const folder = new BackupFolder(backups);
    const earlier = path.join(backups, folder.nameFor(new Date('2026-01-01T10:00:00Z')));
    const next = path.join(backups, folder.nameFor(new Date('2026-01-02T10:00:00Z')));
    try {
      expect(await copyDatabaseInBackground(db, earlier, { key })).toBe('worker');
      const earlierBytes = fs.readFileSync(earlier);

      // Killed as soon as it has started copying (the copy of 40,000 rows is still running).
      const copying = copyDatabaseInBackground(db, next, { key }, {
        onWorker: (worker) =>
          worker.on('message', (m: unknown) => {
            if (typeof m === 'object' && m !== null && 'stage' in m && m.stage === 'loaded') void worker.terminate();
          }),
      });
      await expect(copying).rejects.toThrow(/background copy failed/);

      expect(fs.existsSync(next)).toBe(false);
      expect(fs.readFileSync(earlier).equals(earlierBytes)).toBe(true);
      expect(folder.list().map((b) => b.name)).toEqual([path.basename(earlier)]);
      // Whatever half file the killed worker left is removed at the next start.
      folder.removeLeftovers();
      expect(fs.readdirSync(backups)).toEqual([path.basename(earlier)]);
    } finally {
      db.close();
    }
  });
});
