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
/** `older password 1` as the synchronous hashing of earlier versions stored it (fixed salt). */
const hashMadeBefore = 'scrypt$16384$8$1$MDEyMzQ1Njc4OWFiY2RlZg==$XDO23ExVJ+fh5iLe7PEn60u6Rop9x7a3dajxxXteJZTnLUOrphx1jutJ2F70SVAtgm5yJufKeK9p/SCJwjrQyw==';
const password = 'correct horse battery';

async function setUp(): Promise<void> {
  const r = await app.services.auth.createFirstAdministrator(adminKey, { username: 'admin', displayName: 'Ada Admin', password });
  if (!r.ok) throw new Error(r.error.message);
}

describe('passwords', () => {
  it('hashes with scrypt and a per-user salt', async () => {
    const a = await hashPassword('same password');
    const b = await hashPassword('same password');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same passwort', a)).toBe(false);
  });
  it('still accepts a hash stored before hashing moved off the main thread', async () => {
    await setUp();
    await app.services.auth.createUser({ username: 'olga', displayName: 'Olga Older', role: 'nurse', password: 'a new password 9' }, { name: 'admin' });
    app.db.prepare("UPDATE app_user SET password_hash = ? WHERE username = 'olga'").run(hashMadeBefore);
    expect(await verifyPassword('older password 1', hashMadeBefore)).toBe(true);
    expect((await app.services.auth.signIn('olga-pc', 'olga', 'older password 1')).ok).toBe(true);
    expect((await app.services.auth.signIn('other-pc', 'olga', 'older password 2')).ok).toBe(false);
  });
  it('waits longer after each wrong password beyond the third', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map(retryDelaySeconds)).toEqual([0, 0, 0, 2, 4, 8, 300]);
  });
});

describe('accounts and sign-in', () => {
  it('asks for an administrator on first run, and only once', async () => {
    expect(app.services.auth.state('any')).toEqual({ kind: 'setup-required' });
    await setUp();
    expect(app.services.auth.state(adminKey).kind).toBe('signed-in');
    const again = await app.services.auth.createFirstAdministrator('other', { username: 'mallory', displayName: 'M', password });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(app.services.auth.listUsers().map((u) => u.username)).toEqual(['admin']);
    const row = app.db.prepare('SELECT password_hash FROM app_user').get() as { password_hash: string };
    expect(row.password_hash).not.toContain(password);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    await setUp();
    const unknown = await app.services.auth.signIn('c1', 'nobody', password);
    const wrong = await app.services.auth.signIn('c1', 'admin', 'not the password');
    expect(unknown.ok || unknown.error.message).toBe('Wrong username or password.');
    expect(wrong.ok || wrong.error.message).toBe('Wrong username or password.');
  });

  it('delays further tries after several wrong passwords in a row, even with the right one', async () => {
    await setUp();
    for (let i = 0; i < 3; i++) await app.services.auth.signIn('c1', 'admin', 'wrong');
    const blocked = await app.services.auth.signIn('c1', 'admin', password);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.error.code).toBe('too_many_attempts');
    now += 3_000;
    expect((await app.services.auth.signIn('c1', 'admin', password)).ok).toBe(true);
    const failures = app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'session.sign-in-failed'").get();
    expect(failures).toEqual({ n: 3 });
  });

  it('refuses a disabled account and ends its sessions', async () => {
    await setUp();
    const admin = { name: 'admin' };
    const nurse = await app.services.auth.createUser({ username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password }, admin);
    if (!nurse.ok) throw new Error(nurse.error.message);
    expect((await app.services.auth.signIn('nina-pc', 'nina', password)).ok).toBe(true);
    app.services.auth.updateUser(nurse.value.id, { displayName: 'Nina Nurse', role: 'nurse', disabled: true }, { ...admin, userId: 1 });
    expect(app.services.auth.authorize('nina-pc', 'user')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const again = await app.services.auth.signIn('nina-pc', 'nina', password);
    expect(again).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    if (!again.ok) expect(again.error.message).toMatch(/disabled/);
  });

  it('keeps at least one active administrator', async () => {
    await setUp();
    const r = app.services.auth.updateUser(1, { displayName: 'Ada', role: 'nurse', disabled: false }, { name: 'admin', userId: 2 });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: 'At least one active administrator must remain.' } });
  });

  it('locks after the idle time and unlocks only with the same password', async () => {
    await setUp();
    expect(app.services.auth.authorize(adminKey, 'user').ok).toBe(true);
    now += 4 * 60_000;
    expect(app.services.auth.authorize(adminKey, 'user').ok).toBe(true);
    now += 6 * 60_000;
    const refused = app.services.auth.authorize(adminKey, 'user');
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(app.services.auth.state(adminKey).kind).toBe('locked');
    expect(await app.services.auth.unlock(adminKey, 'wrong')).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'Wrong password.' } });
    const unlocked = await app.services.auth.unlock(adminKey, password);
    expect(unlocked.ok && unlocked.value.kind).toBe('signed-in');
    expect(app.services.auth.authorize(adminKey, 'user').ok).toBe(true);
  });
});

