import fs from 'node:fs';
import path from 'node:path';
import { silentLogger } from '../log/logger';
import { startHarness, type Harness, type HarnessOptions } from '../web/server';
import type { UploadStore } from '../web/uploads';
import type { TestApp } from './testApp';

export interface TestHarnessOptions extends Partial<Pick<HarnessOptions, 'log'>> {
  /** The stand-in renderer page (index.html). */
  page?: string;
  /** The stand-in browser `window.api` script. */
  browserApi?: string;
  /** Accept uploads (backups to restore) from callers allowed to restore, up to `maxBytes`. */
  uploads?: { store: UploadStore; maxBytes?: number };
}

/**
 * The loopback harness in front of a test app, exactly as `npm start` runs it, with a stand-in
 * renderer page in the app's folder. Files the services produce are offered as its downloads.
 */
export function startTestHarness(app: TestApp, options: TestHarnessOptions = {}): Promise<Harness> {
  const rendererDir = path.join(app.dir, 'renderer');
  fs.mkdirSync(rendererDir, { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), options.page ?? '<html><head></head><body></body></html>');
  const browserApiFile = path.join(app.dir, 'browser-api.js');
  fs.writeFileSync(browserApiFile, options.browserApi ?? '');
  const uploads = options.uploads;
  return startHarness({
    dispatch: app.dispatch,
    rendererDir,
    browserApiFile,
    log: options.log ?? silentLogger,
    downloads: app.downloads,
    ...(uploads ? { uploads: { ...uploads, mayUpload: (clientKey: string) => app.mayCall('restoreBackup', clientKey) } } : {}),
  });
}
