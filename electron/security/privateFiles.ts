import fs from 'node:fs';
import path from 'node:path';

/**
 * Only the user running the app may read the clinic's files: the data folder is 0700 and every
 * file in it 0600. The umask is set at start so that files SQLite and the app create afterwards
 * (WAL, journal, backups, logs, exports) are born private; modes found wrong are repaired.
 * Windows has no POSIX modes: there the files live in the user's own profile folder (AppData),
 * whose access list already admits only that user, the administrators and SYSTEM.
 */
export const privateDirMode = 0o700;
export const privateFileMode = 0o600;
const posix = process.platform !== 'win32';

/** New files 0600 and folders 0700 for the rest of this process. */
export function usePrivateUmask(): void {
  if (posix) process.umask(0o077);
}

export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
  if (posix) fs.chmodSync(dir, privateDirMode);
}

export function writePrivateFile(file: string, data: string | Buffer): void {
  ensurePrivateDir(path.dirname(file));
  fs.writeFileSync(file, data, { mode: privateFileMode });
  if (posix) fs.chmodSync(file, privateFileMode);
}

export interface RepairedMode {
  path: string;
  was: string;
  now: string;
}

/**
 * Walks the data folder and makes folders 0700 and files 0600; returns what was repaired so the
 * caller can log it. Symbolic links are left alone (chmod would follow them out of the folder).
 */
export function repairPrivateModes(dir: string): RepairedMode[] {
  if (!posix || !fs.existsSync(dir)) return [];
  const repaired: RepairedMode[] = [];
  const visit = (p: string, isRoot: boolean): void => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    const want = st.isDirectory() ? privateDirMode : privateFileMode;
    const mode = st.mode & 0o777;
    if (mode !== want) {
      fs.chmodSync(p, want);
      repaired.push({ path: isRoot ? '.' : path.relative(dir, p), was: mode.toString(8), now: want.toString(8) });
    }
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name), false);
  };
  visit(dir, true);
  return repaired;
}

/** The app's own temp folder inside the data folder: emptied at start (files left by a crash). */
export function privateTempDirFor(dataFile: string): string {
  return path.join(path.dirname(path.resolve(dataFile)), 'tmp');
}

export function clearPrivateTempDir(dir: string): number {
  let removed = 0;
  if (fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir)) {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
      removed++;
    }
  }
  ensurePrivateDir(dir);
  return removed;
}
