import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultClinicSettings, type ClinicSettings } from '#shared/domain/settings';
import type { CallContext } from '../../ipc/handlerContext';
import { fixedClock, openTestApp, signedInContext, type TestApp } from '../../testing/testApp';

let app: TestApp;
let admin: CallContext;
beforeEach(async () => {
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'));
  admin = await signedInContext(app);
});
afterEach(() => app.dispose());

const clinic: ClinicSettings = {
  ...defaultClinicSettings,
  clinicName: 'Riverside Diabetes Centre',
  clinicPhone: '01632 960000',
  clinicAddress: 'Riverside Health Centre\n1 Mill Lane\nExampletown EX1 2AB',
  emergencyNumber: '999',
  nationalNumberFormat: 'chi',
  dateOrder: 'mdy',
  reportFileNaming: 'date-identifier',
  referralDestinations: [
    { id: 'fps-1', service: 'foot-protection', name: 'Podiatry: Foot Protection Team', address: 'Riverside Health Centre', phone: '01632 960001', email: 'fpt@example.org' },
    { id: 'gp', service: 'medical-review', name: 'Mill Lane Surgery', address: '', phone: '', email: '' },
  ],
};

describe('clinic settings', () => {
  it('round-trip through the operations and a reopened database, with one audit entry naming what changed', async () => {
    expect(await app.call('getClinicSettings', {}, admin)).toEqual({ ok: true, value: defaultClinicSettings });
    expect(await app.call('updateClinicSettings', clinic, admin)).toEqual({ ok: true, value: clinic });
    app.close();
    const reopened = openTestApp(fixedClock('2026-11-25T11:00:00.000Z'), { dir: app.dir });
    try {
      expect(reopened.services.settings.clinic()).toEqual(clinic);
      const audit = reopened.db.prepare("SELECT details FROM audit_log WHERE action = 'settings.update'").all() as { details: string }[];
      expect(audit.map((a) => JSON.parse(a.details))).toEqual([
        {
          fields: ['clinicName', 'clinicPhone', 'clinicAddress', 'emergencyNumber', 'nationalNumberFormat', 'dateOrder', 'reportFileNaming', 'referralDestinations'],
        },
      ]);
    } finally {
      reopened.close();
    }
  });

  it('records only the settings that changed, even for an unchanged referral directory', async () => {
    await app.call('updateClinicSettings', clinic, admin);
    await app.call('updateClinicSettings', { ...clinic, emergencyNumber: '112', referralDestinations: clinic.referralDestinations.map((d) => ({ ...d })) }, admin);
    const last = app.db.prepare("SELECT details FROM audit_log WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1").get() as { details: string };
    expect(JSON.parse(last.details)).toEqual({ fields: ['emergencyNumber'] });
  });

  it('refuses a referral destination without a name, or an unknown service, and keeps the saved settings', async () => {
    await app.call('updateClinicSettings', clinic, admin);
    const noName = await app.call('updateClinicSettings', { ...clinic, referralDestinations: [{ id: 'x', service: 'vascular', name: ' ', address: '', phone: '', email: '' }] }, admin);
    expect(noName.ok).toBe(false);
    if (!noName.ok) expect(noName.error.issues?.[0]).toEqual({ path: 'referralDestinations.0.name', message: 'Enter the name of the service' });
    const badService = await app.call('updateClinicSettings', { ...clinic, referralDestinations: [{ id: 'x', service: 'surgery' as never, name: 'A', address: '', phone: '', email: '' }] }, admin);
    expect(badService.ok).toBe(false);
    expect(app.services.settings.clinic()).toEqual(clinic);
  });
});

describe('staff registration number', () => {
  it('is kept on create, changed and removed on update, and left alone when an update does not mention it', async () => {
    const created = await app.call('createUser', { username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password: 'long enough password', registrationNumber: ' 12A3456E ' }, admin);
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.registrationNumber).toBe('12A3456E');
    const id = created.value.id;
    const stored = (): unknown => app.db.prepare('SELECT registration_number FROM app_user WHERE id = ?').get(id);
    expect(stored()).toEqual({ registration_number: '12A3456E' });

    await app.call('updateUser', { id, displayName: 'Nina Nurse', role: 'nurse', disabled: false, registrationNumber: '99B8765C' }, admin);
    expect(stored()).toEqual({ registration_number: '99B8765C' });
    await app.call('updateUser', { id, displayName: 'Nina N. Nurse', role: 'nurse', disabled: false }, admin);
    expect(stored()).toEqual({ registration_number: '99B8765C' });
    const cleared = await app.call('updateUser', { id, displayName: 'Nina N. Nurse', role: 'nurse', disabled: false, registrationNumber: '' }, admin);
    expect(cleared.ok && cleared.value.registrationNumber).toBeNull();
    expect(stored()).toEqual({ registration_number: null });

    const tooLong = await app.call('updateUser', { id, displayName: 'Nina', role: 'nurse', disabled: false, registrationNumber: 'x'.repeat(41) }, admin);
    expect(tooLong.ok).toBe(false);
  });
});
