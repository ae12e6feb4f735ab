import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultClinicSettings } from '#shared/domain/settings';
import { addPatient } from '../../testing/clinic';
import { fixedClock, openTestApp, signedInContext, type TestApp } from '../../testing/testApp';
import type { CallContext } from '../../ipc/handlerContext';

let app: TestApp;
let admin: CallContext;
beforeEach(async () => {
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'));
  admin = await signedInContext(app);
});
afterEach(() => app.dispose());

const patient = {
  familyName: 'Żak',
  givenNames: 'Łucja',
  dateOfBirth: '1956-07-03',
  sex: 'female',
  clinicIdentifier: 'MRN-1',
  diabetesType: 'type2',
} as const;

const rows = (): unknown[] => app.db.prepare('SELECT clinic_identifier, national_number FROM patient ORDER BY id').all();

async function found(query: string): Promise<string[]> {
  const r = await app.call('searchPatients', { query }, admin);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.items.map((p) => p.clinicIdentifier);
}

describe('national number on the patient record', () => {
  it('is stored as digits whichever way it was typed, and found however it is searched', async () => {
    addPatient(app, { clinicIdentifier: 'A-1', nationalNumber: '943 476 5919' });
    addPatient(app, { clinicIdentifier: 'B-2', nationalNumber: '401-023-2137' });
    expect(rows()).toEqual([
      { clinic_identifier: 'A-1', national_number: '9434765919' },
      { clinic_identifier: 'B-2', national_number: '4010232137' },
    ]);
    for (const typed of ['943 476 5919', '943-476-5919', '9434765919', '943 476', '943 – 476 – 5919']) {
      expect(await found(typed), typed).toEqual(['A-1']);
    }
    expect(await found('401 023 2137')).toEqual(['B-2']);
    expect(await found('943 476 5910')).toEqual([]);
  });

  it('refuses an NHS number whose check digit does not match, naming the field, and writes nothing', async () => {
    const r = await app.call('createPatient', { patient: { ...patient, nationalNumber: '943 476 5910' } }, admin);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation_failed',
        message: '943 476 5910 is not a valid NHS number: its check digit does not match',
        issues: [{ path: 'nationalNumber', message: '943 476 5910 is not a valid NHS number: its check digit does not match' }],
      },
    });
    expect(rows()).toEqual([]);
    expect(app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'patient.%'").get()).toEqual({ n: 0 });
  });

  it('refuses a wrong number on edit too, leaving the stored one as it was', async () => {
    const created = await app.call('createPatient', { patient: { ...patient, nationalNumber: '9434765919' } }, admin);
    if (!created.ok) throw new Error(created.error.message);
    const r = await app.call(
      'updatePatient',
      { id: created.value.id, expectedUpdatedAt: created.value.updatedAt, patient: { ...patient, nationalNumber: '943 476 591' } },
      admin,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toBe('943 476 591 is not a valid NHS number: it has 9 digits instead of 10');
    expect(rows()).toEqual([{ clinic_identifier: 'MRN-1', national_number: '9434765919' }]);
  });

  it('checks against the format chosen in Settings: a CHI number, or any number for "other"', async () => {
    const chi = await app.call('updateClinicSettings', { ...defaultClinicSettings, nationalNumberFormat: 'chi' }, admin);
    expect(chi.ok).toBe(true);
    const nhsOnly = await app.call('createPatient', { patient: { ...patient, nationalNumber: '943 476 5919' } }, admin);
    expect(nhsOnly.ok ? 'accepted' : nhsOnly.error.message).toBe('943 476 5919 is not a valid CHI number: its first six digits are not a date of birth (DDMMYY)');
    expect((await app.call('createPatient', { patient: { ...patient, nationalNumber: '010101 1237' } }, admin)).ok).toBe(true);

    await app.call('updateClinicSettings', { ...defaultClinicSettings, nationalNumberFormat: 'other' }, admin);
    const other = await app.call('createPatient', { patient: { ...patient, clinicIdentifier: 'MRN-2', nationalNumber: 'ab 12-34' } }, admin);
    expect(other.ok).toBe(true);
    expect(rows()).toEqual([
      { clinic_identifier: 'MRN-1', national_number: '0101011237' },
      { clinic_identifier: 'MRN-2', national_number: 'AB1234' },
    ]);
  });

  it('leaves an empty national number empty', async () => {
    expect((await app.call('createPatient', { patient: { ...patient, nationalNumber: '  ' } }, admin)).ok).toBe(true);
    expect(rows()).toEqual([{ clinic_identifier: 'MRN-1', national_number: null }]);
  });
});
