import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Delivery, DeliveryMode, FileKind } from '#shared/domain/files';
import type { OperationName, RequestOf, ResponseOf } from '#shared/ipc/operations';
import type { Result } from '#shared/ipc/result';
import { openApplication, type OpenApplication, type OpenApplicationOptions } from '../app/openApplication';
import type { CallContext } from '../ipc/handlerContext';
import { silentLogger, type AppLogger } from '../log/logger';
import type { Clock } from '../services/clock';
import type { FileSink } from '../services/files/fileSink';
import type { FileSource } from '../services/files/fileSource';
import { DownloadStore } from '../web/downloads';
import Database from 'better-sqlite3-multiple-ciphers';
import { applyKey } from '../db/cipher';
import type { Db } from '../db/types';
import { findClinicKey, type ClinicKey } from '../security/clinicKey';

/**
 * The app's FileSink in tests. By default every file becomes a download the test can read back,
 * as in the harness; a test can instead have the nurse save into a folder (the desktop's save
 * dialog) or cancel the dialog.
 */
export class TestFileSink implements FileSink {
  private answer: { kind: 'download' } | { kind: 'cancel' } | { kind: 'save'; dir: string } = { kind: 'download' };

  constructor(readonly downloads: DownloadStore) {}

  /** Every save or open from now on is cancelled, as closing the OS dialog would. */
  cancelDialogs(): void {
    this.answer = { kind: 'cancel' };
  }

  /** Every file from now on becomes a download again (the default). */
  offerDownloads(): void {
    this.answer = { kind: 'download' };
  }

  /** Every file from now on is saved into this folder under its suggested name. */
  saveInto(dir: string): void {
    this.answer = { kind: 'save', dir };
  }

  async deliver(suggestedName: string, kind: FileKind, mode: DeliveryMode, write: (targetPath: string) => Promise<void>): Promise<Delivery> {
    const answer = this.answer;
    switch (answer.kind) {
      case 'cancel':
        return { kind: 'cancelled' };
      case 'save': {
        const file = path.join(answer.dir, suggestedName);
        await write(file);
        return { kind: 'saved', fileName: suggestedName, bytes: fs.statSync(file).size };
      }
      case 'download':
        return this.downloads.deliver(suggestedName, kind, mode, write);
    }
  }

  /** Where a downloaded file was written. */
  fileOf(delivery: Delivery | undefined): string {
    if (delivery?.kind !== 'download') throw new Error(`expected a download, got ${delivery?.kind ?? 'nothing'}`);
    const id = /download\/([^/]+)\//.exec(delivery.url)?.[1] ?? '';
    const stored = this.downloads.lookup(id);
    if (!stored) throw new Error('the download is not stored');
    return stored.file;
  }
}

/** A real application on a fresh SQLite file in its own temp folder (tests and the bench). */
export interface TestApp extends OpenApplication {
  dir: string;
  file: string;
  downloads: DownloadStore;
  files: TestFileSink;
  /** Calls an operation through dispatch, as the IPC and the harness do, typed by its name. */
  call<K extends OperationName>(operation: K, request: RequestOf<K>, context: CallContext): Promise<Result<ResponseOf<K>>>;
  /** The clinic key the app found or made beside its database. */
  readonly key: ClinicKey;
  /** Opens a database file (the app's, a copy, a backup's database) with the clinic key, as someone holding the key would. */
  openWithKey(file: string, options?: { readonly?: boolean }): Db;
  dispose(): void;
}

/** The clinic key stored beside `dataFile` (the test app's key file). */
export function clinicKeyOf(dataFile: string): ClinicKey {
  const found = findClinicKey(dataFile);
  if (found.kind !== 'found') throw new Error(`no clinic key beside ${dataFile}`);
  return found.key;
}

export function openKeyed(file: string, key: ClinicKey, options: { readonly?: boolean } = {}): Db {
  const db = new Database(file, { fileMustExist: true, readonly: options.readonly ?? false });
  applyKey(db, key.database);
  return db;
}

export function tempDir(prefix = 'foot-screening-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestAppOptions extends Pick<OpenApplicationOptions, 'timeZone' | 'exportPageSize' | 'fhirPush' | 'integrityCheck'> {
  /** A real file logger for tests that read the log; silent by default. */
  log?: AppLogger;
  sources?: FileSource;
  /** Open this folder's database file (an existing one) instead of a fresh folder. */
  dir?: string;
  /** The database file's name in the folder; `test.db` by default. */
  fileName?: string;
}

/** Opens the application exactly as the shells do (`openApplication`), on a temp database. */
export function openTestApp(clock?: Clock, options: TestAppOptions = {}): TestApp {
  const dir = options.dir ?? tempDir();
  const file = path.join(dir, options.fileName ?? 'test.db');
  const downloads = new DownloadStore();
  const files = new TestFileSink(downloads);
  const opened = openApplication({
    dataFile: file,
    shell: 'browser',
    log: options.log ?? silentLogger,
    files,
    ...(options.sources ? { sources: options.sources } : {}),
    ...(clock ? { clock } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.exportPageSize ? { exportPageSize: options.exportPageSize } : {}),
    ...(options.fhirPush ? { fhirPush: options.fhirPush } : {}),
    ...(options.integrityCheck ? { integrityCheck: options.integrityCheck } : {}),
  });
  if (!opened.ok) throw new Error(opened.message);
  const app = opened.app;
  // Getters, not a spread: a restore replaces the database and services behind them.
  return {
    get mode() {
      return app.mode;
    },
    get db() {
      return app.db;
    },
    get services() {
      return app.services;
    },
    dispatch: app.dispatch,
    call: async <K extends OperationName>(operation: K, request: RequestOf<K>, context: CallContext) =>
      // Dispatch answers each operation with its own response type (the contract's table).
      (await app.dispatch(operation, request, context)) as Result<ResponseOf<K>>,
    backups: app.backups,
    mayCall: (operation, clientKey) => app.mayCall(operation, clientKey),
    startAutomaticBackups: () => app.startAutomaticBackups(),
    startupCheck: app.startupCheck,
    close: () => app.close(),
    dir,
    file,
    downloads,
    files,
    get key() {
      return clinicKeyOf(file);
    },
    openWithKey: (target, o) => openKeyed(target, clinicKeyOf(file), o),
    dispose() {
      app.close();
      downloads.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

/** The administrator every test app's first sign-up creates. */
export const adminAccount = { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' } as const;

/** Creates the first administrator on this client (or signs them in) and returns the call context. */
export async function signedInContext(app: OpenApplication, clientKey = 'test:admin'): Promise<CallContext> {
  const r = await app.services.auth.createFirstAdministrator(clientKey, adminAccount);
  if (!r.ok) {
    const again = await app.services.auth.signIn(clientKey, adminAccount.username, adminAccount.password);
    if (!again.ok) throw new Error(again.error.message);
  }
  return { clientKey };
}
