import fs from 'node:fs';
import path from 'node:path';
import type { DiagnosticReport } from '@medplum/fhirtypes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPatient, signedExam, vignette } from '../../testing/clinic';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';
import { loadR4Definitions } from '../../interop/fhir/r4Validator';

let app: TestApp;
beforeEach(() => {
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'));
});
afterEach(() => app.dispose());

describe('FHIR R4 export of signed screenings', () => {
  it('one screening: a valid transaction Bundle with the clinician report PDF, written and audited', async () => {
    const examId = signedExam(app, addPatient(app, { nationalNumber: '9434765919' }), '2026-11-25', vignette('V01'));
    const r = await app.services.fhirExport.exportScreening(examId, { name: 'admin' });
    if (!r.ok) throw new Error(r.error.message);
    const bundle = JSON.parse(fs.readFileSync(app.files.fileOf(r.value.delivery), 'utf8')) as { type: string; entry: { resource: { resourceType: string } }[] };
    expect(bundle.type).toBe('transaction');
    expect((await loadR4Definitions()).validate(bundle as never)).toEqual([]);
    const report = bundle.entry.map((e) => e.resource).find((x): x is DiagnosticReport => x.resourceType === 'DiagnosticReport');
    const pdf = report?.presentedForm?.find((a) => a.contentType === 'application/pdf');
    expect(Buffer.from(pdf?.data ?? '', 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export.fhir'").get()).toEqual({ n: 1 });
  }, 120_000);

  it('bulk: every signed screening as NDJSON files with a manifest', async () => {
    const patient = addPatient(app);
    signedExam(app, patient, '2026-11-20', vignette('V01'));
    signedExam(app, patient, '2026-11-25', vignette('V02'));
    const dir = path.join(app.dir, 'bulk');
    const r = await app.services.fhirExport.exportBulk(dir, { name: 'admin' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.screenings).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'Patient.ndjson'), 'utf8').trim().split('\n')).toHaveLength(1);
    expect(fs.readFileSync(path.join(dir, 'DiagnosticReport.ndjson'), 'utf8').trim().split('\n')).toHaveLength(2);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'))).toMatchObject({ output: expect.arrayContaining([{ type: 'Patient', url: 'Patient.ndjson', count: 1 }]) });
  }, 120_000);
});
