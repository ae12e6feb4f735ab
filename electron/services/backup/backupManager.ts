import fs from 'node:fs';
import path from 'node:path';
import type { BackupList, ChosenFile, RestoreOutcome, RestoreSource } from '#shared/domain/backups';
import type { Delivery } from '#shared/domain/files';
import { fail, ok, type Result } from '#shared/ipc/result';
import { copyDatabaseInBackground } from '../../db/backgroundCopy';
import { inspectCandidate, openRaw } from '../../db/integrity';
import { schemaVersionOf } from '../../db/migrate';
import { AuditRepository } from '../../db/repositories/auditRepository';
import type { Db } from '../../db/types';
import type { AppLogger } from '../../log/logger';
import type { Clock } from '../clock';
import type { FileSink } from '../files/fileSink';
import type { FileSource } from '../files/fileSource';
import type { Actor } from '../actor';
import type { BackupFolder} from './backupFolder';
import { fileStamp } from './backupFolder';
import { finishInterruptedRestore, putBack, replaceDatabaseFile } from './replaceDatabaseFile';
import { clinicKeyFrom, parseKeyCode, type ClinicKey } from '../../security/clinicKey';
import type { AuditHead } from '../audit/auditAnchor';
import { extractDatabase, manifestSealIsValid, readBackupKind, sealManifest, writeBackupFile, type BackupManifest } from './backupFile';

/** What the operations need from backups; the same object serves the normal and the recovery app. */
export interface BackupOperations {
  backUpNow(actor: Actor): Promise<Result<Delivery>>;
  list(): BackupList;
  chooseFile(clientKey: string): Promise<Result<ChosenFile>>;
  restore(source: RestoreSource, actor: Actor, clientKey: string, recoveryCode?: string): Promise<Result<RestoreOutcome>>;
}

/** The application that owns the open database: the manager closes and reopens it around a restore. */
export interface DatabaseHost {
  /** The open database, or null in recovery mode. */
  currentDb(): Db | null;
  closeDatabase(): void;
  /** Opens the data file again (migrating an older schema) and rebuilds every service on it. */
  reopen(): { ok: true; db: Db; migrated: boolean } | { ok: false; message: string };
  /** The clinic key the database and its backups are encrypted with (null: missing, recovery mode). */
  clinicKey(): ClinicKey | null;
  /** The newest audit entry as recorded outside the database. */
  auditHead(): AuditHead | null;
  /** A restored backup brings its own key (from a recovery sheet): it becomes the clinic key. */
  adoptKey(raw: Buffer, asideSuffix: string): void;
  /** After a restore the anchor is the restored backup's (the previous one kept aside). */
  setAuditHead(head: AuditHead | null, asideSuffix: string): void;
}

export interface BackupManagerOptions {
  /** A better-sqlite3 addon built for another runtime (Electron), see the README. */
  nativeBinding?: string;
  appVersion: string;
  dataFile: string;
  folder: BackupFolder;
  clock: Clock;
  log: AppLogger;
  files: FileSink;
  sources: FileSource;
  host: DatabaseHost;
}

const dayMs = 24 * 60 * 60 * 1000;
/** Audit name for what the app does by itself. */
const appActor = 'app (automatic)';

/**
 * Backups and restores. One at a time: a restore closes the database, so it must not start while
 * a backup is reading it, and a backup must not read a database being replaced.
 */
export class BackupManager implements BackupOperations {
  private busy: 'backup' | 'restore' | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly auditByDb = new WeakMap<Db, AuditRepository>();

  constructor(private readonly o: BackupManagerOptions) {}

  list(): BackupList {
    return { folder: this.o.folder.dir, backups: this.o.folder.list() };
  }

