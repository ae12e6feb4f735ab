import { defaultClinicSettings } from '#shared/domain/settings';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Delivery } from '#shared/domain/files';
import { vignetteFindings } from '#shared/report/fixtures/reportInputs';
import { expect, seedPatient, test, type RunningHarness } from './support/harness';

/**
 * The report pack end to end: a screening signed through the real harness on a real
 * SQLite file, the report made by the `renderReport` operation, the PDF fetched from its download
 * address (with the harness's access cookie, as the browser would) and read back with pdftotext.
 */


async function signedScreening(harness: RunningHarness, vignette: string): Promise<{ patientId: number; examId: number }> {
  const patient = await seedPatient(harness, { familyName: 'Ní Bhriain', givenNames: 'Zoë', dateOfBirth: '1956-07-03', clinicIdentifier: 'MRN-1001' });
  const exam = await harness.call('startScreening', { patientId: patient.id, protocol: 'iwgdf-3', examinedOn: '2026-11-25' });
  await harness.call('signExam', { id: exam.id, findings: vignetteFindings(vignette) });
  return { patientId: patient.id, examId: exam.id };
}

/** Fetches a delivery as the browser would: same origin, with the access cookie. */
async function download(harness: RunningHarness, delivery: Delivery | undefined): Promise<{ file: string; disposition: string }> {
  if (delivery?.kind !== 'download') throw new Error(`expected a download, got ${delivery?.kind ?? 'nothing'}`);
  const res = await fetch(new URL(delivery.url, harness.url), { headers: { Cookie: `foot_screening_token=${harness.token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  expect(bytes.length).toBe(delivery.bytes);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-e2e-')), 'report.pdf');
  fs.writeFileSync(file, bytes);
  return { file, disposition: res.headers.get('content-disposition') ?? '' };
}

const text = (file: string): string => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });

test.describe('report pack', () => {
  test('a signed high-risk screening gives the whole pack as one PDF, and the audit log says who made it', async ({ harness }) => {
    const { patientId, examId } = await signedScreening(harness, 'V14');
    await harness.call('updateClinicSettings', { ...defaultClinicSettings, clinicName: 'Riverside Diabetes Centre', idleLockMinutes: 5 });

    const listed = await harness.call('listReportParts', { examId });
    expect(listed.parts.map((p) => [p.part, p.available])).toEqual([
      ['clinician', true],
      ['patient', true],
      ['referral', true],
    ]);
    expect(listed.parts[2]?.reason).toContain('First assessment within 2-4 weeks');

    const made = await harness.call('renderReport', { examId, parts: ['clinician', 'patient', 'referral'], mode: 'save' });
    expect(made.deliveries).toHaveLength(1);
    const [delivery] = made.deliveries;
    if (!delivery) throw new Error('no delivery');
    expect(delivery).toMatchObject({ kind: 'download', fileName: 'Foot screening report - MRN-1001 - 2026-11-25.pdf', inline: false });
    const { file, disposition } = await download(harness, delivery);
    expect(disposition).toMatch(/^attachment;/);
    const content = text(file);
    for (const expected of [
      'Riverside Diabetes Centre',
      'NÍ BHRIAIN, Zoë',
      '3 July 1956',
      'Diabetic foot screening: clinician report',
      'Category 3 (high risk)',
      'High risk',
      'Previous ulceration.',
      'By 25 December 2026',
      'Your foot check',
      'Referral: diabetic foot',
      'Page 1 of',
    ]) {
      expect(content).toContain(expected);
    }

    const audit = harness.query<{ actor: string; entity_id: string; details: string }>("SELECT actor, entity_id, details FROM audit_log WHERE action = 'report.create'");
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'admin', entity_id: String(examId) });
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ patientId, parts: ['clinician', 'patient', 'referral'], files: 1 });
  });

  test('one PDF per part to print: several inline downloads; no referral letter for a low-risk screening', async ({ harness }) => {
    const { examId } = await signedScreening(harness, 'V01');
    const listed = await harness.call('listReportParts', { examId });
    expect(listed.parts.find((p) => p.part === 'referral')?.available).toBe(false);
    await expect(harness.call('renderReport', { examId, parts: ['referral'], mode: 'save' })).rejects.toThrow(/does not call for a referral/);

    const made = await harness.call('renderReport', { examId, parts: ['patient', 'clinician'], combined: false, largePrint: true, mode: 'open' });
    expect(made.deliveries.map((d) => (d.kind === 'download' ? [d.fileName, d.inline] : d.kind))).toEqual([
      ['Clinician report - MRN-1001 - 2026-11-25.pdf', true],
      ['Patient copy - MRN-1001 - 2026-11-25.pdf', true],
    ]);
    const patientCopy = await download(harness, made.deliveries[1]);
    expect(patientCopy.disposition).toMatch(/^inline;/);
    const words = text(patientCopy.file);
    expect(words).toContain('For Zoë Ní Bhriain, born 3 July 1956');
    expect(words).toContain('Low risk');
    expect(words).not.toContain('Referral: diabetic foot');
  });

  test('a draft has no report yet', async ({ harness }) => {
    const patient = await seedPatient(harness, { familyName: 'Żak', givenNames: 'Łucja', dateOfBirth: '1960-05-06', clinicIdentifier: 'Z-1' });
    const draft = await harness.call('startScreening', { patientId: patient.id, protocol: 'iwgdf-3', examinedOn: '2026-11-25' });
    await expect(harness.call('listReportParts', { examId: draft.id })).rejects.toThrow(/still a draft/);
    await expect(harness.call('renderReport', { examId: draft.id, parts: ['clinician'], mode: 'save' })).rejects.toThrow(/still a draft/);
    expect(harness.query("SELECT id FROM audit_log WHERE action = 'report.create'")).toEqual([]);
  });
});

test.describe('report dialog', () => {
  test('from the patient history: choose the parts, save, and the downloaded PDF holds them', async ({ app, harness }) => {
    const { patientId } = await signedScreening(harness, 'V14');
    await app.goto(`${harness.url}#/patients/${patientId}`);
    await app.getByRole('button', { name: /^Report of the screening/ }).click();
    const dialog = app.getByRole('dialog');
    await expect(dialog.getByLabel(/Referral letter/)).toBeVisible();
    await dialog.getByLabel(/Patient copy/).uncheck();
    const downloadPromise = app.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save PDF…' }).click();
    const downloaded = await downloadPromise;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'report-ui-')), downloaded.suggestedFilename());
    await downloaded.saveAs(file);
    const content = text(file);
    expect(content).toContain('NÍ BHRIAIN');
    expect(content).toContain('Referral');
    expect(content).not.toContain('How to look after your feet');
  });
});
