import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../log/logger';
import type { Clock } from '../services/clock';
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

export function openTestApp(clock?: Clock): TestApp {
  const dir = tempDir();
  const file = path.join(dir, 'test.db');
  const downloads = new DownloadStore();
  const opened = openApplication({ dataFile: file, shell: 'browser', log: silentLogger, files: downloads, ...(clock ? { clock } : {}) });
  if (!opened.ok) throw new Error(opened.message);
  return {
    ...opened.app,
    dir,
    file,
    downloads,
    dispose() {
      opened.app.close();
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