  async backUpNow(actor: Actor): Promise<Result<Delivery>> {
    const db = this.o.host.currentDb();
    if (!db) return fail('conflict', 'There is no working database to back up.');
    if (this.busy) return fail('conflict', 'A backup or restore is already running. Try again in a moment.');
    this.busy = 'backup';
    try {
      const now = this.o.clock.now();
      let bytes = 0;
      const delivery = await this.o.files.deliver(`Foot Screening backup ${fileStamp(now).slice(0, 16)}.db`, 'backup', 'save', async (target) => {
        bytes = await this.writeBackup(db, target);
      });
      if (delivery.kind !== 'cancelled') {
        this.audit(db, actor.name, 'backup.create', { kind: 'manual', bytes });
        this.o.log.info('backup written', { kind: 'manual', bytes });
      }
      return ok(delivery);
    } catch (error) {
      this.o.log.error('backup failed', { kind: 'manual', error: errorName(error) });
      return fail('internal', `The backup could not be written (${errorText(error)}). The database is unchanged.`);
    } finally {
      this.busy = null;
    }
  }

  /** One automatic backup into the backups folder, then rotation. Never throws: it runs unattended. */
  async backUpAutomatically(): Promise<'written' | 'skipped' | 'failed'> {
    const db = this.o.host.currentDb();
    if (!db || this.busy) return 'skipped';
    this.busy = 'backup';
    try {
      fs.mkdirSync(this.o.folder.dir, { recursive: true });
      const leftovers = this.o.folder.removeLeftovers();
      if (leftovers > 0) this.o.log.warn('half-written backup removed', { files: leftovers });
      const name = this.o.folder.nameFor(this.o.clock.now());
      const bytes = await this.writeBackup(db, path.join(this.o.folder.dir, name));
      this.audit(db, appActor, 'backup.create', { kind: 'automatic', name, bytes });
      const removed = this.o.folder.rotate();
      this.o.log.info('backup written', { kind: 'automatic', bytes, rotatedOut: removed });
      return 'written';
    } catch (error) {
      this.o.log.error('backup failed', { kind: 'automatic', error: errorName(error) });
      return 'failed';
    } finally {
      this.busy = null;
    }
  }

  /** A backup now, then one every 24 hours while the app runs. The timer does not keep the process alive. */
  async startSchedule(): Promise<'written' | 'skipped' | 'failed'> {
    if (this.timer === null) {
      this.timer = setInterval(() => void this.backUpAutomatically(), dayMs);
      this.timer.unref();
    }
    return this.backUpAutomatically();
  }

