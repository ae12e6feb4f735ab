import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mod11CheckDigit } from '#shared/domain/nationalNumber';
import type { RegisterImportOptions } from '#shared/interop/registerImport';
import { addPatient, signedExam, vignette } from '../../testing/clinic';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';
import type { JobReporter } from '../jobs/jobProgress';

const admin = { name: 'admin' };
const clock = fixedClock('2026-11-25T10:00:00.000Z');
let app: TestApp;

/** A valid NHS number (10 digits) made from a nine-digit base. */
function nhs(base: number): string {
  for (let b = base; ; b += 1) {
    const check = mod11CheckDigit(String(b));
    if (check !== null) return `${b}${check}`;
  }
}

const header = 'NHS Number,Patient ID,Surname,Forename,Date of Birth,Sex,Address Line 1,Town,Postcode,Mobile,Last Updated';

function writeCsv(lines: string[], name = 'register.csv'): string {
  const file = path.join(app.dir, name);
  fs.writeFileSync(file, [header, ...lines].join('\r\n') + '\r\n');
  return file;
}

async function run(file: string, options: Partial<RegisterImportOptions> = {}, job?: JobReporter, signal?: AbortSignal) {
  const r = await app.services.registerImport.run(file, path.basename(file), { dryRun: false, applyUpdates: false, ...options }, admin, {
    ...(job ? { job } : {}),
    ...(signal ? { signal } : {}),
  });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const count = (sql: string): number => (app.db.prepare(sql).get() as { n: number }).n;
const patientByIdentifier = (id: string) =>
  app.db.prepare('SELECT family_name, given_names, date_of_birth, national_number, postcode, mobile_phone, town FROM patient WHERE clinic_identifier = ?').get(id) as
    | Record<string, string | null>
    | undefined;

beforeEach(() => {
  app = openTestApp(clock);
});
afterEach(() => app.dispose());

describe('register import', () => {
  it('stores the valid rows and lists each refused row with its spreadsheet row number and reasons', async () => {
    const a = nhs(401000000);
    const b = nhs(402000000);
    const file = writeCsv([
      `${a},H1,Smith,John,03/07/1956,M,1 High Street,Leeds,ls11ab,07700 900001,`,
      `${b},H2,Jones,Mary,31/02/1950,F,,,,,`,
      `${a.slice(0, 9)}${(Number(a[9]) + 1) % 10},H3,Brown,Ann,01/01/1960,F,,,,,`,
      `${a},H4,Twice,Tom,01/01/1961,M,,,,,`,
      `,H5,Patel,Priya,12/12/1970,F,,York,,,`,
    ]);
    const report = await run(file);
    expect(report.created).toBe(2);
    expect(report.refused).toBe(3);
    expect(report.refusedRows.map((r) => r.at)).toEqual([3, 4, 5]);
    expect(report.refusedRows[0]?.reasons.join(' ')).toMatch(/31\/02\/1950/);
    expect(report.refusedRows[1]?.reasons.join(' ')).toMatch(/check digit/);
    expect(report.refusedRows[2]?.reasons.join(' ')).toMatch(/already used by row 2/);
    expect(patientByIdentifier('H1')).toMatchObject({ family_name: 'Smith', date_of_birth: '1956-07-03', national_number: a, postcode: 'LS1 1AB', town: 'Leeds', mobile_phone: '07700 900001' });
    expect(patientByIdentifier('H5')).toMatchObject({ family_name: 'Patel', national_number: null });
    expect(report.preview.map((p) => p.record.clinicIdentifier)).toEqual(['H1', 'H5']);
    expect(report.batchId).not.toBeNull();
    const audit = app.db.prepare("SELECT details FROM audit_log WHERE action = 'patient.import'").get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ rows: 5, created: 2, refused: 3 });
  });

  it('a dry run reports the same and stores nothing', async () => {
    const file = writeCsv([`${nhs(403000000)},H1,Smith,John,03/07/1956,M,,,,,`]);
    const report = await run(file, { dryRun: true });
    expect(report).toMatchObject({ created: 1, dryRun: true, batchId: null });
    expect(count('SELECT count(*) AS n FROM patient')).toBe(0);
    expect(count('SELECT count(*) AS n FROM import_batch')).toBe(0);
  });

  it('matches existing patients by national number, shows the merge, and updates only where newer and agreed', async () => {
    const number = nhs(404000000);
    const id = addPatient(app, { familyName: 'Smith', givenNames: 'John', clinicIdentifier: 'OWN-1', nationalNumber: `${number.slice(0, 3)} ${number.slice(3, 6)} ${number.slice(6)}`, notes: 'Clinic note' });
    const older = addPatient(app, { familyName: 'Old', givenNames: 'Olive', clinicIdentifier: 'OWN-2' });
    const file = writeCsv([`${number},,Smith,John,03/07/1956,M,2 New Road,Hull,HU1 1AA,,2026-11-26`, `,OWN-2,Old,Olivia,03/07/1956,F,,,,,2020-01-01`]);

    const preview = await run(file, { dryRun: true, applyUpdates: true });
    expect(preview.mergeCount).toBe(2);
    const merge = preview.merges.find((m) => m.patientId === id);
    expect(merge?.newer).toBe(true);
    expect(merge?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['addressLine1', 'town', 'postcode']));
    expect(preview.merges.find((m) => m.patientId === older)?.newer).toBe(false);

    const declined = await run(file);
    expect(declined).toMatchObject({ updated: 0, declined: 1, older: 1, created: 0 });
    expect(app.services.patients.get(id)).toMatchObject({ ok: true, value: { town: null } });

    const applied = await run(file, { applyUpdates: true });
    expect(applied).toMatchObject({ updated: 1, older: 1, created: 0 });
    const after = app.services.patients.get(id);
    expect(after).toMatchObject({ ok: true, value: { town: 'Hull', postcode: 'HU1 1AA', clinicIdentifier: 'OWN-1', notes: 'Clinic note' } });
    expect(app.services.patients.get(older)).toMatchObject({ ok: true, value: { givenNames: 'Olive' } });
  });

  it('refuses a row whose patient ID belongs to a different patient here', async () => {
    addPatient(app, { clinicIdentifier: 'H9', nationalNumber: nhs(405000000) });
    const file = writeCsv([`${nhs(406000000)},H9,Other,Person,01/01/1950,M,,,,,`]);
    const report = await run(file, { applyUpdates: true });
    expect(report.refused).toBe(1);
    expect(report.refusedRows[0]?.reasons[0]).toMatch(/H9 is already used by a different patient/);
  });

  it('undoes the whole last import: created patients removed, updated ones restored, audited', async () => {
    const number = nhs(407000000);
    const id = addPatient(app, { familyName: 'Smith', givenNames: 'John', clinicIdentifier: 'OWN-1', nationalNumber: number });
    const before = app.services.patients.get(id);
    const file = writeCsv([`${number},,Smith,John,03/07/1956,M,,Hull,,,2026-11-26`, `${nhs(408000000)},H2,New,Nora,01/01/1950,F,,,,,`]);
    const report = await run(file, { applyUpdates: true });
    expect(report).toMatchObject({ created: 1, updated: 1 });
    expect(app.services.registerImport.lastImport()).toMatchObject({ id: report.batchId, created: 1, updated: 1, undoneAt: null });

    const undone = app.services.registerImport.undo(report.batchId ?? 0, admin);
    expect(undone).toEqual({ ok: true, value: { batchId: report.batchId, removed: 1, restored: 1 } });
    expect(patientByIdentifier('H2')).toBeUndefined();
    expect(app.services.patients.get(id)).toEqual(before);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'patient.import.undo'")).toBe(1);
    expect(app.services.registerImport.undo(report.batchId ?? 0, admin)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('will not undo an import when a patient it created has been screened since', async () => {
    const report = await run(writeCsv([`${nhs(409000000)},H1,Smith,John,03/07/1956,M,,,,,`]));
    const id = app.db.prepare("SELECT id FROM patient WHERE clinic_identifier = 'H1'").get() as { id: number };
    signedExam(app, id.id, '2026-11-25', vignette('V01'));
    const undone = app.services.registerImport.undo(report.batchId ?? 0, admin);
    expect(undone).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(undone.ok ? '' : undone.error.message).toMatch(/SMITH, John \(H1\): has screenings/);
    expect(count('SELECT count(*) AS n FROM patient')).toBe(1);
  });

  it('a cancelled import keeps nothing from the file', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `${nhs(410000000 + i * 20)},C${i},Name,Given,01/01/1950,F,,,,,`);
    const file = writeCsv(lines);
    const controller = new AbortController();
    const job: JobReporter = { step: () => {}, advance: () => controller.abort(), finish: () => {} };
    const report = await run(file, {}, job, controller.signal);
    expect(report.failed?.message).toMatch(/cancelled; nothing from the file was kept/);
    expect(count('SELECT count(*) AS n FROM patient')).toBe(0);
    expect(count('SELECT count(*) AS n FROM import_batch')).toBe(0);
    expect(count("SELECT count(*) AS n FROM audit_log WHERE action = 'patient.import.rolled-back'")).toBe(1);
  });

  it('rolls back an import the app stopped in the middle of before the next one', async () => {
    await run(writeCsv([`${nhs(411000000)},H1,Smith,John,03/07/1956,M,,,,,`]));
    // As if the app had crashed mid-import: a batch without finished_at and a patient it wrote.
    app.db.prepare("INSERT INTO import_batch (id, started_at, actor, file_name, source_format) VALUES (99, 'x', 'admin', 'f.csv', 'csv')").run();
    const crashed = addPatient(app, { clinicIdentifier: 'CRASH' });
    app.db.prepare("INSERT INTO import_batch_patient VALUES (99, ?, 'created', NULL, 'x')").run(crashed);
    expect(app.services.registerImport.lastImport()?.id).not.toBe(99);
    expect(patientByIdentifier('CRASH')).toBeUndefined();
  });

  it('imports FHIR R4 Patients from NDJSON the same way', async () => {
    const number = nhs(412000000);
    const patient = {
      resourceType: 'Patient',
      identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: number }],
      name: [{ use: 'official', family: 'Fhir', given: ['Fiona'] }],
      gender: 'female',
      birthDate: '1960-05-04',
      address: [{ use: 'home', line: ['3 Lane'], city: 'York', postalCode: 'YO1 7HH' }],
    };
    const bad = { ...patient, birthDate: '1960-13-40', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: nhs(413000000) }] };
    const file = path.join(app.dir, 'patients.ndjson');
    fs.writeFileSync(file, `${JSON.stringify(patient)}\n${JSON.stringify(bad)}\n`);
    const report = await run(file);
    expect(report).toMatchObject({ format: 'fhir', created: 1, refused: 1 });
    expect(report.refusedRows[0]?.where).toBe('line 2');
    expect(patientByIdentifier(number)).toMatchObject({ family_name: 'Fhir', town: 'York', national_number: number });
  });
});
