import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultClinicSettings } from '#shared/domain/settings';
import { addPatient } from '../../testing/clinic';
import { pdfText } from '../../testing/poppler';
import { fixedClock, openTestApp, signedInContext, type TestApp } from '../../testing/testApp';

const apps: TestApp[] = [];
afterEach(() => {
  for (const a of apps.splice(0)) a.dispose();
});

function start(files = new Map<string, string>()): TestApp {
  const app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'), { sources: { choose: () => Promise.reject(new Error('not used')), resolve: (ref) => files.get(ref) ?? null } });
  apps.push(app);
  return app;
}

describe('recovery sheet', () => {
  it('prints the key as a code with what it is for, the clinic and the date; audited; the code restores a backup on another computer', async () => {
    // The clinic whose backup is to be restored elsewhere.
    const home = start();
    const admin = await signedInContext(home);
    expect((await home.call('updateClinicSettings', { ...defaultClinicSettings, clinicName: 'Riverside Diabetes Centre' }, admin)).ok).toBe(true);
    addPatient(home, { familyName: 'Fromriverside', givenNames: 'Ada', clinicIdentifier: 'RIV-1' });
    const sheet = await home.call('makeRecoverySheet', { mode: 'save' }, admin);
    if (!sheet.ok) throw new Error(sheet.error.message);
    const text = pdfText(home.files.fileOf(sheet.value));
    expect(text).toContain('Riverside Diabetes Centre');
    expect(text).toContain('recovery sheet');
    expect(text).toContain('25 November 2026');
    expect(text.replace(/\s+/g, ' ')).toMatch(/What it is for .*restore a backup on a new or repaired computer/);
    expect(text).toMatch(/Where to keep it[\s\S]*locked place/);
    const code = /((?:[0-9a-f]{4}\s+){15}[0-9a-f]{4})/.exec(text)?.[1] ?? '';
    expect(code.replace(/\s+/g, '')).toBe(home.key.database.toString('hex'));
    const audit = home.db.prepare("SELECT actor, details FROM audit_log WHERE action = 'security.recovery-sheet'").all() as { actor: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe('admin');
    expect(audit[0]?.details).not.toContain(home.key.database.toString('hex').slice(0, 8));
    await home.backups.backUpAutomatically();
    const backup = path.join(home.backups.list().folder, home.backups.list().backups[0]?.name ?? '');

    // A new computer: its own key. The backup is refused without the code, with the reason, and nothing changes.
    const files = new Map([['chosen-file-1', backup]]);
    const fresh = start(files);
    const freshAdmin = await signedInContext(fresh, 'test:new-pc');
    addPatient(fresh, { familyName: 'Alreadyhere', givenNames: 'Bo', clinicIdentifier: 'NEW-1' });
    const before = fs.readFileSync(fresh.file);
    const keyBefore = fresh.key.keyId;
    const refused = await fresh.call('restoreBackup', { source: { kind: 'file', ref: 'chosen-file-1' } }, freshAdmin);
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation_failed', issues: [{ path: 'recoveryCode' }] } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/made with another key.*recovery code.*recovery sheet/s);
    expect(fresh.db.prepare('SELECT family_name FROM patient').all()).toEqual([{ family_name: 'Alreadyhere' }]);
    expect(fresh.key.keyId).toBe(keyBefore);
    expect(fs.readFileSync(fresh.file).equals(before)).toBe(true);

    // Typed from the sheet, spaces and all.
    const restored = await fresh.call('restoreBackup', { source: { kind: 'file', ref: 'chosen-file-1' }, recoveryCode: code }, freshAdmin);
    expect(restored.ok).toBe(true);
    expect(fresh.db.prepare('SELECT family_name FROM patient').all()).toEqual([{ family_name: 'Fromriverside' }]);
    expect(fresh.key.keyId).toBe(home.key.keyId);
  });

  it('is for administrators only', async () => {
    const app = start();
    await signedInContext(app);
    await app.services.auth.createUser({ username: 'nina', displayName: 'Nina', role: 'nurse', password: 'nurse password 1' }, { name: 'admin' });
    await app.services.auth.signIn('test:nurse', 'nina', 'nurse password 1');
    expect(await app.call('makeRecoverySheet', { mode: 'save' }, { clientKey: 'test:nurse' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
