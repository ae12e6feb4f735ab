import fs from 'node:fs';
import { checkIntegrity, openRaw, type DatabaseBinding } from './integrity';
import type { Db } from './types';

/**
 * Writes a consistent copy of the open database to `target` with `VACUUM INTO` (SQLite's online
 * backup API cannot read an encrypted database; VACUUM INTO writes a copy encrypted with the same
 * key, compacted, with no free pages holding deleted rows). The copy is written beside the target,
 * switched to a plain rollback journal so it is one self-contained file, checked with
 * `quick_check` under the key, and only then renamed into place, so a half-written or damaged copy
 * never carries the target's name.
 */
export function writeDatabaseCopy(db: Db, target: string, binding: DatabaseBinding): void {
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    const copy = openRaw(partial, binding, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
      const check = checkIntegrity(copy, 'quick');
      if (!check.ok) throw new Error('the copy failed its check');
    } finally {
      copy.close();
    }
    fs.renameSync(partial, target);
  } finally {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
  }
}
