import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { OperationName, RequestOf, ResponseOf } from '#shared/ipc/operations';
import type { Result } from '#shared/ipc/result';
import { PatientRepository } from '../../db/repositories/patientRepository';
import { seededRandom, syntheticPatient } from '../../services/demo/syntheticPatients';
import { openTestApp } from '../../testing/testApp';

/**
 * A clinic for the renderer benchmarks: a database file with `n` synthetic patients, and the
 * loopback harness (`out/web/server.mjs`, from `npm run build`) serving it, as `npm start` does.
 */

export const benchAdmin = { username: 'admin', displayName: 'Bench Admin', password: 'correct horse battery' };
export const serverScript = path.resolve('out/web/server.mjs');

/** A folder holding `clinic.db` with `n` patients (no staff yet). */
export function clinicWithPatients(n: number): { dir: string; file: string } {
  const app = openTestApp(undefined, { fileName: 'clinic.db' });
  const repo = new PatientRepository(app.db);
  const random = seededRandom(42);
  const now = new Date().toISOString();
  const thisYear = new Date().getUTCFullYear();
  app.db.transaction(() => {
    for (let i = 1; i <= n; i++) repo.insert(syntheticPatient(i, random, thisYear), now);
  })();
  app.db.pragma('optimize');
  const file = app.file;
  app.close();
  return { dir: path.dirname(file), file };
}

export interface RunningServer {
  child: ChildProcess;
  launchUrl: string;
  /** Milliseconds from spawning the process to the address line. */
  toAddressMs: number;
  /** Resolves when the start-up backup has finished (its outcome). */
  backup: Promise<string>;
  call<K extends OperationName>(operation: K, request: RequestOf<K>): Promise<ResponseOf<K>>;
  stop(): Promise<void>;
}

export async function startServer(dir: string, file: string): Promise<RunningServer> {
  const started = performance.now();
  const child = spawn(process.execPath, [serverScript, '--db', file], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FOOT_SCREENING_DATA_DIR: dir } });
  let output = '';
  let backupDone: (outcome: string) => void = () => undefined;
  const backup = new Promise<string>((resolve) => (backupDone = resolve));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the harness did not start:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const address = /running at (\S+)/.exec(output);
      if (address?.[1]) {
        clearTimeout(timer);
        resolve(address[1]);
      }
      const outcome = /Start-up backup: (\w+)/.exec(output);
      if (outcome?.[1]) backupDone(outcome[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      backupDone('exited');
      reject(new Error(`the harness exited with ${String(code)}:\n${output}`));
    });
  });
  const toAddressMs = performance.now() - started;
  const base = launchUrl.replace(/\?token=.*$/, '');
  const token = new URL(launchUrl).searchParams.get('token') ?? '';
  return {
    child,
    launchUrl,
    toAddressMs,
    backup,
    async call<K extends OperationName>(operation: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
      const res = await fetch(`${base}api/${operation}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Client-Key': 'bench-seeding-client' },
        body: JSON.stringify(request),
      });
      const body = (await res.json()) as Result<ResponseOf<K>>;
      if (!body.ok) throw new Error(`${operation} failed: ${body.error.code}: ${body.error.message}`);
      return body.value;
    },
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        // A harness that does not stop when asked is killed, so the bench carries on.
        const kill = setTimeout(() => {
          console.log('bench: the harness did not stop within 10 s of SIGTERM; killed');
          child.kill('SIGKILL');
        }, 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}

export function removeClinic(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
