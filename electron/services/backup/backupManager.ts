import fs from 'node:fs';
import path from 'node:path';
import type { BackupList, ChosenFile, RestoreOutcome, RestoreSource } from '#shared/domain/backups';
import type { Delivery } from '#shared/domain/files';
import { fail, ok, type Result } from '#shared/ipc/result';
import { writeBackup } from '../../db/backup';
import { inspectCandidate, type DatabaseBinding } from '../../db/integrity';
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

/** What the operations need from backups; the same object serves the normal and the recovery app. */
export interface BackupOperations {
  backUpNow(actor: Actor): Promise<Result<Delivery>>;
  list(): BackupList;
  chooseFile(clientKey: string): Promise<Result<ChosenFile>>;
  restore(source: RestoreSource, actor: Actor, clientKey: string): Promise<Result<RestoreOutcome>>;
}

/** The application that owns the open database: the manager closes and reopens it around a restore. */
export interface DatabaseHost {
  /** The open database, or null in recovery mode. */
  currentDb(): Db | null;
  closeDatabase(): void;
  /** Opens the data file again (migrating an older schema) and rebuilds every service on it. */
  reopen(): { ok: true; db: Db; migrated: boolean } | { ok: false; message: string };
}

export interface BackupManagerOptions extends DatabaseBinding {
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
        bytes = await writeBackup(db, target, this.o);
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
      const bytes = await writeBackup(db, path.join(this.o.folder.dir, name), this.o);
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

  chooseFile(clientKey: string): Promise<Result<ChosenFile>> {
    return this.o.sources.choose('backup', clientKey);
  }

  /**
   * Replaces the clinic's database with a backup. The candidate is copied beside the database and
   * checked there (integrity, ours, schema version); a refused file changes nothing. Then the
   * database is closed, kept aside as `<file>.before-restore-<time>`, replaced and reopened
   * (migrated if older), and every service is rebuilt on it, so everybody signs in again.
   */
  async restore(source: RestoreSource, actor: Actor, clientKey: string): Promise<Result<RestoreOutcome>> {
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
      await fs.promises.copyFile(candidate, staged);
      const checked = inspectCandidate(staged, this.o);
      if (!checked.ok) {
        log.warn('restore refused', { source: source.kind, reason: checked.reason });
        return fail('validation_failed', checked.message);
      }
      // From here until the new database is open everything is synchronous, so no request can
      // reach a closed database in between.
      this.o.host.closeDatabase();
      closed = true;
      const { keptAside } = replaceDatabaseFile(dataFile, staged, stamp);
      const reopened = this.o.host.reopen();
      if (!reopened.ok) {
        putBack(dataFile, keptAside, `${dataFile}.failed-restore-${stamp}`);
        const back = this.o.host.reopen();
        log.error('restore failed to open', { source: source.kind, reopenedPrevious: back.ok });
        return fail('internal', `The backup passed its checks but could not be opened, so the previous database was put back. ${back.ok ? '' : 'It too failed to open. '}`.trim());
      }
      this.audit(reopened.db, actor.name, 'backup.restore', {
        source: source.kind,
        ...(source.kind === 'automatic' ? { backup: source.name } : {}),
        schemaVersion: checked.schemaVersion,
        migrated: reopened.migrated,
        keptAsideAs: path.basename(keptAside),
      });
      log.info('database restored', { source: source.kind, schemaVersion: checked.schemaVersion, migrated: reopened.migrated });
      return ok({ schemaVersion: checked.schemaVersion, migrated: reopened.migrated, keptAsideAs: path.basename(keptAside) });
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
    const audit = this.auditByDb.get(db) ?? new AuditRepository(db);
    this.auditByDb.set(db, audit);
    db.transaction(() => {
      audit.append({ at: this.o.clock.now().toISOString(), actor, action, entity: 'backup', entityId: null, details });
    }).immediate();
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
