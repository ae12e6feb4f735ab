import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { plainCopyFor } from '../db/encryptInPlace';
import type { LogFields } from '../log/logger';
import { addPatient } from '../testing/clinic';
import { openKeyed, openTestApp, signedInContext, tempDir, type TestApp } from '../testing/testApp';
import { auditAnchorFileFor } from '../services/audit/auditAnchor';
import { keyFileFor, recoveryCodeOf } from './clinicKey';
import { remoteFileSystemOf } from './networkShare';

const apps: TestApp[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.dispose();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  delete process.env.FOOT_SCREENING_KEY;
});

function start(dir?: string, log?: CapturingLog): TestApp {
  const app = openTestApp(undefined, { ...(dir ? { dir } : {}), ...(log ? { log } : {}) });
  apps.push(app);
  return app;
}

class CapturingLog {
  readonly lines: string[] = [];
  info = (e: string, f?: LogFields): void => void this.lines.push(`INFO ${e} ${JSON.stringify(f ?? {})}`);
  warn = (e: string, f?: LogFields): void => void this.lines.push(`WARN ${e} ${JSON.stringify(f ?? {})}`);
  error = (e: string, f?: LogFields): void => void this.lines.push(`ERROR ${e} ${JSON.stringify(f ?? {})}`);
}

/** Every file under `dir` with its mode, as `ls -l` would show them. */
function modes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (p: string): void => {
    out.set(path.relative(dir, p) || '.', fs.statSync(p).mode & 0o777);
    if (fs.statSync(p).isDirectory()) for (const n of fs.readdirSync(p)) walk(path.join(p, n));
  };
  walk(dir);
  return out;
}

/** What `strings` would find: does the file hold this text, in UTF-8 or UTF-16? */
function readable(file: string, text: string): boolean {
  const bytes = fs.readFileSync(file);
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

const identifiers = { familyName: 'Quintrell', givenNames: 'Ottoline', clinicIdentifier: 'MRN-778899', nationalNumber: null };

describe('encryption at rest', () => {
  it('leaves no patient identifier readable in the database, its WAL or a backup', async () => {
    const app = start();
    await signedInContext(app);
    addPatient(app, { ...identifiers, dateOfBirth: '1944-02-29' });
    // WAL: the row is in the -wal until a checkpoint.
    expect(fs.existsSync(`${app.file}-wal`)).toBe(true);
    await app.backups.backUpAutomatically();
    const backup = path.join(app.backups.list().folder, app.backups.list().backups[0]?.name ?? '');
    for (const file of [app.file, `${app.file}-wal`, backup]) {
      for (const text of ['Quintrell', 'Ottoline', 'MRN-778899', '1944-02-29', 'SQLite format 3']) {
        expect(readable(file, text), `${text} in ${path.basename(file)}`).toBe(false);
      }
    }
    // The key opens it: the row is really there.
    const db = app.openWithKey(app.file, { readonly: true });
    expect(db.prepare('SELECT family_name FROM patient').get()).toEqual({ family_name: 'Quintrell' });
    db.close();
  });

  it('encrypts an existing plain database in place at the first start, with nothing lost, and removes the plain copy', () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'test.db');
    const plain = openDatabase({ file });
    if (!plain.ok) throw new Error(plain.message);
    const insert = plain.db.prepare(`INSERT INTO patient (clinic_identifier, clinic_identifier_folded, family_name, given_names, sort_name, date_of_birth, sex, diabetes_type, created_at, updated_at)
      VALUES (?, lower(?), ?, 'Old', lower(?), '1950-01-01', 'male', 'type2', 'then', 'then')`);
    for (let i = 0; i < 200; i++) insert.run(`OLD-${i}`, `OLD-${i}`, `Plainname${i}`, `plainname${i}`);
    plain.db.close();
    expect(readable(file, 'Plainname7')).toBe(true);

    const app = start(dir);
    expect(app.mode).toBe('normal');
    expect(app.db.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 200 });
    expect(app.db.prepare("SELECT family_name FROM patient WHERE clinic_identifier = 'OLD-199'").get()).toEqual({ family_name: 'Plainname199' });
    app.close();
    expect(fs.existsSync(plainCopyFor(file))).toBe(false);
    for (const f of [file, `${file}-wal`].filter((f) => fs.existsSync(f))) expect(readable(f, 'Plainname7')).toBe(false);
  });

  it('opens the recovery screen, never a new empty database, when the key is missing or wrong', async () => {
    const first = start();
    addPatient(first, identifiers);
    first.close();
    const file = first.file;
    const recoveryCode = recoveryCodeOf(first.key);
    fs.renameSync(keyFileFor(file), `${keyFileFor(file)}.elsewhere`);
    const before = fs.readFileSync(file);

    const missing = start(first.dir);
    expect(missing.mode).toBe('recovery');
    const state = await missing.call('getAuthState', {}, { clientKey: 'test:x' });
    expect(state).toMatchObject({ ok: true, value: { kind: 'recovery', problem: expect.stringMatching(/encrypted.*key is missing.*recovery sheet/s) as unknown } });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(keyFileFor(file))).toBe(false);
    missing.close();

    process.env.FOOT_SCREENING_KEY = 'ab'.repeat(32);
    const wrong = start(first.dir);
    expect(wrong.mode).toBe('recovery');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    wrong.close();

    // The code from the recovery sheet opens it.
    process.env.FOOT_SCREENING_KEY = recoveryCode;
    const right = start(first.dir);
    expect(right.mode).toBe('normal');
    expect(right.db.prepare('SELECT family_name FROM patient').get()).toEqual({ family_name: 'Quintrell' });
  });
});

