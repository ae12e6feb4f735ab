import fs from 'node:fs';
import path from 'node:path';
import { automaticBackupNamePattern, type BackupInfo } from '#shared/domain/backups';
import { backupsToDelete, defaultRotation, type RotationPolicy } from './rotation';

/** `backups/` beside the database file: where automatic backups are written and rotated. */
export function backupsDirFor(dataFile: string): string {
  return path.join(path.dirname(path.resolve(dataFile)), 'backups');
}

/** A moment as a file-name-safe stamp: 2026-11-25T10-00-00-000Z. */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

function createdAtOf(name: string): Date | null {
  const m = /^foot-screening-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/**
 * The automatic backups. Names are made by the app and carry the moment they were taken; a
 * request can only name a backup by such a name, which is checked before any path is built.
 */
export class BackupFolder {
  constructor(
    readonly dir: string,
    private readonly policy: RotationPolicy = defaultRotation,
  ) {}

  nameFor(at: Date): string {
    return `foot-screening-${fileStamp(at)}.db`;
  }

  /** Newest first. Files that are not automatic backups (or half-written ones) are ignored. */
  list(): BackupInfo[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    const out: BackupInfo[] = [];
    for (const name of names) {
      const createdAt = createdAtOf(name);
      if (!createdAt) continue;
      try {
        out.push({ name, createdAt: createdAt.toISOString(), bytes: fs.statSync(path.join(this.dir, name)).size });
      } catch {
        // Deleted while listing: not a backup any more.
      }
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The path of an existing automatic backup, or null for any other name. */
  pathOf(name: string): string | null {
    if (!automaticBackupNamePattern.test(name) || createdAtOf(name) === null) return null;
    const file = path.join(this.dir, name);
    return fs.existsSync(file) ? file : null;
  }

  /**
   * Deletes what a backup interrupted by a crash left behind: its half-written `.partial` file,
   * the database copy it was sealing (`.db.database`, and that copy's own `.partial`), and their
   * journals. They never carry a backup's name, so the backups are untouched.
   */
  removeLeftovers(): number {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return 0;
    }
    const leftovers = names.filter((n) => n.startsWith('foot-screening-') && /\.db(\.partial|\.database(\.partial)?)(-journal)?$/.test(n));
    for (const name of leftovers) fs.rmSync(path.join(this.dir, name), { force: true });
    return leftovers.length;
  }

  /** Deletes the backups the rotation no longer keeps; returns how many. */
  rotate(): number {
    const dated = this.list().map((b) => ({ name: b.name, createdAt: new Date(b.createdAt) }));
    const doomed = backupsToDelete(dated, this.policy);
    for (const name of doomed) fs.rmSync(path.join(this.dir, name), { force: true });
    return doomed.length;
  }
}
