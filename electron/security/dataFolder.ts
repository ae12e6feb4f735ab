import path from 'node:path';
import type { AppLogger } from '../log/logger';
import { networkShareMessage, remoteFileSystemOf } from './networkShare';
import { clearPrivateTempDir, ensurePrivateDir, privateTempDirFor, repairPrivateModes, usePrivateUmask } from './privateFiles';

/**
 * What every shell does before opening the clinic's database: refuse a network share, make the
 * data folder private (umask, modes repaired with a log line) and empty the app's own temp folder
 * (files left by a crash: exports, reports, downloads). Returns the temp folder.
 */
export function prepareDataFolder(dataFile: string, log: AppLogger): { ok: true; tempDir: string } | { ok: false; message: string } {
  usePrivateUmask();
  const remote = remoteFileSystemOf(dataFile);
  if (remote) {
    log.error('database on a network share refused', { fileSystem: remote });
    return { ok: false, message: networkShareMessage(dataFile, remote) };
  }
  const dir = path.dirname(path.resolve(dataFile));
  ensurePrivateDir(dir);
  const repaired = repairPrivateModes(dir);
  if (repaired.length > 0) {
    log.warn('file modes repaired', { count: repaired.length, files: repaired.slice(0, 20).map((r) => `${r.path} ${r.was}->${r.now}`).join(', ') });
  }
  const tempDir = privateTempDirFor(dataFile);
  const removed = clearPrivateTempDir(tempDir);
  if (removed > 0) log.info('temp folder cleared', { removed });
  return { ok: true, tempDir };
}
