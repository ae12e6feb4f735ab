import fs from 'node:fs';
import { checkIntegrity, openRaw, type DatabaseBinding } from './integrity';
import type { Db } from './types';

/**
 * Writes a consistent copy of the open database to `target` with SQLite's online backup
 * (better-sqlite3 `db.backup`, which copies pages while the app keeps working; `serialize()` can
 * crash Electron). The copy is written beside the target, switched to a plain rollback journal so
 * it is one self-contained file, checked with `quick_check`, and only then renamed into place, so
 * a half-written or damaged copy never carries a backup's name.
 */
export async function writeBackup(db: Db, target: string, binding: DatabaseBinding): Promise<number> {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    const copy = openRaw(partial, binding, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = checkIntegrity(copy, 'quick');
      if (!check.ok) throw new Error('the copy failed its check');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
    return fs.statSync(target).size;
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
  }
}