describe('private files', () => {
  it('makes the data folder 0700 and every file the app writes 0600', async () => {
    const app = start();
    await signedInContext(app);
    addPatient(app, identifiers);
    await app.backups.backUpAutomatically();
    await app.call('verifyAuditLog', {}, { clientKey: 'test:admin' });
    const found = modes(app.dir);
    expect([...found.keys()]).toEqual(expect.arrayContaining(['.', 'test.db', 'test.db-wal', 'test.db.key', 'test.db.audit-head', 'backups', 'tmp']));
    for (const [name, mode] of found) {
      const isDir = fs.statSync(path.join(app.dir, name)).isDirectory();
      expect(mode.toString(8), name).toBe(isDir ? '700' : '600');
    }
  });

  it('repairs modes found wrong at start and says so in the log, and empties its temp folder', () => {
    const first = start();
    first.close();
    fs.chmodSync(first.file, 0o644);
    fs.chmodSync(first.dir, 0o755);
    fs.writeFileSync(path.join(first.dir, 'tmp', 'left-by-a-crash.csv'), 'Quintrell,1944-02-29\n');
    const log = new CapturingLog();
    start(first.dir, log);
    expect((fs.statSync(first.file).mode & 0o777).toString(8)).toBe('600');
    expect((fs.statSync(first.dir).mode & 0o777).toString(8)).toBe('700');
    expect(log.lines.find((l) => l.startsWith('WARN file modes repaired'))).toMatch(/test\.db 644->600/);
    expect(fs.readdirSync(path.join(first.dir, 'tmp'))).toEqual([]);
  });

  it('overwrites deleted rows (secure_delete)', () => {
    const app = start();
    expect(app.db.pragma('secure_delete', { simple: true })).toBe(1);
  });
});