describe('roles through dispatch', () => {
  it('lets a nurse work with patients but not manage staff or settings', async () => {
    await setUp();
    await app.services.auth.createUser({ username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password }, { name: 'admin' });
    await app.services.auth.signIn('nina-pc', 'nina', password);
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
    await setUp();
    await app.dispatch('updateClinicSettings', { ...defaultClinicSettings, clinicName: 'Riverside Diabetes Centre', idleLockMinutes: 10 }, { clientKey: adminKey });
    const row = app.db.prepare("SELECT actor FROM audit_log WHERE action = 'settings.update'").get();
    expect(row).toEqual({ actor: 'admin' });
    expect(app.services.settings.clinic()).toEqual({ ...defaultClinicSettings, clinicName: 'Riverside Diabetes Centre', idleLockMinutes: 10 });
  });
});

describe('password hashing off the main thread', () => {
  it('answers a patient search while four sign-ins are still hashing', async () => {
    await setUp();
    const finished: string[] = [];
    const signIns = ['a', 'b', 'c', 'd'].map((pc) =>
      app.dispatch('signIn', { username: 'admin', password }, { clientKey: `pc-${pc}` }).then((r) => {
        finished.push(`sign-in ${pc}: ${r.ok ? 'ok' : r.error.message}`);
      }),
    );
    const search = app.dispatch('searchPatients', { query: '' }, { clientKey: adminKey }).then((r) => {
      finished.push(`search: ${r.ok ? 'ok' : r.error.message}`);
    });
    await Promise.all([...signIns, search]);
    expect(finished[0]).toBe('search: ok');
    expect(finished.slice(1).sort()).toEqual(['sign-in a: ok', 'sign-in b: ok', 'sign-in c: ok', 'sign-in d: ok']);
  });

  it('checks one guess at a time from the same place, so guesses sent together cannot skip the wait', async () => {
    await setUp();
    const answers = await Promise.all(Array.from({ length: 6 }, () => app.services.auth.signIn('attacker', 'admin', 'guess')));
    const checked = answers.filter((r) => !r.ok && r.error.code === 'unauthorized');
    expect(checked).toHaveLength(1);
    expect(answers.every((r) => !r.ok)).toBe(true);
  });
});

describe('sessions an administrator sees and ends', () => {
  async function nurseSignedIn(): Promise<number> {
    const nurse = await app.services.auth.createUser({ username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password }, { name: 'admin' });
    if (!nurse.ok) throw new Error(nurse.error.message);
    now += 60_000;
    expect((await app.services.auth.signIn('browser:nina-secret-tab-key', 'nina', password)).ok).toBe(true);
    return nurse.value.id;
  }

  it('lists who is signed in where, when they started and were last active, never showing a client key', async () => {
    await setUp();
    const ninaId = await nurseSignedIn();
    now += 60_000;
    app.services.auth.authorize('browser:nina-secret-tab-key', 'user');
    const r = await app.call('listSessions', {}, { clientKey: adminKey });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value).toHaveLength(2);
    expect(r.value).toEqual(expect.arrayContaining([
      expect.objectContaining({ userId: ninaId, username: 'nina', displayName: 'Nina Nurse', startedAt: '2026-11-25T09:01:00.000Z', lastActiveAt: '2026-11-25T09:02:00.000Z', locked: false, current: false }),
      expect.objectContaining({ username: 'admin', role: 'administrator', startedAt: '2026-11-25T09:00:00.000Z', current: true }),
    ]));
    expect(JSON.stringify(r.value)).not.toContain('nina-secret-tab-key');
    expect(r.value.find((row) => row.username === 'nina')?.client).toMatch(/^Browser tab [0-9a-f]{6}$/);
    // Staff who are not administrators cannot see it.
    const asNurse = await app.dispatch('listSessions', {}, { clientKey: 'browser:nina-secret-tab-key' });
    expect(asNurse).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it("ends a nurse's session: audited, and her next request says an administrator ended it", async () => {
    await setUp();
    const ninaId = await nurseSignedIn();
    const nina = { clientKey: 'browser:nina-secret-tab-key' };
    const listed = app.services.auth.listSessions(adminKey).find((s) => s.userId === ninaId);
    if (!listed) throw new Error('no session listed');
    const ended = await app.dispatch('endSession', { sessionId: listed.id }, { clientKey: adminKey });
    expect(ended).toEqual({ ok: true, value: { endedOwnSession: false } });
    const next = await app.dispatch('searchPatients', { query: '' }, nina);
    expect(next).toMatchObject({ ok: false, error: { code: 'unauthorized', message: 'An administrator ended your session. Please sign in again.' } });
    expect(app.services.auth.state(nina.clientKey)).toEqual({ kind: 'signed-out', notice: 'An administrator ended your session. Please sign in again.' });
    const audit = app.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'session.ended'").all() as { actor: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe('admin');
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ userId: ninaId, why: 'ended by an administrator' });
    expect(app.services.auth.listSessions(adminKey).map((s) => s.username)).toEqual(['admin']);
    // Ending it again: already gone. Signing in again clears the notice.
    expect(await app.dispatch('endSession', { sessionId: listed.id }, { clientKey: adminKey })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await app.services.auth.signIn(nina.clientKey, 'nina', password)).ok).toBe(true);
    await app.services.auth.signOut(nina.clientKey);
    expect(app.services.auth.state(nina.clientKey)).toEqual({ kind: 'signed-out' });
  });

  it("ending one's own current session signs out cleanly, without the notice", async () => {
    await setUp();
    const own = app.services.auth.listSessions(adminKey).find((s) => s.current);
    if (!own) throw new Error('no own session');
    expect(await app.dispatch('endSession', { sessionId: own.id }, { clientKey: adminKey })).toEqual({ ok: true, value: { endedOwnSession: true } });
    expect(app.services.auth.state(adminKey)).toEqual({ kind: 'signed-out' });
  });
});
