import fs from 'node:fs';
import path from 'node:path';

/**
 * SQLite's WAL mode needs shared memory between the processes using a database, which network file
 * systems do not provide, and their locks are unreliable: a database on a share can be corrupted.
 * The data folder must be on a local disk.
 */

/** Linux `statfs` f_type values of remote file systems (linux/magic.h). */
const remoteFileSystems = new Map<number, string>([
  [0x6969, 'NFS'],
  [0x517b, 'SMB'],
  [0xff534d42, 'CIFS (Windows share)'],
  [0xfe534d42, 'SMB2 (Windows share)'],
  [0x564c, 'NetWare (NCP)'],
  [0x5346414f, 'AFS'],
  [0x73757245, 'Coda'],
  [0x01021997, '9P'],
  [0x00c36400, 'Ceph'],
  [0x47504653, 'GPFS'],
  [0x0bd00bd0, 'Lustre'],
]);

export type StatFs = (dir: string) => { type: number };

/** Names the remote file system holding `dataFile`, or null when it is local (or cannot be told). */
export function remoteFileSystemOf(dataFile: string, statfs: StatFs = fs.statfsSync, platform: NodeJS.Platform = process.platform): string | null {
  const resolved = path.resolve(dataFile);
  // A UNC path (\\server\share\...) is a network share on Windows whatever the drive letters say.
  if (platform === 'win32' && /^(\\\\|\/\/)[^\\/]+[\\/][^\\/]+/.test(dataFile)) return 'a Windows network share';
  if (platform !== 'linux') return null;
  let dir = path.dirname(resolved);
  // The folder may not exist yet: ask about the nearest one that does.
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  try {
    return remoteFileSystems.get(statfs(dir).type >>> 0) ?? null;
  } catch {
    return null;
  }
}

export function networkShareMessage(dataFile: string, kind: string): string {
  return (
    `The database ${dataFile} is on a network share (${kind}). SQLite cannot keep a database safe there: ` +
    'two computers, or a dropped connection, can corrupt it. Move the data folder to this computer\'s own disk ' +
    '(or start the app with --db pointing to a local file) and use the automatic backups to keep copies elsewhere.'
  );
}