describe('audit protection at start', () => {
  it('puts back dropped audit triggers, removes a trigger the app does not make, and records it', async () => {
    const first = start();
    await signedInContext(first);
    first.close();
    const db = openKeyed(first.file, first.key);
    db.exec(`DROP TRIGGER audit_log_no_delete;
      CREATE TRIGGER promote AFTER INSERT ON audit_log BEGIN UPDATE app_user SET role = 'administrator'; END;`);
    db.close();

    const app = start(first.dir);
    const triggers = app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all();
    expect(triggers).toContainEqual({ name: 'audit_log_no_delete' });
    expect(triggers).not.toContainEqual({ name: 'promote' });
    const events = app.db.prepare("SELECT details FROM audit_log WHERE action = 'security.trigger-repaired' ORDER BY id").all() as { details: string }[];
    expect(events.map((e) => JSON.parse(e.details) as unknown)).toEqual([
      { trigger: 'promote', problem: 'not made by the app', done: 'removed' },
      { trigger: 'audit_log_no_delete', problem: 'missing', done: 'put back' },
    ]);
    expect(() => app.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(app.services.auditLog.verify()).toMatchObject({ ok: true });
  });

  it('notices entries removed from the end while the app was closed', async () => {
    const first = start();
    await signedInContext(first);
    addPatient(first, identifiers);
    expect(first.services.auditLog.verify()).toMatchObject({ ok: true });
    const anchored = JSON.parse(fs.readFileSync(auditAnchorFileFor(first.file), 'utf8')) as { id: number };
    first.close();
    const db = openKeyed(first.file, first.key);
    db.exec('DROP TRIGGER audit_log_no_delete');
    db.prepare('DELETE FROM audit_log WHERE id >= ?').run(anchored.id - 1);
    db.close();
    const app = start(first.dir);
    expect(app.services.auditLog.verify()).toMatchObject({ ok: false, reason: expect.stringMatching(/newest entries were removed/) as unknown });
  });
});

describe('network shares', () => {
  it('names NFS and Windows shares and passes local disks', () => {
    expect(remoteFileSystemOf('/mnt/clinic/foot.db', () => ({ type: 0x6969 }), 'linux')).toBe('NFS');
    expect(remoteFileSystemOf('/mnt/clinic/foot.db', () => ({ type: 0xff534d42 }), 'linux')).toMatch(/CIFS/);
    expect(remoteFileSystemOf('/home/nurse/foot.db', () => ({ type: 0xef53 }), 'linux')).toBeNull();
    expect(remoteFileSystemOf('\\\\server\\share\\foot.db', () => ({ type: 0 }), 'win32')).toMatch(/network share/);
  });
});

describe('restore trusts nothing it cannot check', () => {
  function startWithSources(files: Map<string, string>): TestApp {
    const app = openTestApp(undefined, { sources: { choose: () => Promise.reject(new Error('not used')), resolve: (ref) => files.get(ref) ?? null } });
    apps.push(app);
    return app;
  }

  async function newestBackup(app: TestApp): Promise<string> {
    await app.backups.backUpAutomatically();
    return path.join(app.backups.list().folder, app.backups.list().backups[0]?.name ?? '');
  }

  it('refuses a crafted backup whose triggers were changed, naming the difference', async () => {
    const files = new Map<string, string>();
    const app = startWithSources(files);
    addPatient(app, identifiers);
    const crafted = path.join(app.dir, 'crafted.db');
    app.db.prepare('VACUUM INTO ?').run(crafted);
    const db = app.openWithKey(crafted);
    db.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
      CREATE TRIGGER promote AFTER INSERT ON audit_log BEGIN UPDATE app_user SET role = 'administrator'; END;`);
    db.close();
    files.set('chosen-file-1', crafted);
    const r = await app.backups.restore({ kind: 'file', ref: 'chosen-file-1' }, { name: 'admin' }, 'test:admin');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/trigger audit_log_no_update is missing.*trigger promote is not part of Foot Screening/s);
    expect(app.db.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 1 });
  });

  it('refuses a backup with one byte changed, or whose manifest was rewritten without the key', async () => {
    const files = new Map<string, string>();
    const app = startWithSources(files);
    addPatient(app, identifiers);
    const good = await newestBackup(app);
    const bytes = fs.readFileSync(good);
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 5000] = (flipped[bytes.length - 5000] ?? 0) ^ 0x01;
    files.set('chosen-file-1', path.join(app.dir, 'flipped.db'));
    fs.writeFileSync(files.get('chosen-file-1') ?? '', flipped);
    let r = await app.backups.restore({ kind: 'file', ref: 'chosen-file-1' }, { name: 'admin' }, 'test:admin');
    expect(r.ok ? '' : r.error.message).toMatch(/changed or cut short/);

    // Someone recomputes the SHA-256 of their altered copy: the manifest's seal needs the key.
    const first = bytes.indexOf(0x0a);
    const second = bytes.indexOf(0x0a, first + 1);
    const manifest = JSON.parse(bytes.subarray(first + 1, second).toString('utf8')) as Record<string, unknown>;
    const body = flipped.subarray(second + 1);
    manifest.sha256 = (await import('node:crypto')).createHash('sha256').update(body).digest('hex');
    fs.writeFileSync(files.get('chosen-file-1') ?? '', Buffer.concat([bytes.subarray(0, first + 1), Buffer.from(`${JSON.stringify(manifest)}\n`), body]));
    r = await app.backups.restore({ kind: 'file', ref: 'chosen-file-1' }, { name: 'admin' }, 'test:admin');
    expect(r.ok ? '' : r.error.message).toMatch(/does not carry the clinic's seal/);
    expect(app.db.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 1 });
  });

  it('asks for the recovery code of a backup from another clinic key, then restores it and adopts its key', async () => {
    const other = start();
    addPatient(other, { ...identifiers, familyName: 'Fromelsewhere' });
    const backup = await newestBackup(other);
    const code = recoveryCodeOf(other.key);

    const files = new Map<string, string>([['chosen-file-1', backup]]);
    const app = startWithSources(files);
    let r = await app.backups.restore({ kind: 'file', ref: 'chosen-file-1' }, { name: 'admin' }, 'test:admin');
    expect(r.ok ? '' : r.error.message).toMatch(/made with another key.*recovery code/s);
    r = await app.backups.restore({ kind: 'file', ref: 'chosen-file-1' }, { name: 'admin' }, 'test:admin', 'ab'.repeat(32));
    expect(r.ok ? '' : r.error.message).toMatch(/for another key/);
    r = await app.backups.restore({ kind: 'file', ref: 'chosen-file-1' }, { name: 'admin' }, 'test:admin', code);
    expect(r.ok).toBe(true);
    expect(app.db.prepare('SELECT family_name FROM patient').get()).toEqual({ family_name: 'Fromelsewhere' });
    expect(app.key.keyId).toBe(other.key.keyId);
    expect(app.services.auditLog.verify()).toMatchObject({ ok: true });
  });
});

describe('sessions and sign-in', () => {
  it('ends the other sessions of a user whose password is changed or reset', async () => {
    const app = start();
    const admin = await signedInContext(app);
    const created = await app.services.auth.createUser({ username: 'nina', displayName: 'Nina', role: 'nurse', password: 'nurse password 1' }, { name: 'admin' });
    if (!created.ok) throw new Error(created.error.message);
    await app.services.auth.signIn('ward-pc', 'nina', 'nurse password 1');
    await app.services.auth.signIn('clinic-pc', 'nina', 'nurse password 1');
    expect(app.services.auth.state('ward-pc').kind).toBe('signed-in');
    // Her own change keeps the session that made it and ends the other one.
    expect((await app.services.auth.changeOwnPassword(created.value.id, 'nurse password 1', 'nurse password 2', 'ward-pc')).ok).toBe(true);
    expect(app.services.auth.state('ward-pc').kind).toBe('signed-in');
    expect(app.services.auth.state('clinic-pc').kind).toBe('signed-out');
    // An administrator's reset ends all of hers.
    expect((await app.services.auth.setPassword(created.value.id, 'nurse password 3', { name: 'admin' }, admin.clientKey)).ok).toBe(true);
    expect(app.services.auth.state('ward-pc').kind).toBe('signed-out');
    expect(app.services.auth.state(admin.clientKey).kind).toBe('signed-in');
    expect(app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'session.ended'").get()).toEqual({ n: 2 });
  });

  it('answers an unknown user like a wrong password, throttles both alike, and only from the client that guessed', async () => {
    const app = start();
    await signedInContext(app);
    const answers = async (username: string): Promise<string[]> => {
      const said: string[] = [];
      for (let i = 0; i < 5; i++) {
        const r = await app.services.auth.signIn('attacker', username, 'guess');
        said.push(r.ok ? 'ok' : `${r.error.code}: ${r.error.message.replace(/\d+ seconds/, 'N seconds')}`);
      }
      return said;
    };
    expect(await answers('admin')).toEqual(await answers('nobody-here'));
    expect((await answers('admin')).at(-1)).toMatch(/too_many_attempts/);
    // The administrator at another computer is not locked out.
    expect((await app.services.auth.signIn('front-desk', 'admin', 'correct horse battery')).ok).toBe(true);
  });
});
