import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import vignettes from '#shared/clinical/fixtures/vignettes.json' with { type: 'json' };
import { findingsSchema, type Findings } from '#shared/domain/findings';
import { patientInputSchema } from '#shared/domain/patient';
import type { User } from '#shared/domain/users';
import { addDays, addMonths } from '#shared/text/dates';
import { AuditRepository } from '../../db/repositories/auditRepository';
import { seededRandom } from '../demo/syntheticPatients';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';
import { DashboardService } from './dashboardService';

const nurse: User = { id: 7, username: 'nina', displayName: 'Nina Nurse', role: 'nurse', createdAt: '', disabledAt: null };
const actor = { name: 'nina' };
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

function vignette(id: string): Findings {
  const v = (vignettes as { id: string; findings: unknown }[]).find((x) => x.id === id);
  return findingsSchema.parse(v?.findings);
}

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
    const p = app.services.patients.create(
      patientInputSchema.parse({ familyName: `Test${i}`, givenNames: 'X', dateOfBirth: '1950-01-01', sex: 'male', clinicIdentifier: `D${seed}-${i}`, diabetesType: 'type2' }),
      actor,
    );
    if (!p.ok) throw new Error(p.error.message);
    patients.push(p.value.id);
    const count = Math.floor(random() * 4);
    for (let k = 0; k < count; k++) {
      const kind = pick(kinds);
      const examinedOn = addDays(today, -Math.floor(random() * 900));
      const draft = app.services.exams.start(p.value.id, 'iwgdf-3', examinedOn, nurse);
      if (!draft.ok) throw new Error(draft.error.message);
      const signed = app.services.exams.sign(draft.value.id, vignette(kind.vignette), nurse);
      if (!signed.ok) throw new Error(signed.error.message);
      let current = signed.value.id;
      let referral = false;
      const addReferral = (examId: number): void => {
        audit.append({ at: `${today}T10:00:00.000Z`, actor: 'nina', action: 'report.create', entity: 'exam', entityId: String(examId), details: { patientId: p.value.id, parts: ['clinician', 'referral'] } });
        referral = true;
      };
      if (random() < 0.4) addReferral(current);
      else if (random() < 0.2) {
        // A report without the letter does not count.
        audit.append({ at: `${today}T10:00:00.000Z`, actor: 'nina', action: 'report.create', entity: 'exam', entityId: String(current), details: { patientId: p.value.id, parts: ['clinician', 'patient'] } });
      }
      let finalKind: Kind = kind;
      if (random() < 0.25) {
        finalKind = pick(kinds);
        const amendment = app.services.exams.amend(current, 'Corrected entry', nurse);
        if (!amendment.ok) throw new Error(amendment.error.message);
        const again = app.services.exams.sign(amendment.value.id, vignette(finalKind.vignette), nurse);
        if (!again.ok) throw new Error(again.error.message);
        current = again.value.id;
        if (random() < 0.3) addReferral(current);
      }
      exams.set(current, { patient: p.value.id, series: signed.value.id, examinedOn, kind: finalKind, referral });
    }
    if (random() < 0.1) {
      app.services.patients.archive(p.value.id, actor);
      archived.add(p.value.id);
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
    const dashboard = new DashboardService(app.db, app.services.clock, app.services.settings);
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
    const r = new DashboardService(app.db, app.services.clock, app.services.settings).figures({ from: '2026-01-01', to: today });
    expect(r.ok && r.value).toMatchObject({ patients: 0, screenings: 0, overdueToday: 0, neverScreened: 0, highRisk: { results: 0, withReferralLetter: 0 } });
  });
});
