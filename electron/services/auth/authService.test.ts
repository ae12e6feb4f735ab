import { defaultClinicSettings } from '#shared/domain/settings';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/testApp';
import type { Clock } from '../clock';
import { hashPassword, retryDelaySeconds, verifyPassword } from './passwords';

let now = new Date('2026-11-25T09:00:00Z').getTime();
const clock: Clock = { now: () => new Date(now) };
let app: TestApp;

beforeEach(() => {
  now = new Date('2026-11-25T09:00:00Z').getTime();
  app = openTestApp(clock);
});
afterEach(() => app.dispose());

const adminKey = 'test:admin';
const password = 'correct horse battery';

function setUp(): void {
  const r = app.services.auth.createFirstAdministrator(adminKey, { username: 'admin', displayName: 'Ada Admin', password });
  if (!r.ok) throw new Error(r.error.message);
}

describe('passwords', () => {
  it('hashes with scrypt and a per-user salt', () => {
    const a = hashPassword('same password');
    const b = hashPassword('same password');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(verifyPassword('same password', a)).toBe(true);
    expect(verifyPassword('same passwort', a)).toBe(false);
  });
  it('waits longer after each wrong password beyond the third', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(retryDelaySeconds)).toEqual([0, 0, 0, 2, 4, 8, 300]);
  });
});

describe('accounts and sign-in', () => {
  it('asks for an administrator on first run, and only once', () => {
    expect(app.services.auth.state('any')).toEqual({ kind: 'setup-required' });
    setUp();
    expect(app.services.auth.state(adminKey).kind).toBe('signed-in');
    const again = app.services.auth.createFirstAdministrator('other', { username: 'mallory', displayName: 'M', password });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(app.services.auth.listUsers().map((u) => u.username)).toEqual(['admin']);
    const row = app.db.prepare('SELECT password_hash FROM app_user').get() as { password_hash: string };
    expect(row.password_hash).not.toContain(password);
  });

  it('gives the same answer for an unknown user and a wrong password', () => {
    setUp();
    const unknown = app.services.auth.signIn('c1', 'nobody', password);
    const wrong = app.services.auth.signIn('c1', 'admin', 'not the password');
    expect(unknown.ok || unknown.error.message).toBe('Wrong username or password.');
    expect(wrong.ok || wrong.error.message).toBe('Wrong username or password.');
  });

  it('delays further tries after several wrong passwords in a row, even with the right one', () => {
    setUp();
    for (let i = 0; i < 3; i++) app.services.auth.signIn('c1', 'admin', 'wrong');
    const blocked = app.services.auth.signIn('c1', 'admin', password);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.error.code).toBe('too_many_attempts');
    now += 3_000;
    expect(app.services.auth.signIn('c1', 'admin', password).ok).toBe(true);
    const failures = app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'session.sign-in-failed'").get();
    expect(failures).toEqual({ n: 3 });
  });

  it('refuses a disabled account and ends its sessions', () => {
    setUp();
    const admin = { name: 'admin' };
    const nurse = app.services.auth.createUser({ username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password }, admin);
    if (!nurse.ok) throw new Error(nurse.error.message);
    expect(app.services.auth.signIn('nina-pc', 'nina', password).ok).toBe(true);
    app.services.auth.updateUser(nurse.value.id, { displayName: 'Nina Nurse', role: 'nurse', disabled: true }, { ...admin, userId: 1 });
    expect(app.services.auth.authorize('nina-pc', 'user')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const again = app.services.auth.signIn('nina-pc', 'nina', password);
    expect(again).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    if (!again.ok) expect(again.error.message).toMatch(/disabled/);
  });

  it('keeps at least one active administrator', () => {
    setUp();
    const r = app.services.auth.updateUser(1, { displayName: 'Ada', role: 'nurse', disabled: false }, { name: 'admin', userId: 2 });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: 'At least one active administrator must remain.' } });
  });

  it('locks after the idle time and unlocks only with the same password', () => {
    setUp();
    expect(app.services.auth.authorize(adminKey, 'user').ok).toBe(true);
    now += 4 * 60_000;
    expect(app.services.auth.authorize(adminKey, 'user').ok).toBe(true);
    now += 6 * 60_000;
    const refused = app.services.auth.authorize(adminKey, 'user');
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(app.services.auth.state(adminKey).kind).toBe('locked');
    expect(app.services.auth.unlock(adminKey, 'wrong')).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Wrong password.' } });
    const unlocked = app.services.auth.unlock(adminKey, password);
    expect(unlocked.ok && unlocked.value.kind).toBe('signed-in');
    expect(app.services.auth.authorize(adminKey, 'user').ok).toBe(true);
  });
});

describe('roles through dispatch', () => {
  it('lets a nurse work with patients but not manage staff or settings', async () => {
    setUp();
    app.services.auth.createUser({ username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password }, { name: 'admin' });
    app.services.auth.signIn('nina-pc', 'nina', password);
    const nina = { clientKey: 'nina-pc' };
    expect((await app.dispatch('searchPatients', { query: '' }, nina)).ok).toBe(true);
    for (const [op, payload] of [
      ['listUsers', {}],
      ['createUser', { username: 'eve', displayName: 'Eve', role: 'administrator', password }],
      ['updateUser', { id: 1, displayName: 'x', role: 'nurse', disabled: true }],
      ['resetUserPassword', { id: 1, password: 'another long password' }],
      ['updateClinicSettings', { clinicName: 'x', idleLockMinutes: 5 }],
    ] as const) {
      const r = await app.dispatch(op, payload, nina);
      expect(r.ok, op).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden');
    }
    expect(app.services.auth.listUsers()).toHaveLength(2);
  });

  it('records the signed-in user in the audit log', async () => {
    setUp();
    await app.dispatch('updateClinicSettings', { ...defaultClinicSettings, clinicName: 'Riverside Diabetes Centre', idleLockMinutes: 10 }, { clientKey: adminKey });
    const row = app.db.prepare("SELECT actor FROM audit_log WHERE action = 'settings.update'").get();
    expect(row).toEqual({ actor: 'admin' });
    expect(app.services.settings.clinic()).toEqual({ ...defaultClinicSettings, clinicName: 'Riverside Diabetes Centre', idleLockMinutes: 10 });
  });
});
