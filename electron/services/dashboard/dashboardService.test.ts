import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, addMonths } from '#shared/text/dates';
import { AuditRepository } from '../../db/repositories/auditRepository';
import { addPatient, amendedExam, nurse, nurseActor as actor, signedExam, vignette } from '../../testing/clinic';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';
import { seededRandom } from '../demo/syntheticPatients';
const today = '2026-11-25';

/** Vignettes with their categories, so the test knows the truth without asking the app. */
const kinds = [
  { vignette: 'V01', nice: 'low', iwgdf: '0' },
  { vignette: 'V04', nice: 'moderate', iwgdf: '1' },
  { vignette: 'V10', nice: 'high', iwgdf: '2' },
  { vignette: 'V14', nice: 'high', iwgdf: '3' },
  { vignette: 'V19', nice: 'moderate', iwgdf: '3' },
  { vignette: 'V21', nice: 'active', iwgdf: 'urgent' },
  { vignette: 'V27', nice: 'incomplete', iwgdf: 'incomplete' },
] as const;
type Kind = (typeof kinds)[number];

interface ModelExam {
  patient: number;
  series: number;
  examinedOn: string;
  kind: Kind;
  referral: boolean;
}

let app: TestApp;
beforeEach(() => {
  app = openTestApp(fixedClock(`${today}T10:00:00.000Z`));
});
afterEach(() => app.dispose());

/**
 * A random clinic built through the real services (sign-off, amendments, archiving, referral
 * letters as the report service records them), and the same clinic as plain arrays from which
 * the test computes every dashboard figure its own way.
 */
function randomClinic(seed: number): { exams: Map<number, ModelExam>; archived: Set<number>; patients: number[] } {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const audit = new AuditRepository(app.db);
  const exams = new Map<number, ModelExam>();
  const archived = new Set<number>();
  const patients: number[] = [];
  for (let i = 0; i < 40; i++) {
    const patientId = addPatient(app, { familyName: `Test${i}`, givenNames: 'X', dateOfBirth: '1950-01-01', sex: 'male', clinicIdentifier: `D${seed}-${i}` });
    patients.push(patientId);
    const count = Math.floor(random() * 4);
    for (let k = 0; k < count; k++) {
      const kind = pick(kinds);
      const examinedOn = addDays(today, -Math.floor(random() * 900));
      const first = signedExam(app, patientId, examinedOn, vignette(kind.vignette));
      let current = first;
      let referral = false;
      const addReferral = (examId: number): void => {
        audit.append({ at: `${today}T10:00:00.000Z`, actor: 'nina', action: 'report.create', entity: 'exam', entityId: String(examId), details: { patientId, parts: ['clinician', 'referral'] } });
        referral = true;
      };
      if (random() < 0.4) addReferral(current);
      else if (random() < 0.2) {
        // A report without the letter does not count.
        audit.append({ at: `${today}T10:00:00.000Z`, actor: 'nina', action: 'report.create', entity: 'exam', entityId: String(current), details: { patientId, parts: ['clinician', 'patient'] } });
      }
      let finalKind: Kind = kind;
      if (random() < 0.25) {
        finalKind = pick(kinds);
        current = amendedExam(app, current, vignette(finalKind.vignette), 'Corrected entry');
        if (random() < 0.3) addReferral(current);
      }
      exams.set(current, { patient: patientId, series: first, examinedOn, kind: finalKind, referral });
    }
    if (random() < 0.1) {
      app.services.patients.archive(patientId, actor);
      archived.add(patientId);
    }
  }
  // An unsigned draft and a discarded one never count.
  const draft = app.services.exams.start(patients[0] ?? 0, 'iwgdf-3', today, nurse);
  if (draft.ok) app.services.exams.discard(draft.value.id, nurse);
  app.services.exams.start(patients[1] ?? 0, 'iwgdf-3', today, nurse);
  return { exams, archived, patients };
}

describe('dashboard figures', () => {
  it.each([1, 2, 3])('match figures computed independently from a random clinic (seed %i)', (seed) => {
    const { exams, archived, patients } = randomClinic(seed);
    const dashboard = app.services.dashboard;
    const random = seededRandom(100 + seed);
    const ranges = [
      { from: addDays(addMonths(today, -12), 1), to: today },
      { from: '2025-01-01', to: '2025-12-31' },
      { from: addDays(today, -Math.floor(random() * 600)), to: addDays(today, -Math.floor(random() * 100)) },
    ];
    for (const range of ranges) {
      if (range.from > range.to) continue;
      const r = dashboard.figures(range);
      if (!r.ok) throw new Error(r.error.message);
      const all = [...exams.values()];
      const inRange = all.filter((e) => e.examinedOn >= range.from && e.examinedOn <= range.to);
      const windowFrom = addDays(addMonths(range.to, -12), 1);
      const register = patients.filter((p) => !archived.has(p));
      const screened = new Set(all.filter((e) => e.examinedOn >= windowFrom && e.examinedOn <= range.to && !archived.has(e.patient)).map((e) => e.patient));
      const lastOf = new Map<number, ModelExam>();
      for (const e of all) {
        const prev = lastOf.get(e.patient);
        if (!prev || e.examinedOn >= prev.examinedOn) lastOf.set(e.patient, e);
      }
      const months: Record<string, number> = { low: 12, moderate: 3, high: 1, incomplete: 1 };
      const overdue = register.filter((p) => {
        const last = lastOf.get(p);
        if (!last) return false;
        const due = last.kind.nice === 'active' ? last.examinedOn : addMonths(last.examinedOn, months[last.kind.nice] ?? 1);
        return due < today;
      });
      const highRisk = inRange.filter((e) => ['high', 'active'].includes(e.kind.nice) || ['3', 'urgent'].includes(e.kind.iwgdf));
      const count = (key: 'nice' | 'iwgdf', value: string): number => inRange.filter((e) => e.kind[key] === value).length;
      expect(r.value).toEqual({
        from: range.from,
        to: range.to,
        today,
        guideline: 'nice',
        patients: register.length,
        screened12Months: { screened: screened.size, windowFrom, windowTo: range.to },
        screenings: inRange.length,
        patientsScreened: new Set(inRange.map((e) => e.patient)).size,
        categoryMix: {
          nice: { low: count('nice', 'low'), moderate: count('nice', 'moderate'), high: count('nice', 'high'), active: count('nice', 'active'), incomplete: count('nice', 'incomplete') },
          iwgdf: { '0': count('iwgdf', '0'), '1': count('iwgdf', '1'), '2': count('iwgdf', '2'), '3': count('iwgdf', '3'), urgent: count('iwgdf', 'urgent'), incomplete: count('iwgdf', 'incomplete') },
        },
        overdueToday: overdue.length,
        neverScreened: register.filter((p) => !lastOf.has(p)).length,
        highRisk: { results: highRisk.length, withReferralLetter: highRisk.filter((e) => e.referral).length },
      });
    }
  });

  it('is all zeros for an empty clinic', () => {
    const r = app.services.dashboard.figures({ from: '2026-01-01', to: today });
    expect(r.ok && r.value).toMatchObject({ patients: 0, screenings: 0, overdueToday: 0, neverScreened: 0, highRisk: { results: 0, withReferralLetter: 0 } });
  });
});
