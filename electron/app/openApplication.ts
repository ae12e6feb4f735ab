import fs from 'node:fs';
import packageJson from '../../package.json' with { type: 'json' };
import type { AppInfo } from '#shared/domain/appInfo';
import { operations, type OperationName } from '#shared/ipc/operations';
import { looksLikeEncryptedDatabase } from '../db/cipher';
import { quickCheckInBackground } from '../db/backgroundIntegrity';
import { openDatabase, type OpenDatabaseResult } from '../db/connection';
import { checkIntegrity } from '../db/integrity';
import { latestSchemaVersion } from '../db/migrations';
import type { Db } from '../db/types';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { createRecoveryDispatch } from '../ipc/recoveryDispatch';
import type { AppLogger } from '../log/logger';
import { productName } from './paths';
import { createAppServices, type AppServices } from '../services/appServices';
import { BackupFolder, backupsDirFor } from '../services/backup/backupFolder';
import { BackupManager, type DatabaseHost } from '../services/backup/backupManager';
import { finishInterruptedRestore } from '../services/backup/replaceDatabaseFile';
import { AuditAnchor, auditAnchorFileFor } from '../services/audit/auditAnchor';
import { findClinicKey, keepKeyAside, newClinicKey, storeClinicKey, type ClinicKey, type KeyProtector } from '../security/clinicKey';
import { prepareDataFolder } from '../security/dataFolder';
import { anchorAuditChain, anchorFollower, recordFindings, repairTriggers } from '../security/startupProtection';
import { systemClock, type Clock } from '../services/clock';
import type { FileSink } from '../services/files/fileSink';
import type { FhirPushTuning } from '../services/interop/fhirPushService';
import { noFileSource, type FileSource } from '../services/files/fileSource';

export interface OpenApplicationOptions {
  dataFile: string;
  shell: 'desktop' | 'browser';
  log: AppLogger;
  clock?: Clock;
  nativeBinding?: string;
  /**
   * Set by a shell that already prepared the data folder (and put its download and upload folders
   * in the temp folder): preparing it again here would empty that temp folder under them.
   */
  dataFolderPrepared?: boolean;
  /** Where produced files go: OS dialogs on the desktop, download links in the harness. */
  files: FileSink;
  /** Where files the user gives come from: the OS open dialog, or uploads to the harness. */
  sources?: FileSource;
  /** IANA zone for printed times; the computer's own by default. */
  timeZone?: string;
  /** Rows per page of a CSV export; tests that follow the progress use small pages. */
  exportPageSize?: number;
  /** The OS credential store (Electron safeStorage) that wraps the clinic key; a key file without it. */
  keyProtector?: KeyProtector;
  /** The FHIR server sender's fetch, time-out and waits (tests shorten them). */
  fhirPush?: FhirPushTuning;
  /**
   * When the start-up `PRAGMA quick_check` runs. `before-serving` (the default): before
   * `openApplication` returns. `in-background`: in a worker thread while the app starts serving
   * the page; until it has passed only `getAppInfo` is answered (every other request, the first
   * `getAuthState` that chooses between sign-in form and recovery screen included, and the
   * start-up backup wait for it), so nothing is written to a damaged file and a damaged file still
   * opens on the recovery screen. A database about to be migrated is always checked first.
   */
  integrityCheck?: 'before-serving' | 'in-background';
}

export interface OpenApplication {
  /** `recovery` when the database failed its start-up check: only restoring a backup works. */
  readonly mode: 'normal' | 'recovery';
  /** The open database and the services on it; replaced by a restore. Not available in recovery mode. */
  readonly db: Db;
  readonly services: AppServices;
  /** Stable for the life of the application: after a restore it reaches the new services. */
  readonly dispatch: Dispatch;
  readonly backups: BackupManager;
  /** Whether this client may call the operation now (signed in, unlocked, right role). */
  mayCall(operation: OperationName, clientKey: string): boolean;
  /** An automatic backup now (not in recovery mode), then one every 24 hours; after the start-up check. */
  startAutomaticBackups(): Promise<'written' | 'skipped' | 'failed'>;
  /** Settles once the start-up check has passed, or has failed and put the app in recovery mode. */
  readonly startupCheck: Promise<void>;
  close(): void;
}

