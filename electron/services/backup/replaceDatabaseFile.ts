import fs from 'node:fs';
import path from 'node:path';

/**
 * Swapping the database file for a restored one, so that a crash at any moment leaves either the
 * old database or the new one in place, never none (at start-up an empty new database would be
 * created and the clinic would seem to have lost everything).
 *
 * Before the first rename a marker file records what is being done. At start-up,
 * `finishInterruptedRestore` reads it: if the database file is missing, the old one is moved back;
 * if it is there, the swap had completed. Renames stay within one folder, so each is atomic.
 */
interface Marker {
  keptAside: string;
}

export function markerFor(file: string): string {
  return `${file}.restore-in-progress`;
}

/** Moves `file` (and its `-wal`, if any) aside and `staged` into its place. The database must be closed. */
export function replaceDatabaseFile(file: string, staged: string, stamp: string): { keptAside: string } {
  const keptAside = `${file}.before-restore-${stamp}`;
  const marker = markerFor(file);
  writeDurably(marker, JSON.stringify({ keptAside } satisfies Marker));
  if (fs.existsSync(file)) fs.renameSync(file, keptAside);
  // A -wal left beside the database belongs to the old file: applied to the restored one it would
  // corrupt it. The -shm is only an index of the -wal and is rebuilt.
  if (fs.existsSync(`${file}-wal`)) fs.renameSync(`${file}-wal`, `${keptAside}-wal`);
  fs.rmSync(`${file}-shm`, { force: true });
  fs.rmSync(`${file}-journal`, { force: true });
  fs.renameSync(staged, file);
  syncFolder(path.dirname(file));
  fs.rmSync(marker, { force: true });
  return { keptAside };
}

/** Puts the database that was kept aside back (a restored file that failed to open is kept as `failedAs`). */
export function putBack(file: string, keptAside: string, failedAs: string): void {
  if (fs.existsSync(file)) fs.renameSync(file, failedAs);
  fs.rmSync(`${file}-wal`, { force: true });
  fs.rmSync(`${file}-shm`, { force: true });
  if (fs.existsSync(keptAside)) fs.renameSync(keptAside, file);
  if (fs.existsSync(`${keptAside}-wal`)) fs.renameSync(`${keptAside}-wal`, `${file}-wal`);
  syncFolder(path.dirname(file));
}

export type InterruptedRestore = 'none' | 'rolled-back' | 'completed';

/** Called before the database is opened at start-up. */
export function finishInterruptedRestore(file: string): InterruptedRestore {
  const marker = markerFor(file);
  if (!fs.existsSync(marker)) return 'none';
  let outcome: InterruptedRestore = 'completed';
  try {
    const { keptAside } = JSON.parse(fs.readFileSync(marker, 'utf8')) as Marker;
    if (!fs.existsSync(file) && typeof keptAside === 'string' && fs.existsSync(keptAside)) {
      fs.renameSync(keptAside, file);
      if (fs.existsSync(`${keptAside}-wal`) && !fs.existsSync(`${file}-wal`)) fs.renameSync(`${keptAside}-wal`, `${file}-wal`);
      outcome = 'rolled-back';
    }
  } catch {
    // An unreadable marker was never completed (it is written before anything moves): nothing moved.
    outcome = 'none';
  }
  fs.rmSync(marker, { force: true });
  syncFolder(path.dirname(file));
  return outcome;
}

function writeDurably(file: string, text: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  syncFolder(path.dirname(file));
}

/** Makes renames in a folder durable where the OS allows it (Windows cannot open folders). */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Best effort.
  }
}
