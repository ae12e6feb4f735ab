import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { patientInputSchema } from '#shared/domain/patient';
import type { OperationName, RequestOf, ResponseOf } from '#shared/ipc/operations';
import { fail, type Result } from '#shared/ipc/result';
import { openDatabase } from '../../db/connection';
import { latestSchemaVersion, migrations } from '../../db/migrations';
import { damageMiddlePages } from '../../testing/damage';
import { openKeyed, openTestApp, signedInContext, tempDir, type TestApp } from '../../testing/testApp';
import { extractDatabase, readBackupKind } from './backupFile';
import type { FileSource } from '../files/fileSource';
import { backupsDirFor } from './backupFolder';
import { finishInterruptedRestore, markerFor } from './replaceDatabaseFile';

const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.dispose();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Files "chosen" by the user: refs handed out by the test. */
class TestFiles implements FileSource {
  private readonly files = new Map<string, string>();
  add(file: string): string {
    const ref = `ref-${this.files.size}-abcdefgh`;
    this.files.set(ref, file);
    return ref;
  }
  choose(): Promise<Result<never>> {
    return Promise.resolve(fail('bad_request', 'not in tests'));
  }
  resolve(ref: string): string | null {
    return this.files.get(ref) ?? null;
  }
}

function start(dir?: string, sources = new TestFiles()): { app: TestApp; sources: TestFiles } {
  const app = openTestApp(undefined, { sources, ...(dir ? { dir } : {}) });
  apps.push(app);
  return { app, sources };
}

function addPatient(app: TestApp, familyName: string, clinicIdentifier: string): void {
  const r = app.services.patients.create(
    patientInputSchema.parse({ familyName, givenNames: 'Test', dateOfBirth: '1950-01-01', sex: 'male', clinicIdentifier, diabetesType: 'type2' }),
    { name: 'admin' },
  );
  if (!r.ok) throw new Error(r.error.message);
}

function familyNames(db: Database.Database): string[] {
  return (db.prepare('SELECT family_name FROM patient ORDER BY id').all() as { family_name: string }[]).map((r) => r.family_name);
}

/** The database inside a backup file, written beside it (the manifest is checked by the app, not here). */
async function databaseOf(backup: string): Promise<string> {
  const kind = readBackupKind(backup);
  if (kind.kind !== 'manifest') throw new Error(`not a backup with a manifest: ${kind.kind}`);
  const out = `${backup}.extracted`;
  await extractDatabase(backup, kind.offset, out);
  return out;
}

function rowsOf(app: TestApp, file: string, sql: string): unknown[] {
  const db = openKeyed(file, app.key, { readonly: true });
  try {
    return db.prepare(sql).all();
  } finally {
    db.close();
  }
}

function call<K extends OperationName>(app: TestApp, operation: K, request: RequestOf<K>, clientKey: string): Promise<Result<ResponseOf<K>>> {
  return app.call(operation, request, { clientKey });
}

describe('back up now', () => {
  it('delivers a consistent, self-contained copy with the same rows, and audits it', async () => {
    const { app } = start();
    const admin = await signedInContext(app);
    for (let i = 0; i < 50; i++) addPatient(app, `Family${i}`, `MRN-${i}`);
    const r = await call(app, 'backUpNow', {}, admin.clientKey);
    expect(r.ok).toBe(true);
    if (!r.ok) throw new Error('no backup');
    const file = await databaseOf(app.files.fileOf(r.value));
    const copy = openKeyed(file, app.key, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(familyNames(copy)).toEqual(familyNames(app.db));
    copy.close();
    const audit = app.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'backup.create'").all() as { actor: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe('admin');
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ kind: 'manual' });
  });

  it('is for administrators only', async () => {
    const { app } = start();
    const admin = await signedInContext(app);
    const created = await app.services.auth.createUser({ username: 'nina', displayName: 'Nina', role: 'nurse', password: 'nurse password 1' }, { name: 'admin' });
    expect(created.ok).toBe(true);
    await app.services.auth.signIn('test:nurse', 'nina', 'nurse password 1');
    for (const op of ['backUpNow', 'listBackups', 'restoreBackup', 'listAuditLog', 'verifyAuditLog', 'chooseBackupFile']) {
      const r = await app.dispatch(op, op === 'restoreBackup' ? { source: { kind: 'file', ref: 'abcdefgh' } } : {}, { clientKey: 'test:nurse' });
      expect(r.ok ? 'allowed' : r.error.code, op).toBe('forbidden');
    }
    expect((await call(app, 'verifyAuditLog', {}, admin.clientKey)).ok).toBe(true);
  });
});

