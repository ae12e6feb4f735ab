import { Worker } from 'node:worker_threads';
import { writeDatabaseCopy } from './backup';
import type { DatabaseBinding } from './integrity';
import type { Db } from './types';

/**
 * The copy step of a backup, off the main thread. `VACUUM INTO` of a 100,000-patient database
 * takes a second or more, and on the main thread it holds up everything else the app does
 * (answering the window, the start-up check). A worker thread opens the database file read-only
 * with the clinic key — the database is in WAL mode, so a second reader sees the last committed
 * state while the app carries on writing — writes `<target>.partial`, switches it to a plain
 * journal, checks it with `quick_check` under the key and only then renames it to `<target>`.
 * A crash or a killed worker leaves at most the `.partial` file, which never carries a backup's
 * name and is removed at the next start (BackupFolder.removeLeftovers).
 *
 * When a worker cannot be started or cannot load the SQLite addon (an unusual packaging), the copy
 * is made in place on the calling thread (writeDatabaseCopy), exactly as before.
 */
export async function copyDatabaseInBackground(
  db: Db,
  target: string,
  binding: DatabaseBinding,
  options: { onWorker?: (worker: Worker) => void } = {},
): Promise<'worker' | 'in-place'> {
  const source = db.name;
  if (db.memory || source === '') {
    writeDatabaseCopy(db, target, binding);
    return 'in-place';
  }
  const outcome = await runCopyWorker({ source, target, keyHex: binding.key?.toString('hex') ?? null, nativeBinding: binding.nativeBinding ?? null }, options.onWorker);
  switch (outcome.kind) {
    case 'done':
      return 'worker';
    case 'failed':
      throw new Error(`the background copy failed: ${outcome.message}`);
    case 'unavailable':
      writeDatabaseCopy(db, target, binding);
      return 'in-place';
  }
}

interface CopyJob {
  source: string;
  target: string;
  keyHex: string | null;
  nativeBinding: string | null;
}

type WorkerOutcome = { kind: 'done' } | { kind: 'failed'; message: string } | { kind: 'unavailable' };

/**
 * The worker's code, plain CommonJS evaluated in the worker (no separate file to bundle or ship).
 * Its messages: `{ stage: 'loaded' }` once the addon loaded, then `{ stage: 'done' }` or an error.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require('better-sqlite3-multiple-ciphers');
parentPort.postMessage({ stage: 'loaded' });
const { source, target, keyHex, nativeBinding } = workerData;
const partial = target + '.partial';
const open = (file, extra) => {
  const db = new Database(file, { ...extra, ...(nativeBinding ? { nativeBinding } : {}) });
  if (keyHex) {
    db.pragma("cipher='sqlcipher'");
    db.pragma('key="x\\'' + keyHex + '\\'"');
  }
  return db;
};
fs.rmSync(partial, { force: true });
try {
  const db = open(source, { readonly: true, fileMustExist: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
  const copy = open(partial, { fileMustExist: true });
  let check;
  try {
    copy.pragma('journal_mode = DELETE');
    check = copy.pragma('quick_check', { simple: true });
  } finally {
    copy.close();
  }
  if (check !== 'ok') throw new Error('the copy failed its check');
  fs.renameSync(partial, target);
  parentPort.postMessage({ stage: 'done' });
} finally {
  fs.rmSync(partial, { force: true });
  fs.rmSync(partial + '-journal', { force: true });
}
`;

function runCopyWorker(job: CopyJob, onWorker: ((worker: Worker) => void) | undefined): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerSource, { eval: true, workerData: job });
    } catch {
      resolve({ kind: 'unavailable' });
      return;
    }
    let loaded = false;
    let settled = false;
    const settle = (outcome: WorkerOutcome): void => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    worker.on('message', (message: unknown) => {
      const stage = typeof message === 'object' && message !== null && 'stage' in message ? message.stage : null;
      if (stage === 'loaded') loaded = true;
      else if (stage === 'done') settle({ kind: 'done' });
    });
    // Before the addon loaded, a failure means "no worker here": copy in place instead.
    worker.on('error', (error: Error) => settle(loaded ? { kind: 'failed', message: error.message } : { kind: 'unavailable' }));
    worker.on('exit', (code) => settle(loaded ? { kind: 'failed', message: `the worker stopped (exit code ${code})` } : { kind: 'unavailable' }));
    onWorker?.(worker);
  });
}
