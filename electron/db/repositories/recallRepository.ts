import type { ContactKind } from '#shared/domain/recall';
import type { RecallSettings } from '#shared/domain/recallSettings';
import type { Db } from '../types';

/**
 * Each patient's current recall (columns on `patient`, migrations 004 and 007) and contact attempts.
 *
 * The due date is computed here, in SQL, from the clinic's intervals, by the same rules as
 * shared/recall/recallRules.ts (a test compares the two for every case). It is stored rather than
 * computed per query so that "overdue" and "due in the next N days" are ranges on one index,
 * already in due-date order, whatever the number of patients.
 */

/** The intervals as SQL parameters. */
export interface RecallParams {
  guideline: string;
  niceLow: number;
  niceModerate: number;
  niceHigh: number;
  iwgdf0: number;
  iwgdf1: number;
  iwgdf2: number;
  iwgdf3: number;
  incomplete: number;
}

export function recallParams(settings: RecallSettings): RecallParams {
  return {
    guideline: settings.guideline,
    niceLow: settings.niceMonths.low,
    niceModerate: settings.niceMonths.moderate,
    niceHigh: settings.niceMonths.high,
    iwgdf0: settings.iwgdfMonths['0'],
    iwgdf1: settings.iwgdfMonths['1'],
    iwgdf2: settings.iwgdfMonths['2'],
    iwgdf3: settings.iwgdfMonths['3'],
    incomplete: settings.incompleteMonths,
  };
}

/** The last signed examination: current signed versions only, latest examination date, then latest id. */
const basisSql = `UPDATE patient SET (recall_exam_id, recall_examined_on, recall_exam_status, recall_iwgdf, recall_nice, recall_iwgdf_possible, recall_nice_possible) = (
    SELECT e.id, e.examined_on, e.exam_status, e.iwgdf_category, e.nice_category,
      json_extract(e.assessment_json, '$.iwgdf2023.possibleCategories'), json_extract(e.assessment_json, '$.nice.possibleCategories')
    FROM exam e
    WHERE e.patient_id = patient.id AND e.state = 'signed' AND e.examined_on IS NOT NULL
    ORDER BY e.examined_on DESC, e.id DESC LIMIT 1)`;

/** Months of a NICE category (a column, or `value` of json_each); NULL for incomplete, `active` for active disease. */
const niceMonthsOf = (c: string, active: string): string =>
  `CASE ${c} WHEN 'low' THEN @niceLow WHEN 'moderate' THEN @niceModerate WHEN 'high' THEN @niceHigh WHEN 'active' THEN ${active} END`;
/** Months of an IWGDF category; the assessment lists them as numbers, the exam columns as text. */
const iwgdfMonthsOf = (c: string, urgent: string): string =>
  `CASE CAST(${c} AS TEXT) WHEN '0' THEN @iwgdf0 WHEN '1' THEN @iwgdf1 WHEN '2' THEN @iwgdf2 WHEN '3' THEN @iwgdf3 WHEN 'urgent' THEN ${urgent} END`;

/**
 * Interval in months: 0 for active disease (due at once), the incomplete interval for
 * declined/unsuitable. An incomplete category takes the shortest interval of the categories it
 * could be (the possible categories the exam's assessment lists), or the incomplete interval when
 * that is shorter: the earlier date wins. One that could be active disease is due at once (0).
 */
export const recallMonthsSql = `CASE
    WHEN recall_exam_id IS NULL THEN NULL
    WHEN recall_nice = 'active' OR recall_iwgdf = 'urgent' THEN 0
    WHEN recall_exam_status <> 'performed' THEN @incomplete
    WHEN @guideline = 'nice' THEN COALESCE(${niceMonthsOf('recall_nice', 'NULL')},
      min(@incomplete, COALESCE((SELECT min(${niceMonthsOf('value', '0')}) FROM json_each(recall_nice_possible)), @incomplete)))
    ELSE COALESCE(${iwgdfMonthsOf('recall_iwgdf', 'NULL')},
      min(@incomplete, COALESCE((SELECT min(${iwgdfMonthsOf('value', '0')}) FROM json_each(recall_iwgdf_possible)), @incomplete)))
  END`;

/** Calendar months, clamped to the month's last day ('floor': 31 Jan + 1 month = 28/29 Feb), as addMonths does. */
export const recallDueSql = `CASE
    WHEN recall_months IS NULL THEN NULL
    WHEN recall_months = 0 THEN recall_examined_on
    ELSE date(recall_examined_on, '+' || recall_months || ' months', 'floor')
  END`;

export interface PatientRecallRow {
  recall_exam_id: number | null;
  recall_examined_on: string | null;
  recall_exam_status: string | null;
  recall_iwgdf: string | null;
  recall_nice: string | null;
  /** JSON arrays of the categories an incomplete result could be (from the exam's assessment). */
  recall_iwgdf_possible: string | null;
  recall_nice_possible: string | null;
  recall_months: number | null;
  recall_due_on: string | null;
}