describe('automatic backups', () => {
  it('writes into backups/ beside the database, lists newest first, and audits', async () => {
    const { app } = start();
    await signedInContext(app);
    addPatient(app, 'First', 'A1');
    expect(await app.backups.backUpAutomatically()).toBe('written');
    await new Promise((r) => setTimeout(r, 5));
    addPatient(app, 'Second', 'A2');
    expect(await app.backups.backUpAutomatically()).toBe('written');
    const list = app.backups.list();
    expect(list.folder).toBe(backupsDirFor(app.file));
    // Rotation keeps only the newest backup of a day (and nothing half-written is left).
    expect(list.backups).toHaveLength(1);
    expect(fs.readdirSync(list.folder)).toEqual([list.backups[0]?.name]);
    expect(rowsOf(app, await databaseOf(path.join(list.folder, list.backups[0]?.name ?? '')), 'SELECT family_name FROM patient ORDER BY id')).toEqual([
      { family_name: 'First' },
      { family_name: 'Second' },
    ]);
    expect(app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'backup.create'").get()).toEqual({ n: 2 });
  });
});

describe('restore', () => {
  it('brings back the backup rows, keeps the current database aside, ends sessions, and dispatch keeps working', async () => {
    const { app } = start();
    const admin = await signedInContext(app);
    addPatient(app, 'Kept', 'K1');
    await app.backups.backUpAutomatically();
    const backup = app.backups.list().backups[0]?.name ?? '';
    addPatient(app, 'Later', 'L1');

    const r = await call(app, 'restoreBackup', { source: { kind: 'automatic', name: backup } }, admin.clientKey);
    expect(r).toMatchObject({ ok: true, value: { migrated: false, schemaVersion: latestSchemaVersion } });
    if (!r.ok) return;
    expect(familyNames(app.db)).toEqual(['Kept']);
    const aside = path.join(app.dir, r.value.keptAsideAs);
    expect(rowsOf(app, aside, 'SELECT family_name FROM patient ORDER BY id')).toEqual([{ family_name: 'Kept' }, { family_name: 'Later' }]);
    // Everybody signs in again; the same dispatch reaches the new services.
    const after = await call(app, 'searchPatients', { query: '' }, admin.clientKey);
    expect(after.ok ? 'ok' : after.error.code).toBe('unauthorized');
    expect((await call(app, 'signIn', { username: 'admin', password: 'correct horse battery' }, admin.clientKey)).ok).toBe(true);
    const found = await call(app, 'searchPatients', { query: 'kept' }, admin.clientKey);
    expect(found.ok && found.value.items).toHaveLength(1);
    const verified = await call(app, 'verifyAuditLog', {}, admin.clientKey);
    expect(verified.ok && verified.value.ok).toBe(true);
    const restoreAudit = app.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'backup.restore'").get() as { actor: string; details: string };
    expect(restoreAudit.actor).toBe('admin');
    expect(JSON.parse(restoreAudit.details)).toMatchObject({ source: 'automatic', backup, keptAsideAs: r.value.keptAsideAs });
  });

  it('restores an older version backup and brings it up to date', async () => {
    const { app, sources } = start();
    const admin = await signedInContext(app);
    const dir = tempDir();
    dirs.push(dir);
    const old = path.join(dir, 'old.db');
    const opened = openDatabase({ file: old, migrations: migrations.slice(0, 1) });
    if (!opened.ok) throw new Error(opened.message);
    opened.db.exec(`INSERT INTO patient (clinic_identifier, clinic_identifier_folded, family_name, given_names, sort_name, date_of_birth, sex, diabetes_type, created_at, updated_at)
                    VALUES ('O1', 'o1', 'Oldfile', 'Test', 'oldfile test', '1950-01-01', 'male', 'type2', 'now', 'now')`);
    opened.db.close();
    const r = await call(app, 'restoreBackup', { source: { kind: 'file', ref: sources.add(old) } }, admin.clientKey);
    expect(r).toMatchObject({ ok: true, value: { migrated: true, schemaVersion: 1 } });
    expect(familyNames(app.db)).toEqual(['Oldfile']);
    expect(app.db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion);
  });

  describe('refuses, with a clear message and nothing changed,', () => {
    async function refused(make: (file: string, good: string, app: TestApp) => void | Promise<void>): Promise<string> {
      const { app, sources } = start();
      const admin = await signedInContext(app);
      for (let i = 0; i < 40; i++) addPatient(app, `Family${i}`, `MRN-${i}`);
      await app.backups.backUpAutomatically();
      const good = path.join(app.backups.list().folder, app.backups.list().backups[0]?.name ?? '');
      const candidate = path.join(app.dir, 'candidate.db');
      await make(candidate, good, app);
      const before = familyNames(app.db);
      const files = fs.readdirSync(app.dir).sort();
      const r = await call(app, 'restoreBackup', { source: { kind: 'file', ref: sources.add(candidate) } }, admin.clientKey);
      expect(r.ok).toBe(false);
      if (r.ok) return '';
      expect(r.error.code).toBe('validation_failed');
      expect(familyNames(app.db)).toEqual(before);
      expect(fs.readdirSync(app.dir).sort()).toEqual(files);
      // The caller is still signed in: nothing was reopened.
      expect((await call(app, 'listBackups', {}, admin.clientKey)).ok).toBe(true);
      return r.error.message;
    }

    it('a file from a newer version of the app', async () => {
      const message = await refused(async (file, good, app) => {
        fs.renameSync(await databaseOf(good), file);
        const db = openKeyed(file, app.key);
        db.pragma(`user_version = ${latestSchemaVersion + 1}`);
        db.close();
      });
      expect(message).toMatch(/newer version of the app/);
    });

    it('a truncated file', async () => {
      const message = await refused((file, good) => {
        const bytes = fs.readFileSync(good);
        fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      });
      expect(message).toMatch(/changed or cut short/);
    });

    it('a damaged file', async () => {
      const message = await refused((file, good) => {
        fs.copyFileSync(good, file);
        damageMiddlePages(file);
      });
      expect(message).toMatch(/changed or cut short/);
    });

    it('a file that is not a database', async () => {
      const message = await refused((file) => fs.writeFileSync(file, 'name,date of birth\n'.repeat(500)));
      expect(message).toMatch(/not a database/);
    });

    it('a database that is not ours', async () => {
      const message = await refused((file) => {
        const db = new Database(file);
        db.exec('CREATE TABLE recipes (name TEXT)');
        db.pragma('user_version = 2');
        db.close();
      });
      expect(message).toMatch(/not one made by Foot Screening/);
    });
  });

  it('refuses names outside the backups folder before touching the disk', async () => {
    const { app } = start();
    const admin = await signedInContext(app);
    for (const name of ['../test.db', '/etc/passwd', 'foot-screening-2026-11-25T10-00-00-000Z.db']) {
      const r = await call(app, 'restoreBackup', { source: { kind: 'automatic', name } }, admin.clientKey);
      expect(r.ok ? 'ok' : r.error.code, name).toMatch(/bad_request|not_found/);
    }
  });
});

describe('start-up check and recovery mode', () => {
  it('opens a damaged database in recovery mode, restores the latest automatic backup and keeps the damaged file aside', async () => {
    const first = start();
    await signedInContext(first.app);
    for (let i = 0; i < 300; i++) addPatient(first.app, `Family${i}`, `MRN-${i}`);
    await first.app.backups.backUpAutomatically();
    const dir = path.dirname(first.app.file);
    first.app.close();
    damageMiddlePages(first.app.file);
    const damaged = fs.readFileSync(first.app.file);

    const { app } = start(dir);
    expect(app.mode).toBe('recovery');
    const client = 'browser:someone';
    const state = await call(app, 'getAuthState', {}, client);
    expect(state).toMatchObject({ ok: true, value: { kind: 'recovery' } });
    const signIn = await call(app, 'signIn', { username: 'admin', password: 'correct horse battery' }, client);
    expect(signIn.ok ? 'ok' : signIn.error.code).toBe('unauthorized');
    expect(await app.dispatch('nope', {}, { clientKey: client })).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    const fromFile = await call(app, 'restoreBackup', { source: { kind: 'file', ref: 'abcdefghij' } }, client);
    expect(fromFile.ok ? 'ok' : fromFile.error.code).toBe('forbidden');
    // Nothing was written to the damaged file by starting.
    expect(fs.readFileSync(app.file).equals(damaged)).toBe(true);

    const list = await call(app, 'listBackups', {}, client);
    if (!list.ok) throw new Error(list.error.message);
    const latest = list.value.backups[0]?.name ?? '';
    const restored = await call(app, 'restoreBackup', { source: { kind: 'automatic', name: latest } }, client);
    if (!restored.ok) throw new Error(restored.error.message);
    expect(app.mode).toBe('normal');
    expect(familyNames(app.db)).toHaveLength(300);
    expect(fs.readFileSync(path.join(dir, restored.value.keptAsideAs)).equals(damaged)).toBe(true);
    expect((await call(app, 'getAuthState', {}, client)).ok).toBe(true);
    expect((await call(app, 'signIn', { username: 'admin', password: 'correct horse battery' }, client)).ok).toBe(true);
    const actor = app.db.prepare("SELECT actor FROM audit_log WHERE action = 'backup.restore'").get();
    expect(actor).toEqual({ actor: 'start-up recovery' });
  });

  it('with the check in the background, holds requests until it fails, then answers as the recovery screen; nothing written, no backup', async () => {
    const first = start();
    await signedInContext(first.app);
    for (let i = 0; i < 300; i++) addPatient(first.app, `Family${i}`, `MRN-${i}`);
    const dir = path.dirname(first.app.file);
    first.app.close();
    damageMiddlePages(first.app.file);
    const damaged = fs.readFileSync(first.app.file);

    const app = openTestApp(undefined, { dir, integrityCheck: 'in-background' });
    apps.push(app);
    const client = 'browser:someone';
    const state = call(app, 'getAuthState', {}, client);
    const signIn = call(app, 'signIn', { username: 'admin', password: 'correct horse battery' }, client);
    const backup = app.startAutomaticBackups();
    await app.startupCheck;
    expect(app.mode).toBe('recovery');
    expect(await state).toMatchObject({ ok: true, value: { kind: 'recovery' } });
    const answer = await signIn;
    expect(answer.ok ? 'ok' : answer.error.code).toBe('unauthorized');
    expect(await backup).not.toBe('written');
    expect(app.backups.list().backups).toEqual([]);
    expect(fs.readFileSync(app.file).equals(damaged)).toBe(true);
  });

  it('with the check in the background, a sound database answers normally once it has passed', async () => {
    const first = start();
    await signedInContext(first.app);
    addPatient(first.app, 'Family', 'MRN-1');
    const dir = path.dirname(first.app.file);
    first.app.close();
    const app = openTestApp(undefined, { dir, integrityCheck: 'in-background' });
    apps.push(app);
    const signIn = call(app, 'signIn', { username: 'admin', password: 'correct horse battery' }, 'browser:nurse');
    await app.startupCheck;
    expect(app.mode).toBe('normal');
    expect((await signIn).ok).toBe(true);
    expect(await app.startAutomaticBackups()).toBe('written');
  });

  it('does not back up a database in recovery mode', async () => {
    const first = start();
    for (let i = 0; i < 300; i++) addPatient(first.app, `Family${i}`, `MRN-${i}`);
    const dir = path.dirname(first.app.file);
    first.app.close();
    damageMiddlePages(first.app.file);
    const { app } = start(dir);
    expect(app.mode).toBe('recovery');
    await app.startAutomaticBackups();
    expect(app.backups.list().backups).toEqual([]);
  });
});

describe('a start-up backup interrupted by a crash', () => {
  it('leaves the earlier backups as they were, and the next one clears what it left', async () => {
    const first = start();
    for (let i = 0; i < 50; i++) addPatient(first.app, `Family${i}`, `MRN-${i}`);
    expect(await first.app.startAutomaticBackups()).toBe('written');
    const dir = path.dirname(first.app.file);
    const backups = backupsDirFor(first.app.file);
    const [earlier] = first.app.backups.list().backups;
    const earlierBytes = fs.readFileSync(path.join(backups, earlier?.name ?? ''));
    first.app.close();
    // What the process leaves when it dies halfway through copying: the copy under its temporary name.
    const half = 'foot-screening-2026-11-27T09-00-00-000Z.db.partial';
    fs.writeFileSync(path.join(backups, half), earlierBytes.subarray(0, 4096));
    fs.writeFileSync(path.join(backups, `${half}-journal`), 'x');
    const { app } = start(dir);
    expect(app.backups.list().backups.map((b) => b.name)).toEqual([earlier?.name]);
    expect(fs.readFileSync(path.join(backups, earlier?.name ?? '')).equals(earlierBytes)).toBe(true);
    // The next backup (rotation then keeps one of the day's two) clears the half-written copy.
    expect(await app.startAutomaticBackups()).toBe('written');
    expect(fs.readdirSync(backups).filter((n) => n.includes('.partial'))).toEqual([]);
    expect(rowsOf(app, await databaseOf(path.join(backups, app.backups.list().backups[0]?.name ?? '')), 'SELECT count(*) AS n FROM patient')).toEqual([{ n: 50 }]);
  });
});

describe('a restore interrupted by a crash', () => {
  it('puts the previous database back when the database file is missing at start-up', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'clinic.db');
    const aside = `${file}.before-restore-x`;
    fs.writeFileSync(aside, 'previous database');
    fs.writeFileSync(markerFor(file), JSON.stringify({ keptAside: aside }));
    expect(finishInterruptedRestore(file)).toBe('rolled-back');
    expect(fs.readFileSync(file, 'utf8')).toBe('previous database');
    expect(fs.existsSync(markerFor(file))).toBe(false);
  });

  it('keeps the restored database when the swap had completed', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'clinic.db');
    fs.writeFileSync(file, 'restored database');
    fs.writeFileSync(`${file}.before-restore-x`, 'previous database');
    fs.writeFileSync(markerFor(file), JSON.stringify({ keptAside: `${file}.before-restore-x` }));
    expect(finishInterruptedRestore(file)).toBe('completed');
    expect(fs.readFileSync(file, 'utf8')).toBe('restored database');
  });
});

