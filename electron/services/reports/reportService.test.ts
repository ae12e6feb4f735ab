import { defaultClinicSettings } from '#shared/domain/settings';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery } from '#shared/domain/files';
import { addPatient, nurse, signedExam, vignette } from '../../testing/clinic';
import { pdfText } from '../../testing/poppler';
import { fixedClock, openTestApp, signedInContext, type TestApp } from '../../testing/testApp';
import type { ReportService } from './reportService';

let app: TestApp;
let patientId: number;

beforeEach(() => {
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'), { timeZone: 'Europe/London' });
  patientId = addPatient(app, { familyName: 'Żak', givenNames: 'Łucja', clinicIdentifier: 'Z1' });
});
afterEach(() => app.dispose());

function signed(id: string): number {
  return signedExam(app, patientId, '2026-11-25', vignette(id));
}

function service(): ReportService {
  return app.services.reports;
}

function fileOf(delivery: Delivery | undefined): string {
  return app.files.fileOf(delivery);
}

describe('ReportService', () => {
  it('lists the parts: the referral letter only when warranted', () => {
    const low = service().listParts(signed('V01'));
    expect(low.ok && low.value.parts.map((p) => p.available)).toEqual([true, true, false]);
  });

  it('renders one PDF with the chosen parts, delivers it and records who made which report', async () => {
    const examId = signed('V14');
    app.services.settings.updateClinic({ ...defaultClinicSettings, clinicName: 'Riverside Diabetes Centre', idleLockMinutes: 5 }, { name: 'admin' });
    const result = await service().render({ examId, parts: ['referral', 'clinician'], largePrint: false, combined: true, mode: 'save' }, nurse);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.deliveries).toHaveLength(1);
    expect(result.value.deliveries[0]).toMatchObject({ kind: 'download', fileName: 'Foot screening report - Z1 - 2026-11-25.pdf', inline: false });
    const text = pdfText(fileOf(result.value.deliveries[0]));
    expect(text).toContain('Riverside Diabetes Centre');
    expect(text).toContain('ŻAK, Łucja');
    expect(text).toContain('Referral: diabetic foot');
    expect(text).not.toContain('Your foot check');
    const audit = app.db.prepare("SELECT actor, entity, entity_id, details FROM audit_log WHERE action = 'report.create'").all() as { actor: string; entity: string; entity_id: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'nina', entity: 'exam', entity_id: String(examId) });
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ patientId, parts: ['clinician', 'referral'], combined: true, mode: 'save', files: 1 });
  });

  it('a referral letter for a low-risk exam, to a destination chosen from Settings with a reason, is audited with both', async () => {
    const examId = signed('V01');
    const destination = { id: 'fps', service: 'foot-protection' as const, name: 'Foot Protection Team, Riverside', address: 'Mill Lane\nExampleton', phone: '01632 960111', email: '' };
    app.services.settings.updateClinic({ ...defaultClinicSettings, clinicName: 'Riverside Diabetes Centre', clinicPhone: '01632 960000', referralDestinations: [destination] }, { name: 'admin' });
    const unknown = await service().render({ examId, parts: ['referral'], largePrint: false, combined: true, mode: 'save', referral: { destinationId: 'gone', reason: 'x' } }, nurse);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const result = await service().render({ examId, parts: ['referral'], largePrint: false, combined: true, mode: 'save', referral: { destinationId: 'fps', reason: 'Thick nails she cannot cut' } }, nurse);
    if (!result.ok) throw new Error(result.error.message);
    const text = pdfText(fileOf(result.value.deliveries[0])).replace(/\s+/g, ' ');
    expect(text).toContain('Foot Protection Team, Riverside');
    expect(text).toContain('Thick nails she cannot cut');
    expect(text).toContain('Phone 01632 960000');
    const audit = app.db.prepare("SELECT details FROM audit_log WHERE action = 'report.create'").all() as { details: string }[];
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ parts: ['referral'], referral: { destinationId: 'fps', service: 'foot-protection', reason: 'Thick nails she cannot cut' } });
  });

  it('one PDF per part: several deliveries, "open" ones inline for printing', async () => {
    const examId = signed('V21');
    const result = await service().render({ examId, parts: ['clinician', 'patient', 'referral'], largePrint: true, combined: false, mode: 'open' }, nurse);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.deliveries.map((d) => (d.kind === 'download' ? [d.fileName, d.inline] : d.kind))).toEqual([
      ['Clinician report - Z1 - 2026-11-25.pdf', true],
      ['Patient copy - Z1 - 2026-11-25.pdf', true],
      ['Referral letter - Z1 - 2026-11-25.pdf', true],
    ]);
    expect(pdfText(fileOf(result.value.deliveries[1]))).toContain('Your foot check');
  });

  it('regenerating a signed exam with the same generation time gives the same bytes', async () => {
    const examId = signed('V36');
    const request = { examId, parts: ['clinician', 'patient', 'referral'] as const, largePrint: false, combined: true, mode: 'save' as const };
    const a = await service().render({ ...request, parts: [...request.parts] }, nurse);
    const b = await service().render({ ...request, parts: [...request.parts] }, nurse);
    if (!a.ok || !b.ok) throw new Error('render failed');
    expect(fs.readFileSync(fileOf(b.value.deliveries[0])).equals(fs.readFileSync(fileOf(a.value.deliveries[0])))).toBe(true);
  });

  it('refuses drafts, unknown exams and a referral letter that is not warranted; nothing is audited', async () => {
    const draft = app.services.exams.start(patientId, 'iwgdf-3', '2026-11-25', nurse);
    if (!draft.ok) throw new Error(draft.error.message);
    const refused = await service().render({ examId: draft.value.id, parts: ['clinician'], largePrint: false, combined: true, mode: 'save' }, nurse);
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/still a draft/) } });
    expect(service().listParts(9999)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    app.services.exams.discard(draft.value.id, nurse);
    const low = signed('V01');
    const referral = await service().render({ examId: low, parts: ['referral'], largePrint: false, combined: true, mode: 'save' }, nurse);
    expect(referral).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'report.create'").get()).toEqual({ n: 0 });
  });

  it('a cancelled save dialog stops the remaining files and records nothing', async () => {
    const examId = signed('V14');
    app.files.cancelDialogs();
    const result = await service().render({ examId, parts: ['clinician', 'patient'], largePrint: false, combined: false, mode: 'save' }, nurse);
    expect(result).toEqual({ ok: true, value: { deliveries: [{ kind: 'cancelled' }] } });
    expect(app.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'report.create'").get()).toEqual({ n: 0 });
  });

  it('through dispatch: the request is checked, and a signed-in user gets the report', async () => {
    const examId = signed('V04');
    const context = await signedInContext(app);
    const bad = await app.dispatch('renderReport', { examId, parts: ['clinician', 'clinician'], mode: 'save' }, context);
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('Each part can be chosen once') } });
    const none = await app.dispatch('renderReport', { examId, parts: [], mode: 'save' }, context);
    expect(none).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const listed = await app.dispatch('listReportParts', { examId }, context);
    // V04 is NICE moderate risk: a referral to the foot protection service (decision 10).
    expect(listed).toMatchObject({ ok: true, value: { examId, parts: [{ part: 'clinician' }, { part: 'patient' }, { part: 'referral', available: true }] } });
    const made = await app.dispatch('renderReport', { examId, parts: ['patient'], mode: 'open' }, context);
    expect(made).toMatchObject({ ok: true, value: { deliveries: [{ kind: 'download', fileName: 'Patient copy - Z1 - 2026-11-25.pdf' }] } });
    const signedOut = await app.dispatch('renderReport', { examId, parts: ['patient'], mode: 'open' }, { clientKey: 'someone-else' });
    expect(signedOut).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});