export interface WorklistRow extends PatientRecallRow {
  id: number;
  family_name: string;
  given_names: string;
  date_of_birth: string;
  clinic_identifier: string;
  phone: string | null;
  sort_name: string;
  last_contact: string | null;
  contacts_since_exam: number;
}

export interface ContactRow {
  id: number;
  patient_id: number;
  contacted_on: string;
  kind: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** Filters shared by a worklist page and its counts. `search*` empty = not used. */
export interface WorklistFilter {
  guideline: string;
  category: string | null;
  search: string;
  searchHi: string;
  w1: string;
  w1Hi: string;
  w2: string;
  w2Hi: string;
}

export interface WorklistPageParams extends WorklistFilter {
  /** Due-date range [dueFrom, dueBefore) for the overdue and due-soon views. */
  dueFrom: string;
  dueBefore: string;
  afterKey: string;
  afterId: number;
  limit: number;
}

/** Extra words of a worklist search besides the driving one (statement has fixed slots). */
export const maxExtraWorklistWords = 2;

const itemColumns = `p.id, p.family_name, p.given_names, p.date_of_birth, p.clinic_identifier, p.phone, p.sort_name,
  p.recall_exam_id, p.recall_examined_on, p.recall_exam_status, p.recall_iwgdf, p.recall_nice, p.recall_iwgdf_possible, p.recall_nice_possible,
  p.recall_months, p.recall_due_on,
  (SELECT c.contacted_on || ' ' || c.kind FROM recall_contact c WHERE c.patient_id = p.id ORDER BY c.contacted_on DESC, c.id DESC LIMIT 1) AS last_contact,
  (SELECT count(*) FROM recall_contact c WHERE c.patient_id = p.id AND c.contacted_on >= COALESCE(p.recall_examined_on, '0000-00-00')) AS contacts_since_exam`;

const categoryFilter = `(@category IS NULL OR (CASE WHEN @guideline = 'nice' THEN p.recall_nice ELSE p.recall_iwgdf END) = @category)`;
// The driving word is a range on the search-term primary key, evaluated once into a set.
const searchFilter = `(@search = '' OR p.id IN (SELECT patient_id FROM patient_search_term WHERE term >= @search AND term < @searchHi))
  AND (@w1 = '' OR EXISTS (SELECT 1 FROM patient_search_term t WHERE t.patient_id = p.id AND t.term >= @w1 AND t.term < @w1Hi))
  AND (@w2 = '' OR EXISTS (SELECT 1 FROM patient_search_term t WHERE t.patient_id = p.id AND t.term >= @w2 AND t.term < @w2Hi))`;
const dueRange = `p.archived_at IS NULL AND p.recall_due_on IS NOT NULL AND p.recall_due_on >= @dueFrom AND p.recall_due_on < @dueBefore`;
const neverScreened = `p.archived_at IS NULL AND p.recall_exam_id IS NULL`;

/** The raw worklist statements, exported for the bench's baseline. */
export const worklistSql = {
  byDue: `SELECT ${itemColumns} FROM patient p
    WHERE ${dueRange} AND ${categoryFilter} AND ${searchFilter} AND (p.recall_due_on, p.id) > (@afterKey, @afterId)
    ORDER BY p.recall_due_on, p.id LIMIT @limit`,
  byName: `SELECT ${itemColumns} FROM patient p
    WHERE ${dueRange} AND ${categoryFilter} AND ${searchFilter} AND (p.sort_name, p.id) > (@afterKey, @afterId)
    ORDER BY p.sort_name, p.id LIMIT @limit`,
  neverScreened: `SELECT ${itemColumns} FROM patient p
    WHERE ${neverScreened} AND ${searchFilter} AND (p.sort_name, p.id) > (@afterKey, @afterId)
    ORDER BY p.sort_name, p.id LIMIT @limit`,
  countDue: `SELECT count(*) AS n FROM patient p WHERE ${dueRange} AND ${categoryFilter} AND ${searchFilter}`,
  countNeverScreened: `SELECT count(*) AS n FROM patient p WHERE ${neverScreened} AND ${searchFilter}`,
};

export interface NewContact {
  patientId: number;
  contactedOn: string;
  kind: ContactKind;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** Raw SQL, prepared once. */
export class RecallRepository {
  private readonly basisOneStmt;
  private readonly basisAllStmt;
  private readonly clearStaleStmt;
  private readonly monthsOneStmt;
  private readonly dueOneStmt;
  private readonly monthsAllStmt;
  private readonly dueAllStmt;
  private readonly ofPatientStmt;
  private readonly byDueStmt;
  private readonly byNameStmt;
  private readonly neverScreenedStmt;
  private readonly countDueStmt;
  private readonly countNeverStmt;
  private readonly insertContactStmt;
  private readonly contactsStmt;
  private readonly contactByIdStmt;

