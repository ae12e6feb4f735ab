import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger, type AppLogger } from '../log/logger';
import type { Clock } from '../services/clock';
import type { FileSource } from '../services/files/fileSource';
import { openApplication, type OpenApplication } from '../services/openApplication';
import { DownloadStore } from '../web/downloads';

/** A real application on a fresh SQLite file in its own temp folder (tests only). */
export interface TestApp extends OpenApplication {
  dir: string;
  file: string;
  downloads: DownloadStore;
  dispose(): void;
}

export function tempDir(prefix = 'foot-screening-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestAppOptions {
  /** A real file logger for tests that read the log; silent by default. */
  log?: AppLogger;
  sources?: FileSource;
  /** Open this folder's `test.db` (an existing one) instead of a fresh folder. */
  dir?: string;
}

export function openTestApp(clock?: Clock, options: TestAppOptions = {}): TestApp {
  const dir = options.dir ?? tempDir();
  const file = path.join(dir, 'test.db');
  const downloads = new DownloadStore();
  const opened = openApplication({
    dataFile: file,
    shell: 'browser',
    log: options.log ?? silentLogger,
    files: downloads,
    ...(options.sources ? { sources: options.sources } : {}),
    ...(clock ? { clock } : {}),
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
    backups: app.backups,
    mayCall: (operation, clientKey) => app.mayCall(operation, clientKey),
    startAutomaticBackups: () => app.startAutomaticBackups(),
    close: () => app.close(),
    dir,
    file,
    downloads,
    dispose() {
      app.close();
      downloads.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

/** Creates the first administrator on this client and returns the signed-in call context. */
export function signedInContext(app: OpenApplication, clientKey = 'test:admin'): { clientKey: string } {
  const r = app.services.auth.createFirstAdministrator(clientKey, { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' });
  if (!r.ok) {
    const again = app.services.auth.signIn(clientKey, 'admin', 'correct horse battery');
    if (!again.ok) throw new Error(again.error.message);
  }
  return { clientKey };
}