export const appVersion: string = packageJson.version;

type State = { mode: 'normal'; db: Db; services: AppServices; dispatch: Dispatch } | { mode: 'recovery'; problem: string; dispatch: Dispatch };

/**
 * Opens the database and wires services, handlers and dispatch: the same for both shells.
 * A database that fails `PRAGMA quick_check` (or cannot be read at all) opens the app in
 * recovery mode instead; one written by a newer version of the app is refused.
 */
export function openApplication(options: OpenApplicationOptions): { ok: true; app: OpenApplication } | { ok: false; message: string } {
  if (options.dataFolderPrepared !== true) {
    const folder = prepareDataFolder(options.dataFile, options.log);
    if (!folder.ok) return { ok: false, message: folder.message };
  }
  const interrupted = finishInterruptedRestore(options.dataFile);
  if (interrupted !== 'none') options.log.warn('interrupted restore finished', { outcome: interrupted });
  const key = clinicKeyFor(options);
  if (!key.ok) {
    // Never a new empty database over an encrypted one: the recovery screen asks for the code.
    options.log.error('database key unavailable', {});
    return { ok: true, app: new Application(options, null, { ok: false, reason: 'wrong-key', message: key.message }) };
  }
  const background = options.integrityCheck === 'in-background';
  const opened = openDatabase({ ...openOptions(options, key.key), ...(background ? { quickCheck: 'before-migrating' as const } : {}) });
  if (!opened.ok) {
    options.log.error('database open failed', { reason: opened.reason });
    if (opened.reason === 'newer-schema') return { ok: false, message: opened.message };
  }
  // Checked already when a migration was due (or the file was new).
  const checkLater = background && opened.ok && opened.migration.kind !== 'migrated';
  return { ok: true, app: new Application(options, key.key, opened, checkLater) };
}

/**
 * The clinic key: the stored one, or a new one for a new database (or a plain one about to be
 * encrypted). An encrypted database whose key cannot be found gets no new key.
 */
function clinicKeyFor(options: OpenApplicationOptions): { ok: true; key: ClinicKey } | { ok: false; message: string } {
  const found = findClinicKey(options.dataFile, options.keyProtector);
  switch (found.kind) {
    case 'found':
      return { ok: true, key: found.key };
    case 'unusable':
      return { ok: false, message: `${found.message} Nothing has been changed. Enter the recovery code from the clinic's recovery sheet to open the database.` };
    case 'none':
      if (looksLikeEncryptedDatabase(options.dataFile)) {
        return {
          ok: false,
          message:
            "This database is encrypted and its key is missing from this computer. Nothing has been changed. Enter the recovery code from the clinic's recovery sheet to open it.",
        };
      }
      return { ok: true, key: newClinicKey(options.dataFile, options.keyProtector) };
  }
}

function openOptions(options: OpenApplicationOptions, key: ClinicKey): Parameters<typeof openDatabase>[0] {
  return { file: options.dataFile, quickCheck: true, key: key.database, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) };
}

/**
 * What the app answers while the start-up check still runs. Not `getAuthState`: its answer decides
 * between the sign-in form and the recovery screen, so the page waits for the check there (the
 * check runs on another core while the page loads).
 */
const answeredBeforeCheck: ReadonlySet<OperationName> = new Set<OperationName>(['getAppInfo']);

class Application implements OpenApplication, DatabaseHost {
  readonly backups: BackupManager;
  readonly dispatch: Dispatch = async (operation, payload, context) => {
    if (this.checking && !answeredBeforeCheck.has(operation as OperationName)) await this.startupCheck;
    return this.state.dispatch(operation, payload, context);
  };
  readonly startupCheck: Promise<void>;
  private checking = false;
  private stopCheck: () => void = () => undefined;
  private state: State;
  private readonly clock: Clock;
  private readonly info: AppInfo;