  constructor(db: Db) {
    this.basisOneStmt = db.prepare<[{ patientId: number }]>(`${basisSql} WHERE id = @patientId`);
    this.basisAllStmt = db.prepare<[]>(basisSql);
    this.clearStaleStmt = db.prepare<[]>('UPDATE patient SET recall_months = NULL, recall_due_on = NULL WHERE recall_exam_id IS NULL AND recall_months IS NOT NULL');
    this.monthsOneStmt = db.prepare<[RecallParams & { patientId: number }]>(`UPDATE patient SET recall_months = ${recallMonthsSql} WHERE id = @patientId`);
    this.dueOneStmt = db.prepare<[RecallParams & { patientId: number }]>(`UPDATE patient SET recall_due_on = ${recallDueSql} WHERE id = @patientId`);
    this.monthsAllStmt = db.prepare<[RecallParams]>(`UPDATE patient SET recall_months = ${recallMonthsSql} WHERE recall_exam_id IS NOT NULL`);
    this.dueAllStmt = db.prepare<[RecallParams]>(`UPDATE patient SET recall_due_on = ${recallDueSql} WHERE recall_exam_id IS NOT NULL`);
    this.ofPatientStmt = db.prepare<[number], PatientRecallRow>(
      `SELECT recall_exam_id, recall_examined_on, recall_exam_status, recall_iwgdf, recall_nice, recall_iwgdf_possible, recall_nice_possible,
        recall_months, recall_due_on FROM patient WHERE id = ?`,
    );
    this.byDueStmt = db.prepare<[WorklistPageParams], WorklistRow>(worklistSql.byDue);
    this.byNameStmt = db.prepare<[WorklistPageParams], WorklistRow>(worklistSql.byName);
    this.neverScreenedStmt = db.prepare<[WorklistPageParams], WorklistRow>(worklistSql.neverScreened);
    this.countDueStmt = db.prepare<[WorklistFilter & { dueFrom: string; dueBefore: string }], { n: number }>(worklistSql.countDue);
    this.countNeverStmt = db.prepare<[WorklistFilter], { n: number }>(worklistSql.countNeverScreened);
    this.insertContactStmt = db.prepare<[NewContact]>(
      `INSERT INTO recall_contact (patient_id, contacted_on, kind, note, recorded_by, recorded_at)
       VALUES (@patientId, @contactedOn, @kind, @note, @recordedBy, @recordedAt)`,
    );
    this.contactsStmt = db.prepare<[number, number], ContactRow>(
      'SELECT * FROM recall_contact WHERE patient_id = ? ORDER BY contacted_on DESC, id DESC LIMIT ?',
    );
    this.contactByIdStmt = db.prepare<[number], ContactRow>('SELECT * FROM recall_contact WHERE id = ?');
  }

  /**
   * Recomputes one patient's recall from their examinations: call in the transaction of every
   * sign-off (an amendment may change the category of any of the patient's exams).
   */
  refreshPatient(patientId: number, settings: RecallSettings): void {
    this.basisOneStmt.run({ patientId });
    const params = { ...recallParams(settings), patientId };
    this.monthsOneStmt.run(params);
    this.dueOneStmt.run(params);
  }

  /** Recomputes every patient's recall from the exams (data loaded outside the app: the bench, repairs). */
  refreshAll(settings: RecallSettings): void {
    this.basisAllStmt.run();
    this.clearStaleStmt.run();
    this.refreshAllDueDates(settings);
  }

  /** Recomputes every due date after the intervals changed (the last exams themselves did not). */
  refreshAllDueDates(settings: RecallSettings): number {
    const params = recallParams(settings);
    this.monthsAllStmt.run(params);
    return this.dueAllStmt.run(params).changes;
  }

  ofPatient(patientId: number): PatientRecallRow | null {
    return this.ofPatientStmt.get(patientId) ?? null;
  }

  pageByDue(params: WorklistPageParams): WorklistRow[] {
    return this.byDueStmt.all(params);
  }

  pageByName(params: WorklistPageParams): WorklistRow[] {
    return this.byNameStmt.all(params);
  }

  pageNeverScreened(params: WorklistPageParams): WorklistRow[] {
    return this.neverScreenedStmt.all(params);
  }

  countDue(filter: WorklistFilter, dueFrom: string, dueBefore: string): number {
    return this.countDueStmt.get({ ...filter, dueFrom, dueBefore })?.n ?? 0;
  }

  countNeverScreened(filter: WorklistFilter): number {
    return this.countNeverStmt.get(filter)?.n ?? 0;
  }

  insertContact(contact: NewContact): ContactRow {
    const id = Number(this.insertContactStmt.run(contact).lastInsertRowid);
    const row = this.contactByIdStmt.get(id);
    if (!row) throw new Error('contact not stored');
    return row;
  }

  contactsOf(patientId: number, limit: number): ContactRow[] {
    return this.contactsStmt.all(patientId, limit);
  }
}
