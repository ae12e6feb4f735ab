import { test as base, expect, type Page } from '@playwright/test';
import Database from 'better-sqlite3-multiple-ciphers';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OperationName, RequestOf, ResponseOf } from '#shared/ipc/operations';
import type { Result } from '#shared/ipc/result';

export interface RunningHarness {
  url: string;
  launchUrl: string;
  token: string;
  dbFile: string;
  /** Calls an operation over HTTP the way the browser api does (for seeding data); a refusal throws. */
  call<K extends OperationName>(operation: K, request: RequestOf<K>): Promise<ResponseOf<K>>;
  /** Reads the SQLite file directly (with the clinic key beside it), to prove what is really stored. */
  query<T = unknown>(sql: string, ...params: unknown[]): T[];
  /** Opens a database file (the clinic's by default, or a copy) with the clinic key, as someone holding the key would. */
  openDb(file?: string, options?: { readonly?: boolean }): Database.Database;
  /** Stops and restarts the server on the same file (a crash-free restart). */
  restart(): Promise<void>;
  /** The test's own folder: the database, `backups/` and `logs/` are in it. */
  dataDir: string;
  /** Stops the server (to change the file underneath, e.g. damage it). */
  stop(): Promise<void>;
  /** Starts it again on the same file, without signing anybody in (it may open in recovery mode). */
  start(): Promise<void>;
}

async function startServer(dbFile: string, dir: string): Promise<{ child: ChildProcess; launchUrl: string }> {
  const child = spawn(process.execPath, ['out/web/server.mjs', '--db', dbFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FOOT_SCREENING_DATA_DIR: dir },
  });
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`harness did not start:\n${output}`)), 15_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running at (\S+)/.exec(output);
      // The start-up backup is taken after the address is printed; tests read the backups folder.
      if (match?.[1] && /Start-up backup: /.test(output)) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}:\n${output}`));
    });
  });
  return { child, launchUrl };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** The app keeps the clinic key as hex in `<database>.key` (0600) where no OS credential store is available. */
function openWithClinicKey(file: string, dbFile: string, readonly: boolean): Database.Database {
  const key = fs.readFileSync(`${dbFile}.key`, 'utf8').trim();
  const db = new Database(file, { readonly, fileMustExist: true });
  db.pragma("cipher='sqlcipher'");
  db.pragma(`key="x'${key}'"`);
  return db;
}

/** The database inside a backup file (one line naming the format, one line of manifest, then the database). */
export function databaseInBackup(backup: string, out: string): string {
  const bytes = fs.readFileSync(backup);
  const second = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1);
  fs.writeFileSync(out, bytes.subarray(second + 1));
  return out;
}

/** Each test gets its own harness on its own temp SQLite file (Actual's isolated-profile habit). */
export const adminAccount = { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' };

export const test = base.extend<{ seedAdmin: boolean; seedClinicContacts: boolean; harness: RunningHarness; app: Page }>({
  /** Create the administrator account before the test (off for the first-run test). */
  seedAdmin: [true, { option: true }],
  /** Fill in the clinic phone and emergency number, which an administrator is otherwise asked for. */
  seedClinicContacts: [true, { option: true }],
  harness: async ({ seedAdmin, seedClinicContacts }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foot-screening-e2e-'));
    const dbFile = path.join(dir, 'clinic.db');
    let server = await startServer(dbFile, dir);
    const harness: RunningHarness = {
      get launchUrl() {
        return server.launchUrl;
      },
      get url() {
        return server.launchUrl.replace(/\?token=.*$/, '');
      },
      get token() {
        return new URL(server.launchUrl).searchParams.get('token') ?? '';
      },
      dbFile,
      async call<K extends OperationName>(operation: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
        const res = await fetch(`${harness.url}api/${operation}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${harness.token}`, 'X-Client-Key': 'e2e-seeding-client' },
          body: JSON.stringify(request),
        });
        // The harness answers each operation with its own Result envelope.
        const body = (await res.json()) as Result<ResponseOf<K>>;
        if (!body.ok) throw new Error(`${operation} failed: ${body.error.code}: ${body.error.message}`);
        return body.value;
      },
      openDb(file = dbFile, options = {}) {
        return openWithClinicKey(file, dbFile, options.readonly ?? false);
      },
      query<T>(sql: string, ...params: unknown[]): T[] {
        const db = openWithClinicKey(dbFile, dbFile, true);
        try {
          return db.prepare(sql).all(...params) as T[];
        } finally {
          db.close();
        }
      },
      dataDir: dir,
      async stop() {
        await stop(server.child);
      },
      async start() {
        server = await startServer(dbFile, dir);
      },
      async restart() {
        await stop(server.child);
        server = await startServer(dbFile, dir);
        // Sessions live in memory: the seeding client signs in again.
        if (seedAdmin) await harness.call('signIn', { username: adminAccount.username, password: adminAccount.password });
      },
    };
    if (seedAdmin) await harness.call('createFirstAdministrator', adminAccount);
    if (seedAdmin && seedClinicContacts) {
      const clinic = await harness.call('getClinicSettings', {});
      await harness.call('updateClinicSettings', { ...clinic, clinicPhone: '01632 960000', emergencyNumber: '999' });
    }
    await use(harness);
    await stop(server.child);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  /** The app in a browser tab, signed in as the administrator, on the patient list. */
  app: async ({ page, harness }, use) => {
    await page.goto(harness.launchUrl);
    await signIn(page, adminAccount.username, adminAccount.password);
    await use(page);
  },
});

export { expect };

export type SeedPatient = Omit<RequestOf<'createPatient'>['patient'], 'sex' | 'diabetesType'> & Partial<Pick<RequestOf<'createPatient'>['patient'], 'sex' | 'diabetesType'>>;

export async function seedPatient(harness: RunningHarness, p: SeedPatient): Promise<ResponseOf<'createPatient'>> {
  return harness.call('createPatient', { patient: { sex: 'female', diabetesType: 'type2', ...p } });
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
}
