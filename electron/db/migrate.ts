import fs from 'node:fs';
import path from 'node:path';
import type { Migration } from './migrations/types';
import type { Db } from './types';

export type MigrationOutcome =
  | { kind: 'up-to-date'; version: number }
  | { kind: 'migrated'; from: number; to: number; backupFile: string | null }
  | { kind: 'newer'; fileVersion: number; appVersion: number };

export function schemaVersionOf(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the schema up to date: all pending steps in one transaction, so a failure leaves the
 * file exactly as it was. A file written by a newer app (higher user_version) is refused and not
 * touched. Before migrating a database that already holds data, a copy is taken with
 * `VACUUM INTO` (consistent, synchronous) next to the file.
 */
export function migrate(db: Db, steps: readonly Migration[], fileForBackup: string | null): MigrationOutcome {
  const current = schemaVersionOf(db);
  const latest = steps[steps.length - 1]?.version ?? 0;
  if (current > latest) return { kind: 'newer', fileVersion: current, appVersion: latest };
  if (current === latest) return { kind: 'up-to-date', version: current };

  let backupFile: string | null = null;
  if (current > 0 && fileForBackup !== null) {
    backupFile = backupPathFor(fileForBackup, current);
    db.prepare('VACUUM INTO ?').run(backupFile);
  }

  const pending = steps.filter((s) => s.version > current);
  db.transaction(() => {
    for (const step of pending) {
      step.up(db);
      // user_version lives in the file header and is written inside this same transaction.
      db.pragma(`user_version = ${Math.trunc(step.version)}`);
    }
  }).immediate();
  return { kind: 'migrated', from: current, to: latest, backupFile };
}

function backupPathFor(file: string, fromVersion: number): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.dirname(file);
  const base = path.basename(file);
  let candidate = path.join(dir, `${base}.before-migration-v${fromVersion}-${stamp}.bak`);
  let n = 1;
  while (fs.existsSync(candidate)) candidate = path.join(dir, `${base}.before-migration-v${fromVersion}-${stamp}-${n++}.bak`);
  return candidate;
}
