import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Findings } from '#shared/domain/findings';
import { worklistRequestSchema, type WorklistRequest } from '#shared/domain/recall';
import { defaultRecallSettings, type RecallSettings } from '#shared/domain/recallSettings';
import { recallCategories, recallDecision, type PossibleIwgdf, type PossibleNice, type RecallBasis } from '#shared/recall/recallRules';
import { seededFindings } from '#shared/clinical/fixtures/findingsArbitrary';
import { addMonths } from '#shared/text/dates';
import { RecallRepository } from '../../db/repositories/recallRepository';
import { addPatient, amendedExam, nurse, nurseActor as actor, signedExam, vignette } from '../../testing/clinic';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';
import type { RecallService } from './recallService';

let app: TestApp;
let recall: RecallService;

function patient(familyName = 'Żak', givenNames = 'Łucja'): number {
  return addPatient(app, { familyName, givenNames, phone: '01632 960001' });
}

function sign(patientId: number, examinedOn: string, findings: Findings): number {
  return signedExam(app, patientId, examinedOn, findings);
}

function amend(examId: number, findings: Findings): number {
  return amendedExam(app, examId, findings);
}

function due(patientId: number): { dueOn: string | null; months: number | null; lastExamId: number | null; reason: string } {
  const r = recall.forPatient(patientId);
  if (!r.ok) throw new Error(r.error.message);
  return { dueOn: r.value.dueOn, months: r.value.months, lastExamId: r.value.lastExamId, reason: r.value.reason };
}

