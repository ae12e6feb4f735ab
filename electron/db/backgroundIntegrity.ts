import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CheckOutcome } from './integrity';

/**
 * `PRAGMA quick_check` on a second, read-only connection in a worker thread, so that a large
 * database is checked while the app already answers (the check reads every page: seconds for
 * 100,000 patients on an old PC). The worker only reads; WAL lets it run beside the app's
 * connection. `null` when no worker could run the check (the caller then checks in place).
 */
export interface BackgroundCheck {
  readonly outcome: Promise<CheckOutcome | null>;
  /** Stops the check (the app is closing); the outcome becomes null. */
  stop(): void;
}

// Plain CommonJS for `new Worker(…, { eval: true })`: the worker needs no file of its own, so it
// works the same from the sources, the harness bundle and the desktop bundle.
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, ...(workerData.nativeBinding ? { nativeBinding: workerData.nativeBinding } : {}) });
  if (workerData.keyHex) {
    db.pragma("cipher='sqlcipher'");
    db.pragma('key="x\\'' + workerData.keyHex + '\\'"');
  }
  const rows = db.pragma('quick_check(20)', { simple: false });
  parentPort.postMessage({ problems: rows.map((r) => String(Object.values(r)[0])) });
} catch (error) {
  parentPort.postMessage({ thrown: error instanceof Error ? error.message : String(error) });
} finally {
  if (db) db.close();
}
`;

/** The better-sqlite3 entry point as an absolute path, for the worker to load. */
function sqliteModulePath(): string {
  // The bundles have `require`; the sources run as ES modules from the repository.
  const resolver = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
  return resolver.resolve('better-sqlite3-multiple-ciphers');
}

export function quickCheckInBackground(file: string, key: Buffer | undefined, nativeBinding?: string): BackgroundCheck {
  let worker: Worker;
  try {
    worker = new Worker(workerSource, {
      eval: true,
      workerData: { file: path.resolve(file), keyHex: key?.toString('hex'), modulePath: sqliteModulePath(), nativeBinding },
    });
  } catch {
    return { outcome: Promise.resolve(null), stop: () => undefined };
  }
  // The check never keeps the process alive on its own.
  worker.unref();
  const outcome = new Promise<CheckOutcome | null>((resolve) => {
    worker.once('message', (message: { problems?: string[]; thrown?: string }) => {
      const problems = message.problems ?? [];
      if (message.thrown !== undefined) resolve({ ok: false, problem: message.thrown });
      else if (problems.length === 1 && problems[0] === 'ok') resolve({ ok: true });
      else resolve({ ok: false, problem: problems.slice(0, 3).join('; ') || 'no answer from the check' });
    });
    worker.once('error', () => resolve(null));
    worker.once('exit', () => resolve(null));
  });
  return { outcome, stop: () => void worker.terminate() };
}