  constructor(
    private readonly options: OpenApplicationOptions,
    private key: ClinicKey | null,
    first: OpenDatabaseResult,
    checkLater = false,
  ) {
    this.clock = options.clock ?? systemClock;
    this.info = { name: productName, version: appVersion, dataFile: options.dataFile, shell: options.shell, schemaVersion: latestSchemaVersion };
    this.backups = new BackupManager({
      dataFile: options.dataFile,
      folder: new BackupFolder(backupsDirFor(options.dataFile)),
      clock: this.clock,
      log: options.log,
      files: options.files,
      sources: options.sources ?? noFileSource,
      host: this,
      appVersion,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    this.state = first.ok ? this.startRunning(first, checkLater) : this.recovery(first.message);
    this.startupCheck = checkLater && key && this.state.mode === 'normal' ? this.checkInBackground(key) : Promise.resolve();
  }

  /** Services on the opened file; unchecked yet, a file too damaged to start on goes to recovery at once. */
  private startRunning(opened: Extract<OpenDatabaseResult, { ok: true }>, unchecked: boolean): State {
    try {
      return this.running(opened);
    } catch (error) {
      if (!unchecked) throw error;
      opened.db.close();
      this.options.log.error('database open failed', { reason: 'damaged' });
      return this.recovery(`The database file failed its start-up check (${error instanceof Error ? error.message : String(error)}).`);
    }
  }

  /** The start-up check in a worker; where no worker can run, in place. A failure means recovery mode. */
  private async checkInBackground(key: ClinicKey): Promise<void> {
    this.checking = true;
    const started = performance.now();
    const check = quickCheckInBackground(this.options.dataFile, key.database, this.options.nativeBinding);
    this.stopCheck = check.stop;
    const outcome = (await check.outcome) ?? (this.state.mode === 'normal' && this.state.db.open ? checkIntegrity(this.state.db, 'quick') : { ok: true as const });
    this.checking = false;
    this.options.log.info('start-up check finished', { ok: outcome.ok, ms: Math.round(performance.now() - started) });
    if (outcome.ok || this.state.mode !== 'normal') return;
    this.options.log.error('database open failed', { reason: 'damaged' });
    this.closeDatabase();
    this.state = this.recovery(`The database file failed its start-up check (${outcome.problem}).`);
  }

  get mode(): 'normal' | 'recovery' {
    return this.state.mode;
  }

  get db(): Db {
    if (this.state.mode !== 'normal') throw new Error('no database is open: the app is in recovery mode');
    return this.state.db;
  }

  get services(): AppServices {
    if (this.state.mode !== 'normal') throw new Error('no services run: the app is in recovery mode');
    return this.state.services;
  }

  mayCall(operation: OperationName, clientKey: string): boolean {
    return this.state.mode === 'normal' && this.state.services.auth.authorize(clientKey, operations[operation].access).ok;
  }

  async startAutomaticBackups(): Promise<'written' | 'skipped' | 'failed'> {
    // Never a backup of a file that has not passed its check (it would rotate out a good one).
    await this.startupCheck;
    return this.backups.startSchedule();
  }

  close(): void {
    this.stopCheck();
    this.backups.stopSchedule();
    this.closeDatabase();
  }

  // DatabaseHost: used by the backup manager around a restore.

  currentDb(): Db | null {
    return this.state.mode === 'normal' && this.state.db.open ? this.state.db : null;
  }

  closeDatabase(): void {
    if (this.state.mode === 'normal') this.state.services.fhirPush.stop();
    if (this.state.mode === 'normal' && this.state.db.open) this.state.db.close();
  }

  clinicKey(): ClinicKey | null {
    return this.key;
  }

  auditHead(): { keyedFrom: number; id: number; hash: string } | null {
    if (!this.key) return null;
    const read = new AuditAnchor(auditAnchorFileFor(this.options.dataFile), this.key.audit).read();
    return read.kind === 'found' ? read.head : null;
  }

  adoptKey(raw: Buffer, asideSuffix: string): void {
    keepKeyAside(this.options.dataFile, asideSuffix);
    this.key = storeClinicKey(this.options.dataFile, raw, this.options.keyProtector);
  }

  setAuditHead(head: { keyedFrom: number; id: number; hash: string } | null, asideSuffix: string): void {
    const file = auditAnchorFileFor(this.options.dataFile);
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.${asideSuffix}`);
    if (head && this.key) new AuditAnchor(file, this.key.audit).write(head);
  }

  reopen(): { ok: true; db: Db; migrated: boolean } | { ok: false; message: string } {
    this.closeDatabase();
    if (!this.key) {
      const key = clinicKeyFor(this.options);
      if (!key.ok) {
        this.state = this.recovery(key.message);
        return { ok: false, message: key.message };
      }
      this.key = key.key;
    }
    const opened = openDatabase(openOptions(this.options, this.key));
    if (!opened.ok) {
      this.options.log.error('database open failed', { reason: opened.reason });
      this.state = this.recovery(opened.message);
      return { ok: false, message: opened.message };
    }
    this.state = this.running(opened);
    return { ok: true, db: opened.db, migrated: opened.migration.kind === 'migrated' };
  }

  private running(opened: Extract<OpenDatabaseResult, { ok: true }>): State {
    const { db, migration } = opened;
    if (migration.kind === 'migrated') {
      this.options.log.info('database migrated', { from: migration.from, to: migration.to, backup: migration.backupFile !== null });
    }
    // Opened only with a key (openApplication makes or finds one first).
    const key = this.key as ClinicKey;
    const anchor = new AuditAnchor(auditAnchorFileFor(this.options.dataFile), key.audit);
    const findings = [...repairTriggers(db, this.options.nativeBinding), ...anchorAuditChain(db, anchor, key.audit)];
    for (const f of findings) this.options.log.warn('security check at start', { action: f.action });
    recordFindings(db, key.audit, anchor, findings, this.clock.now().toISOString());
    const follow = anchorFollower(db, anchor);
    const { files, sources, timeZone, exportPageSize } = this.options;
    const services = createAppServices({
      db,
      auditKey: key.audit,
      clinicKey: () => this.key,
      auditAnchor: () => {
        follow();
        return { key: key.audit, anchor: anchor.read() };
      },
      clock: this.clock,
      info: this.info,
      files,
      ...(sources ? { sources } : {}),
      backups: this.backups,
      ...(timeZone ? { timeZone } : {}),
      ...(exportPageSize ? { exportPageSize } : {}),
      ...(this.options.fhirPush ? { fhirPush: this.options.fhirPush } : {}),
      log: this.options.log,
    });
    // Sends nothing until an administrator sets up the clinic's FHIR server, and nothing before the
    // start-up check has passed (sending writes the outbox; a damaged file is never written).
    void Promise.resolve()
      .then(() => this.startupCheck)
      .then(() => {
        if (this.state.mode === 'normal' && this.state.services === services && this.state.db.open) services.fhirPush.start();
      });
    const inner = createDispatch(createHandlers(services), services.auth, this.options.log);
    const dispatch: Dispatch = async (operation, payload, context) => {
      const result = await inner(operation, payload, context);
      // The newest audit entry is recorded outside the database once its change is committed.
      follow();
      return result;
    };
    return { mode: 'normal', db, services, dispatch };
  }

  private recovery(problem: string): State {
    this.options.log.warn('recovery mode', {});
    return {
      mode: 'recovery',
      problem,
      dispatch: createRecoveryDispatch({ info: this.info, problem, dataFile: this.options.dataFile, backups: this.backups }),
    };
  }
}
