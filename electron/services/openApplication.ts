import packageJson from '../../package.json' with { type: 'json' };
import { openDatabase } from '../db/connection';
import { latestSchemaVersion } from '../db/migrations';
import type { Db } from '../db/types';
import { createDispatch, type Dispatch } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import type { AppLogger } from '../log/logger';
import { productName } from '../main/paths';
import { createAppServices, type AppServices } from './appServices';
import { systemClock, type Clock } from './clock';
import type { FileSink } from './files/fileSink';

export interface OpenApplicationOptions {
  dataFile: string;
  shell: 'desktop' | 'browser';
  log: AppLogger;
  clock?: Clock;
  nativeBinding?: string;
  /** Where produced files go: OS dialogs on the desktop, download links in the harness. */
  files: FileSink;
}

export interface OpenApplication {
  db: Db;
  services: AppServices;
  dispatch: Dispatch;
  close(): void;
}

export const appVersion: string = packageJson.version;

/** Opens the database and wires services, handlers and dispatch: the same for both shells. */
export function openApplication(
  options: OpenApplicationOptions,
): { ok: true; app: OpenApplication } | { ok: false; message: string } {
  const opened = openDatabase({ file: options.dataFile, ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}) });
  if (!opened.ok) {
    options.log.error('database open failed', { reason: opened.reason });
    return { ok: false, message: opened.message };
  }
  const { db, migration } = opened;
  if (migration.kind === 'migrated') {
    options.log.info('database migrated', { from: migration.from, to: migration.to, backup: migration.backupFile !== null });
  }
  const services = createAppServices(db, options.clock ?? systemClock, options.files, {
    name: productName,
    version: appVersion,
    dataFile: options.dataFile,
    shell: options.shell,
    schemaVersion: latestSchemaVersion,
  });
  const dispatch = createDispatch(createHandlers(services), services.auth, options.log);
  return {
    ok: true,
    app: {
      db,
      services,
      dispatch,
      close: () => {
        if (db.open) db.close();
      },
    },
  };
}