function worklist(request: WorklistRequest) {
  const r = recall.worklist(worklistRequestSchema.parse(request));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

beforeEach(() => {
  // 10:00 UTC: the same calendar day in every time zone from UTC-10 to UTC+13.
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'));
  recall = app.services.recall;
});
afterEach(() => app.dispose());

describe('due date from signed exams', () => {
  it('is the last signed exam date plus the interval of its NICE category', () => {
    const low = patient();
    sign(low, '2026-02-10', vignette('V01'));
    expect(due(low)).toMatchObject({ dueOn: '2027-02-10', months: 12, reason: 'NICE NG19 low risk: every 12 months (clinic setting)' });
    const moderate = patient();
    sign(moderate, '2026-08-31', vignette('V04'));
    expect(due(moderate)).toMatchObject({ dueOn: '2026-11-30', months: 3 });
    const high = patient();
    sign(high, '2026-10-01', vignette('V14'));
    expect(due(high)).toMatchObject({ dueOn: '2026-11-01', months: 1 });
  });

  it('never screened: no due date; a draft or a discarded draft changes nothing', () => {
    const p = patient();
    expect(due(p)).toEqual({ dueOn: null, months: null, lastExamId: null, reason: 'Never screened: no signed foot screening yet.' });
    const draft = app.services.exams.start(p, 'iwgdf-3', '2026-11-20', nurse);
    if (!draft.ok) throw new Error(draft.error.message);
    expect(due(p).dueOn).toBeNull();
    app.services.exams.discard(draft.value.id, nurse);
    expect(due(p).dueOn).toBeNull();
  });

  it('takes the latest examination date, so signing an older exam late does not move the date back', () => {
    const p = patient();
    const recent = sign(p, '2026-10-01', vignette('V01'));
    sign(p, '2025-01-15', vignette('V14'));
    expect(due(p)).toMatchObject({ lastExamId: recent, dueOn: '2027-10-01' });
  });

  it('counts an amended exam once, with the category of its current version', () => {
    const p = patient();
    const first = sign(p, '2026-09-01', vignette('V01'));
    expect(due(p).dueOn).toBe('2027-09-01');
    const second = amend(first, vignette('V04'));
    expect(due(p)).toMatchObject({ lastExamId: second, dueOn: '2026-12-01', months: 3 });
    const rows = app.db.prepare('SELECT state FROM exam WHERE patient_id = ? ORDER BY id').all(p);
    expect(rows).toEqual([{ state: 'superseded' }, { state: 'signed' }]);
    // An open amendment draft leaves the signed version counting.
    const draft = app.services.exams.amend(second, 'Checking the pulses again', nurse);
    expect(draft.ok).toBe(true);
    expect(due(p)).toMatchObject({ lastExamId: second, dueOn: '2026-12-01' });
  });

  it('amending an older exam leaves the recall on the latest one', () => {
    const p = patient();
    const older = sign(p, '2025-06-01', vignette('V01'));
    const latest = sign(p, '2026-06-01', vignette('V04'));
    amend(older, vignette('V14'));
    expect(due(p)).toMatchObject({ lastExamId: latest, dueOn: '2026-09-01' });
  });

  it('a declined exam counts as contact and recalls after the incomplete interval', () => {
    const p = patient();
    sign(p, '2025-12-01', vignette('V01'));
    const declined: Findings = { ...vignette('V01'), examStatus: 'declined', examStatusReason: 'No time today' };
    sign(p, '2026-11-02', declined);
    expect(due(p)).toMatchObject({ dueOn: '2026-12-02', months: 1, reason: 'Examination declined: screen again after 1 month (clinic setting for incomplete screens)' });
  });

  it('active disease is due on the exam date itself: referral, not recall', () => {
    const p = patient();
    sign(p, '2026-11-20', vignette('V21'));
    expect(due(p)).toMatchObject({ dueOn: '2026-11-20', months: 0 });
  });

  it('follows new intervals at once, for every patient, with an audit entry', () => {
    const p = patient();
    sign(p, '2026-02-10', vignette('V01'));
    const q = patient();
    sign(q, '2026-02-10', vignette('V14'));
    const clinic: RecallSettings = { ...defaultRecallSettings, guideline: 'iwgdf', iwgdfMonths: { '0': 24, '1': 6, '2': 3, '3': 2 } };
    expect(app.services.settings.updateRecall(clinic, actor).ok).toBe(true);
    expect(due(p)).toMatchObject({ dueOn: '2028-02-10', reason: 'IWGDF 2023 category 0: every 24 months (clinic setting)' });
    expect(due(q)).toMatchObject({ dueOn: '2026-04-10' });
    const audit = app.db.prepare("SELECT entity_id, details FROM audit_log WHERE action = 'settings.update'").all() as { entity_id: string; details: string }[];
    expect(audit.map((a) => [a.entity_id, JSON.parse(a.details)])).toEqual([['recall', { fields: ['guideline', 'iwgdfMonths'], patientsRecalculated: 2 }]]);
    // Booking text alone changes no date.
    app.services.settings.updateRecall({ ...clinic, bookingText: 'Phone 01632 960000' }, actor);
    expect(app.services.settings.recall().bookingText).toBe('Phone 01632 960000');
  });

  it('SQL and the shared rules agree for every category, status, guideline and month end', () => {
    const repo = new RecallRepository(app.db);
    const p = patient();
    const examId = sign(p, '2026-01-01', vignette('V01'));
    const statuses = ['performed', 'declined', 'unsuitable'] as const;
    const dates = ['2026-01-31', '2026-02-28', '2024-02-29', '2026-12-31', '2026-03-15'];
    // What an incomplete result could be, cycled through the cases (as the assessment lists them: IWGDF as numbers).
    const possibleNiceSets: PossibleNice[][] = [['low', 'moderate'], ['moderate', 'high'], ['low', 'high'], [], ['low', 'active']];
    const possibleIwgdfSets: PossibleIwgdf[][] = [['0', '3'], ['1', '2'], ['0', '1'], ['2', '3'], [], ['0', 'urgent']];
    const cases: RecallBasis[] = [];
    for (const nice of recallCategories.nice)
      for (const iwgdf of recallCategories.iwgdf)
        for (const examStatus of statuses)
          for (const examinedOn of dates) {
            const n = cases.length;
            const possibleNice = nice === 'incomplete' ? (possibleNiceSets[n % possibleNiceSets.length] ?? []) : [];
            const possibleIwgdf = iwgdf === 'incomplete' ? (possibleIwgdfSets[n % possibleIwgdfSets.length] ?? []) : [];
            cases.push({ examinedOn, examStatus, iwgdf, nice, possibleNice, possibleIwgdf });
          }
    const insert = app.db.prepare(
      `INSERT INTO patient (clinic_identifier, clinic_identifier_folded, family_name, given_names, sort_name, date_of_birth, sex, diabetes_type,
         created_at, updated_at, recall_exam_id, recall_examined_on, recall_exam_status, recall_iwgdf, recall_nice, recall_iwgdf_possible, recall_nice_possible)
       VALUES (@id, @id, 'Case', 'X', 'case x', '1950-01-01', 'male', 'type2', 'now', 'now', @examId, @examinedOn, @examStatus, @iwgdf, @nice, @iwgdfPossible, @nicePossible)`,
    );
    const ids = cases.map((c, i) =>
      Number(
        insert.run({
          examinedOn: c.examinedOn,
          examStatus: c.examStatus,
          iwgdf: c.iwgdf,
          nice: c.nice,
          iwgdfPossible: JSON.stringify(c.possibleIwgdf.map((v) => (v === 'urgent' ? v : Number(v)))),
          nicePossible: JSON.stringify(c.possibleNice),
          id: `CASE-${i}`,
          examId,
        }).lastInsertRowid,
      ),
    );
    const settingsList: RecallSettings[] = [
      defaultRecallSettings,
      { ...defaultRecallSettings, guideline: 'iwgdf' },
      { guideline: 'nice', niceMonths: { low: 24, moderate: 5, high: 2 }, iwgdfMonths: { '0': 18, '1': 9, '2': 4, '3': 2 }, incompleteMonths: 3, bookingText: '' },
      { guideline: 'iwgdf', niceMonths: { low: 24, moderate: 5, high: 2 }, iwgdfMonths: { '0': 18, '1': 9, '2': 4, '3': 2 }, incompleteMonths: 3, bookingText: '' },
      { guideline: 'nice', niceMonths: { low: 24, moderate: 5, high: 2 }, iwgdfMonths: { '0': 18, '1': 9, '2': 4, '3': 2 }, incompleteMonths: 12, bookingText: '' },
      { guideline: 'iwgdf', niceMonths: { low: 24, moderate: 5, high: 2 }, iwgdfMonths: { '0': 18, '1': 9, '2': 7, '3': 8 }, incompleteMonths: 12, bookingText: '' },
    ];
    const read = app.db.prepare<[number], { recall_due_on: string | null; recall_months: number | null }>('SELECT recall_due_on, recall_months FROM patient WHERE id = ?');
    for (const settings of settingsList) {
      repo.refreshAllDueDates(settings);
      cases.forEach((c, i) => {
        const decision = recallDecision(c, settings);
        const stored = read.get(ids[i] ?? 0);
        expect(decision.kind).not.toBe('never-screened');
        if (decision.kind === 'never-screened') return;
        expect({ case: c, due: stored?.recall_due_on, months: stored?.recall_months }).toEqual({ case: c, due: decision.dueOn, months: decision.months });
      });
    }
    expect(cases.length).toBe(5 * 6 * 3 * 5);
  });

  it('SQL and the shared rules agree for real signed exams, complete and incomplete, under several clinic intervals', () => {
    const findings = seededFindings(20261125, 120);
    const dates = ['2026-01-31', '2025-11-30', '2024-02-29', '2026-08-15'];
    const signed = findings.map((f, i) => {
      const p = addPatient(app, { familyName: `Seeded${String(i).padStart(3, '0')}`, givenNames: 'Case', clinicIdentifier: `SEED-${i}` });
      const examinedOn = dates[i % dates.length] ?? '2026-01-01';
      const id = sign(p, examinedOn, f);
      const exam = app.services.exams.get(id);
      if (!exam.ok || exam.value.assessment === null) throw new Error('not signed');
      const a = exam.value.assessment;
      // The basis taken from the signed record itself, not from the recall columns.
      const basis: RecallBasis = {
        examinedOn,
        examStatus: exam.value.findings.examStatus ?? 'performed',
        iwgdf: String(a.iwgdf2023.category) as RecallBasis['iwgdf'],
        nice: a.nice.category,
        possibleIwgdf: a.iwgdf2023.possibleCategories.map((c) => String(c) as PossibleIwgdf),
        possibleNice: [...a.nice.possibleCategories],
      };
      return { patientId: p, basis };
    });
    const incomplete = signed.filter((s) => s.basis.examStatus === 'performed' && (s.basis.nice === 'incomplete' || s.basis.iwgdf === 'incomplete'));
    // The generator gives both kinds, so the comparison covers both.
    expect(incomplete.length).toBeGreaterThan(10);
    expect(signed.length - incomplete.length).toBeGreaterThan(10);
    const settingsList: RecallSettings[] = [
      defaultRecallSettings,
      { ...defaultRecallSettings, incompleteMonths: 12 },
      { guideline: 'iwgdf', niceMonths: { low: 24, moderate: 5, high: 2 }, iwgdfMonths: { '0': 18, '1': 9, '2': 4, '3': 2 }, incompleteMonths: 6, bookingText: '' },
      { guideline: 'nice', niceMonths: { low: 18, moderate: 4, high: 2 }, iwgdfMonths: { '0': 12, '1': 6, '2': 3, '3': 1 }, incompleteMonths: 3, bookingText: '' },
    ];
    const read = app.db.prepare<[number], { recall_due_on: string | null; recall_months: number | null }>('SELECT recall_due_on, recall_months FROM patient WHERE id = ?');
    let shortened = 0;
    for (const settings of settingsList) {
      app.services.settings.updateRecall(settings, actor);
      for (const { patientId, basis } of signed) {
        const decision = recallDecision(basis, settings);
        if (decision.kind === 'never-screened') throw new Error('signed exam without a due date');
        const stored = read.get(patientId);
        expect({ basis, due: stored?.recall_due_on, months: stored?.recall_months }).toEqual({ basis, due: decision.dueOn, months: decision.months });
        if (decision.kind === 'interval' && decision.months < settings.incompleteMonths && (settings.guideline === 'nice' ? basis.nice : basis.iwgdf) === 'incomplete') shortened++;
      }
    }
    // Some incomplete results were recalled before the clinic's incomplete interval, from what they could be.
    expect(shortened).toBeGreaterThan(0);
  });

  it('recalls an incomplete exam after the shortest interval of the categories it could be, when the incomplete interval is longer', () => {
    app.services.settings.updateRecall({ ...defaultRecallSettings, incompleteMonths: 6 }, actor);
    const p = patient();
    const examId = sign(p, '2026-03-12', vignette('V27'));
    const exam = app.services.exams.get(examId);
    if (!exam.ok || exam.value.assessment === null) throw new Error('not signed');
    expect(exam.value.assessment.nice.category).toBe('incomplete');
    const possible = exam.value.assessment.nice.possibleCategories;
    const months = Math.min(6, ...possible.map((c) => (c === 'active' ? 6 : defaultRecallSettings.niceMonths[c])));
    expect(months).toBeLessThan(6);
    expect(due(p)).toMatchObject({ months, dueOn: addMonths('2026-03-12', months) });
    expect(due(p).reason).toMatch(/^NICE NG19 category incomplete \(could be .+\): screen again after \d+ months?, the shortest interval of the categories it could be/);
  });
});

describe('worklist', () => {
  function clinic(): Record<string, number> {
    const ids: Record<string, number> = {};
    ids.overdueLow = patient('Adams', 'Anna');
    sign(ids.overdueLow, '2025-06-01', vignette('V01')); // due 2026-06-01
    ids.overdueHigh = patient('Brown', 'Bea');
    sign(ids.overdueHigh, '2026-09-15', vignette('V14')); // due 2026-10-15
    ids.dueSoon = patient('Clark', 'Cai');
    sign(ids.dueSoon, '2026-09-05', vignette('V04')); // due 2026-12-05
    ids.later = patient('Davies', 'Dee');
    sign(ids.later, '2026-11-01', vignette('V01')); // due 2027-11-01
    ids.never = patient('Evans', 'Eve');
    ids.neverToo = patient('Öztürk', 'Jürgen');
    ids.archived = patient('Ford', 'Fay');
    sign(ids.archived, '2024-01-01', vignette('V01'));
    app.services.patients.archive(ids.archived, actor);
    ids.archivedNever = patient('Gray', 'Gus');
    app.services.patients.archive(ids.archivedNever, actor);
    return ids;
  }

  it('splits patients into overdue, due in the next N days and never screened; archived patients are left out', () => {
    const ids = clinic();
    const overdue = worklist({ view: 'overdue' });
    expect(overdue.today).toBe('2026-11-25');
    expect(overdue.items.map((i) => i.patientId)).toEqual([ids.overdueLow, ids.overdueHigh]);
    expect(overdue.counts).toEqual({ overdue: 2, dueSoon: 1, neverScreened: 2 });
    expect(worklist({ view: 'due-soon', withinDays: 30 }).items.map((i) => i.patientId)).toEqual([ids.dueSoon]);
    expect(worklist({ view: 'due-soon', withinDays: 5 }).counts.dueSoon).toBe(0);
    expect(worklist({ view: 'due-soon', withinDays: 365 }).items.map((i) => i.patientId)).toEqual([ids.dueSoon, ids.later]);
    expect(worklist({ view: 'never-screened' }).items.map((i) => i.familyName)).toEqual(['Evans', 'Öztürk']);
    expect(overdue.items[1]).toMatchObject({ niceCategory: 'high', iwgdfCategory: '3', dueOn: '2026-10-15', months: 1, phone: '01632 960001', lastContact: null });
  });

  it('filters by category of the recall guideline, searches by name or identifier, sorts by name', () => {
    const ids = clinic();
    expect(worklist({ view: 'overdue', category: 'high' }).items.map((i) => i.patientId)).toEqual([ids.overdueHigh]);
    expect(worklist({ view: 'overdue', category: 'high' }).counts).toEqual({ overdue: 1, dueSoon: 0, neverScreened: 2 });
    expect(worklist({ view: 'overdue', search: 'bro' }).items.map((i) => i.patientId)).toEqual([ids.overdueHigh]);
    expect(worklist({ view: 'never-screened', search: 'ozt jur' }).items.map((i) => i.patientId)).toEqual([ids.neverToo]);
    expect(worklist({ view: 'never-screened', search: 'ozt anna' }).items).toEqual([]);
    const byId = worklist({ view: 'overdue', search: app.db.prepare<[number], { c: string }>('SELECT clinic_identifier AS c FROM patient WHERE id = ?').get(ids.overdueHigh ?? 0)?.c ?? '' });
    expect(byId.items.map((i) => i.patientId)).toEqual([ids.overdueHigh]);
    expect(worklist({ view: 'overdue', sort: 'name' }).items.map((i) => i.familyName)).toEqual(['Adams', 'Brown']);
    app.services.settings.updateRecall({ ...defaultRecallSettings, guideline: 'iwgdf' }, actor);
    expect(worklist({ view: 'overdue', category: '3' }).items.map((i) => i.patientId)).toEqual([ids.overdueHigh]);
  });

  it('pages with a keyset cursor, without gaps or repeats', () => {
    for (let i = 0; i < 25; i++) sign(patient(`P${String(i).padStart(2, '0')}`, 'X'), `2025-0${(i % 9) + 1}-1${i % 10}`, vignette('V01'));
    for (const sort of ['due', 'name'] as const) {
      const seen: number[] = [];
      let cursor: string | null = null;
      do {
        const page = worklist({ view: 'overdue', sort, limit: 7, cursor });
        seen.push(...page.items.map((i) => i.patientId));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(new Set(seen).size).toBe(25);
      expect(seen).toHaveLength(25);
    }
    expect(recall.worklist(worklistRequestSchema.parse({ view: 'overdue', cursor: '{nope' }))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('records contact attempts with an audit entry, and shows the last one and the count since the exam', () => {
    const ids = clinic();
    const p = ids.overdueLow ?? 0;
    const first = recall.recordContact({ patientId: p, kind: 'no_answer', contactedOn: '2026-11-20', note: null }, actor);
    expect(first.ok).toBe(true);
    recall.recordContact({ patientId: p, kind: 'phoned', contactedOn: '2026-11-24', note: 'Will ring back to book' }, actor);
    recall.recordContact({ patientId: p, kind: 'letter', contactedOn: '2025-05-01', note: null }, actor);
    const row = worklist({ view: 'overdue' }).items.find((i) => i.patientId === p);
    expect(row).toMatchObject({ lastContact: { contactedOn: '2026-11-24', kind: 'phoned' }, contactsSinceExam: 2 });
    const mine = recall.forPatient(p);
    expect(mine.ok && mine.value.contacts.map((c) => [c.contactedOn, c.kind, c.note, c.recordedBy])).toEqual([
      ['2026-11-24', 'phoned', 'Will ring back to book', 'nina'],
      ['2026-11-20', 'no_answer', null, 'nina'],
      ['2025-05-01', 'letter', null, 'nina'],
    ]);
    const future = recall.recordContact({ patientId: p, kind: 'phoned', contactedOn: '2026-11-26', note: null }, actor);
    expect(future).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(recall.recordContact({ patientId: 9999, kind: 'phoned', contactedOn: '2026-11-20', note: null }, actor)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const audit = app.db.prepare("SELECT entity_id, details FROM audit_log WHERE action = 'contact.record' ORDER BY id").all() as { entity_id: string; details: string }[];
    expect(audit).toHaveLength(3);
    expect(audit[1]?.entity_id).toBe(String(p));
    // The note itself stays in the record, not in the audit log.
    expect(audit[1]?.details).not.toContain('ring back');
  });

  it('reads counts from the indexes alone', () => {
    const plan = (sql: string): string =>
      (app.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ guideline: 'nice', category: null, search: '', searchHi: '', w1: '', w1Hi: '', w2: '', w2Hi: '', dueFrom: '', dueBefore: '2026-11-25' }) as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
    expect(plan("SELECT count(*) FROM patient p WHERE p.archived_at IS NULL AND p.recall_due_on IS NOT NULL AND p.recall_due_on >= @dueFrom AND p.recall_due_on < @dueBefore AND (@category IS NULL OR (CASE WHEN @guideline = 'nice' THEN p.recall_nice ELSE p.recall_iwgdf END) = @category)")).toMatch(/COVERING INDEX patient_recall_due/);
    expect(plan('SELECT count(*) FROM patient p WHERE p.archived_at IS NULL AND p.recall_exam_id IS NULL')).toMatch(/COVERING INDEX patient_never_screened/);
  });
});
