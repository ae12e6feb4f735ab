import { defaultClinicSettings } from '#shared/domain/settings';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPatient, nurseActor as actor, signedExam, vignette } from '../../testing/clinic';
import { pdfPageCount, pdfText } from '../../testing/poppler';
import { fixedClock, openTestApp, tempDir, type TestApp } from '../../testing/testApp';
import { silentJob, type JobReporter } from '../jobs/jobProgress';

let app: TestApp;

function patient(familyName: string, givenNames: string, clinicIdentifier: string): number {
  return addPatient(app, { familyName, givenNames, dateOfBirth: '1950-01-01', clinicIdentifier });
}

beforeEach(() => {
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'));
});
afterEach(() => app.dispose());

describe('invitation letters', () => {
  it('makes one PDF with a page per patient, records "letter sent" for each, and audits the batch', async () => {
    app.services.settings.updateClinic({ ...defaultClinicSettings, clinicName: 'Riverside Diabetes Centre', idleLockMinutes: 5 }, actor);
    app.services.settings.updateRecall({ ...app.services.settings.recall(), bookingText: 'Phone 01632 960000, Monday to Friday' }, actor);
    const zoe = patient('Ní Bhriain', 'Zoë', 'MRN-1');
    const lucja = patient('Żak', 'Łucja', 'MRN-2');
    signedExam(app, zoe, '2025-03-12', vignette('V01'));

    const dir = tempDir('letters-');
    const steps: string[] = [];
    const job: JobReporter = { step: (s) => steps.push(s), advance: () => {}, finish: () => {} };
    app.files.saveInto(dir);
    const r = await app.services.letters.print({ patientIds: [zoe, lucja], recordContact: true, mode: 'save' }, actor, job);
    expect(r.ok && r.value).toMatchObject({ letters: 2, contactsRecorded: 2, delivery: { kind: 'saved', fileName: 'Invitation letters - 2026-11-25 - 2 patients.pdf' } });
    expect(steps).toEqual(['Preparing the letters', 'Making the PDF', 'Saving the PDF']);
    const file = path.join(dir, 'Invitation letters - 2026-11-25 - 2 patients.pdf');
    expect(pdfPageCount(file)).toBe(2);
    const page1 = pdfText(file, { first: 1, last: 1 }).replace(/\s+/g, ' ');
    expect(page1).toContain('Dear Zoë Ní Bhriain,');
    expect(page1).toContain('Your last foot check with us was on 12 March 2025');
    expect(page1).toContain('To book, phone 01632 960000, Monday to Friday.');
    expect(page1).toContain('Riverside Diabetes Centre');
    expect(pdfText(file, { first: 2, last: 2 }).replace(/\s+/g, ' ')).toContain('We do not have a record of one with us yet');
    const contacts = app.db.prepare('SELECT patient_id, contacted_on, kind, recorded_by FROM recall_contact ORDER BY patient_id').all();
    expect(contacts).toEqual([
      { patient_id: zoe, contacted_on: '2026-11-25', kind: 'letter', recorded_by: 'nina' },
      { patient_id: lucja, contacted_on: '2026-11-25', kind: 'letter', recorded_by: 'nina' },
    ]);
    const audit = app.db.prepare("SELECT details FROM audit_log WHERE action = 'letters.print'").all() as { details: string }[];
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([{ letters: 2, patientIds: [zoe, lucja], contactsRecorded: 2, mode: 'save' }]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records nothing when the save is cancelled, or when asked not to record contacts', async () => {
    const p = patient('Adams', 'Ann', 'A-1');
    app.files.cancelDialogs();
    const cancelled = await app.services.letters.print({ patientIds: [p], recordContact: true, mode: 'save' }, actor, silentJob);
    expect(cancelled.ok && cancelled.value).toEqual({ delivery: { kind: 'cancelled' }, letters: 0, contactsRecorded: 0 });
    app.files.offerDownloads();
    const quiet = await app.services.letters.print({ patientIds: [p], recordContact: false, mode: 'open' }, actor, silentJob);
    expect(quiet.ok && quiet.value.contactsRecorded).toBe(0);
    expect(app.db.prepare('SELECT count(*) AS n FROM recall_contact').get()).toEqual({ n: 0 });
    expect(app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'letters.print'").get()).toEqual({ n: 1 });
  });

  it('refuses archived and unknown patients without making anything', async () => {
    const p = patient('Adams', 'Ann', 'A-1');
    app.services.patients.archive(p, actor);
    const archived = await app.services.letters.print({ patientIds: [p], recordContact: true, mode: 'save' }, actor, silentJob);
    expect(archived).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!archived.ok && archived.error.message).toMatch(/archived/);
    const unknown = await app.services.letters.print({ patientIds: [999], recordContact: true, mode: 'save' }, actor, silentJob);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'letters.print'").get()).toEqual({ n: 0 });
  });
});