  stopSchedule(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /**
   * One backup file: an encrypted copy of the database (VACUUM INTO) behind a sealed manifest,
   * written beside the target and renamed into place once complete.
   */
  private async writeBackup(db: Db, target: string): Promise<number> {
    const key = this.o.host.clinicKey();
    if (!key) throw new Error('no clinic key');
    const copy = `${target}.database`;
    const partial = `${target}.partial`;
    try {
      // Off the main thread (a worker), so the app answers while a large database is copied.
      await copyDatabaseInBackground(db, copy, this.binding(key));
      const newest = db.prepare<[], { id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
      const keyedFrom = this.o.host.auditHead()?.keyedFrom ?? 1;
      const base = { format: 1 as const, createdAt: this.o.clock.now().toISOString(), appVersion: this.o.appVersion, schemaVersion: schemaVersionOf(db), keyId: key.keyId };
      const auditHead = newest ? { keyedFrom, id: newest.id, hash: newest.hash } : null;
      await writeBackupFile(partial, copy, (sha256, bytes) => sealManifest({ ...base, sha256, bytes, auditHead }, key.manifest));
      fs.renameSync(partial, target);
      return fs.statSync(target).size;
    } finally {
      fs.rmSync(copy, { force: true });
      fs.rmSync(partial, { force: true });
    }
  }

  private binding(key: ClinicKey | null): { nativeBinding?: string; key?: Buffer } {
    return { ...(this.o.nativeBinding ? { nativeBinding: this.o.nativeBinding } : {}), ...(key ? { key: key.database } : {}) };
  }

  /**
   * Checks a backup file's manifest and copies its database out to `staged`. The key it needs is
   * the clinic's, or the one from the recovery code when the backup came from another database.
   */
  private async unpack(
    candidate: string,
    staged: string,
    recoveryCode: string | undefined,
  ): Promise<Result<{ manifest: BackupManifest | null; key: ClinicKey | null }>> {
    const unchanged = 'Nothing was changed.';
    const kind = readBackupKind(candidate);
    switch (kind.kind) {
      case 'plain-database':
        // Made before backups were encrypted: no manifest; the schema and integrity checks still apply.
        await fs.promises.copyFile(candidate, staged);
        return ok({ manifest: null, key: null });
      case 'unknown':
        // An encrypted database without a manifest (a copy kept aside by the app): checked under the clinic key.
        await fs.promises.copyFile(candidate, staged);
        return ok({ manifest: null, key: null });
      case 'bad-manifest':
        return fail('validation_failed', `This backup cannot be trusted: ${kind.message}. ${unchanged}`);
      case 'manifest': {
        const m = kind.manifest;
        let key = this.o.host.clinicKey();
        if (!key || key.keyId !== m.keyId) {
          const raw = recoveryCode ? parseKeyCode(recoveryCode) : null;
          if (!raw) {
            return fail(
              'validation_failed',
              recoveryCode
                ? `That is not a recovery code: it is 64 letters and digits (0-9, a-f), as printed on the recovery sheet. ${unchanged}`
                : `This backup was made with another key (key ${m.keyId}). Enter the recovery code from the recovery sheet of the clinic it came from. ${unchanged}`,
              [{ path: 'recoveryCode', message: 'The recovery code of the backup is needed' }],
            );
          }
          key = clinicKeyFrom(raw, 'key-file');
          if (key.keyId !== m.keyId) {
            return fail('validation_failed', `That recovery code is for another key (key ${key.keyId}), not this backup's (key ${m.keyId}). ${unchanged}`, [
              { path: 'recoveryCode', message: 'Not the code of this backup' },
            ]);
          }
        }
        if (!manifestSealIsValid(m, key.manifest)) {
          return fail('validation_failed', `This backup's manifest does not carry the clinic's seal: it was written or changed outside the app. ${unchanged}`);
        }
        const got = await extractDatabase(candidate, kind.offset, staged);
        if (got.bytes !== m.bytes || got.sha256 !== m.sha256) {
          return fail(
            'validation_failed',
            `This backup was changed or cut short after it was made (its content no longer matches the SHA-256 in its manifest). ${unchanged}`,
          );
        }
        return ok({ manifest: m, key });
      }
    }
  }

  chooseFile(clientKey: string): Promise<Result<ChosenFile>> {
    return this.o.sources.choose('backup', clientKey);
  }

  /**
   * Replaces the clinic's database with a backup. The candidate is copied beside the database and
   * checked there (integrity, ours, schema version); a refused file changes nothing. Then the
   * database is closed, kept aside as `<file>.before-restore-<time>`, replaced and reopened
   * (migrated if older), and every service is rebuilt on it, so everybody signs in again.
   */
  async restore(source: RestoreSource, actor: Actor, clientKey: string, recoveryCode?: string): Promise<Result<RestoreOutcome>> {
    if (this.busy) return fail('conflict', 'A backup or restore is already running. Try again in a moment.');
    const candidate = source.kind === 'automatic' ? this.o.folder.pathOf(source.name) : this.o.sources.resolve(source.ref, clientKey);
    if (!candidate) {
      return fail('not_found', source.kind === 'automatic' ? 'That backup is no longer in the backups folder.' : 'The chosen file is no longer available. Choose it again.');
    }
    this.busy = 'restore';
    const { dataFile, log } = this.o;
    const stamp = fileStamp(this.o.clock.now());
    const staged = `${dataFile}.restore-candidate-${stamp}`;
    let closed = false;
    try {
      const unpacked = await this.unpack(candidate, staged, recoveryCode);
      if (!unpacked.ok) {
        log.warn('restore refused', { source: source.kind, reason: 'manifest' });
        return unpacked;
      }
      const { manifest } = unpacked.value;
      const backupKey = unpacked.value.key ?? this.o.host.clinicKey();
      const checked = inspectCandidate(staged, this.binding(backupKey));
      if (!checked.ok) {
        log.warn('restore refused', { source: source.kind, reason: checked.reason });
        if (checked.reason === 'other-key') {
          return fail('validation_failed', checked.message, [{ path: 'recoveryCode', message: 'The recovery code of the backup is needed' }]);
        }
        return fail('validation_failed', checked.message);
      }
      if (manifest && manifest.schemaVersion !== checked.schemaVersion) {
        return fail('validation_failed', `This backup's manifest names schema ${manifest.schemaVersion} but the database inside is schema ${checked.schemaVersion}. Nothing was changed.`);
      }
      if (manifest?.auditHead && !auditHeadPresent(staged, this.binding(backupKey), manifest.auditHead)) {
        return fail('validation_failed', `The audit log inside this backup does not reach the newest entry its manifest names (entry ${manifest.auditHead.id}): entries were removed. Nothing was changed.`);
      }
      // From here until the new database is open everything is synchronous, so no request can
      // reach a closed database in between.
      this.o.host.closeDatabase();
      closed = true;
      const { keptAside } = replaceDatabaseFile(dataFile, staged, stamp);
      const previousKey = this.o.host.clinicKey();
      const previousHead = this.o.host.auditHead();
      if (backupKey && previousKey?.keyId !== backupKey.keyId) this.o.host.adoptKey(backupKey.database, `before-restore-${stamp}`);
      // The restored log's newest entry is the backup's; without a manifest it is found again at the next start.
      this.o.host.setAuditHead(manifest?.auditHead ?? null, `before-restore-${stamp}`);
      const reopened = this.o.host.reopen();
      if (!reopened.ok) {
        putBack(dataFile, keptAside, `${dataFile}.failed-restore-${stamp}`);
        if (previousKey && previousKey.keyId !== this.o.host.clinicKey()?.keyId) this.o.host.adoptKey(previousKey.database, `failed-restore-${stamp}`);
        this.o.host.setAuditHead(previousHead, `failed-restore-${stamp}`);
        const back = this.o.host.reopen();
        log.error('restore failed to open', { source: source.kind, reopenedPrevious: back.ok });
        return fail('internal', `The backup passed its checks but could not be opened, so the previous database was put back. ${back.ok ? '' : 'It too failed to open. '}`.trim());
      }
      this.audit(reopened.db, actor.name, 'backup.restore', {
        source: source.kind,
        ...(source.kind === 'automatic' ? { backup: source.name } : {}),
        schemaVersion: checked.schemaVersion,
        migrated: checked.migrated,
        manifest: manifest !== null,
        keptAsideAs: path.basename(keptAside),
      });
      log.info('database restored', { source: source.kind, schemaVersion: checked.schemaVersion, migrated: checked.migrated, manifest: manifest !== null });
      return ok({ schemaVersion: checked.schemaVersion, migrated: checked.migrated, keptAsideAs: path.basename(keptAside) });
    } catch (error) {
      log.error('restore failed', { source: source.kind, error: errorName(error) });
      if (closed && this.o.host.currentDb() === null) {
        // Failed half-way through the swap: put the previous database back as at a start-up.
        finishInterruptedRestore(dataFile);
        this.o.host.reopen();
      }
      return fail('internal', `The restore could not be completed (${errorText(error)}).`);
    } finally {
      fs.rmSync(staged, { force: true });
      fs.rmSync(`${staged}-journal`, { force: true });
      this.busy = null;
    }
  }

  private audit(db: Db, actor: string, action: 'backup.create' | 'backup.restore', details: Record<string, unknown>): void {
    // Statements are prepared once per open database (a restore opens a new one).
    const audit = this.auditByDb.get(db) ?? new AuditRepository(db, this.o.host.clinicKey()?.audit ?? null);
    this.auditByDb.set(db, audit);
    db.transaction(() => {
      audit.append({ at: this.o.clock.now().toISOString(), actor, action, entity: 'backup', entityId: null, details });
    }).immediate();
  }
}

function auditHeadPresent(file: string, binding: { nativeBinding?: string; key?: Buffer }, head: AuditHead): boolean {
  if (head.id === 0) return true;
  const db = openRaw(file, binding, { fileMustExist: true });
  try {
    return db.prepare<[number], { hash: string }>('SELECT hash FROM audit_log WHERE id = ?').get(head.id)?.hash === head.hash;
  } finally {
    db.close();
  }
}

function errorName(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}

/** For the person at the screen (may name a path they chose); never written to the log. */
function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
