import type { Db } from '../types';
import type { PatientRow } from './patientRepository';

/**
 * Reads for the CSV export in keyset pages (`id > ?` on the primary key, a fixed number
 * of rows), so an export of 500,000 examinations never holds more than one page, and other
 * requests are answered between pages. Every page is bounded by the highest id at the start, so
 * rows written during a long export do not slip into its later pages.
 */

/** A patient as exported: the record without its last change time, and the stored recall. */
export type PatientExportRow = Omit<PatientRow, 'updated_at'> & {
  recall_exam_id: number | null;
  recall_examined_on: string | null;
  recall_nice: string | null;
  recall_iwgdf: string | null;
  recall_months: number | null;
  recall_due_on: string | null;
};

export interface ExamExportRow {
  id: number;
  series_id: number;
  version: number;
  state: string;
  patient_id: number;
  clinic_identifier: string;
  examined_on: string | null;
  exam_status: string;
  protocol: string;
  signed_at: string | null;
  signed_by: string | null;
  signed_by_name: string | null;
  amendment_reason: string | null;
  lops: string | null;
  pad: string | null;
  red_flag: number | null;
  iwgdf_category: string | null;
  nice_category: string | null;
}

export interface FootExportRow {
  exam_id: number;
  side: string;
  status: string;
  status_reason: string | null;
  lops: string | null;
  pad: string | null;
  vibration_method: string | null;
  vibration_result: string | null;
  vpt_voltage: number | null;
  dorsalis_pedis: string | null;
  posterior_tibial: string | null;
  abi: number | null;
  tbi: number | null;
  active_ulcer: number | null;
  infection: number | null;
  gangrene: number | null;
  callus: number | null;
  fissures: number | null;
  deformity_present: number | null;
  deformity_types: string | null;
  active_charcot: number | null;
  critical_ischaemia: number | null;
  sites_tested: number | null;
  sites_insensate: number | null;
}

/** The stored findings of an exam, for the columns read from them. */
export interface FindingsExportRow {
  exam_id: number;
  findings_json: string;
}

export interface SiteExportRow {
  exam_id: number;
  side: string;
  test: string;
  site_key: string;
  result: string;
  not_tested_reason: string | null;
}

export interface AssessmentExportRow extends ExamExportRow {
  iwgdf_rule_set: string | null;
  nice_rule_set: string | null;
  engine_version: string | null;
  iwgdf_reasons: string | null;
  nice_reasons: string | null;
  warnings: string | null;
  mnsi_total: number | null;
  nds_total: number | null;
}

export interface ExamPageParams {
  afterId: number;
  maxId: number;
  from: string;
  to: string;
  limit: number;
}

const examColumns = `e.id, e.series_id, e.version, e.state, e.patient_id, p.clinic_identifier, e.examined_on, e.exam_status, e.protocol,
  e.signed_at, e.signed_by, e.signed_by_name, e.amendment_reason, e.lops, e.pad, e.red_flag, e.iwgdf_category, e.nice_category`;
/**
 * Signed examinations and the versions amendments replaced; drafts and discarded drafts are not
 * records yet. The unary `+` keeps the planner on the primary key (a range of ids, in order): with
 * an index on state or date it would gather and sort every matching exam for each page.
 */
const examWhere = `e.id > @afterId AND e.id <= @maxId AND +e.state IN ('signed', 'superseded')
  AND +e.examined_on >= @from AND +e.examined_on <= @to`;

export class ExportRepository {
  private readonly maxPatientStmt;
  private readonly maxExamStmt;
  private readonly countPatientsStmt;
  private readonly countExamsStmt;
  private readonly patientsStmt;
  private readonly examsStmt;
  private readonly feetStmt;
  private readonly sitesStmt;
  private readonly findingsStmt;
  private readonly assessmentsStmt;

  constructor(db: Db) {
    this.maxPatientStmt = db.prepare<[], { n: number | null }>('SELECT max(id) AS n FROM patient');
    this.maxExamStmt = db.prepare<[], { n: number | null }>('SELECT max(id) AS n FROM exam');
    this.countPatientsStmt = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM patient WHERE id <= ?');
    this.countExamsStmt = db.prepare<[Omit<ExamPageParams, 'limit'>], { n: number }>(`SELECT count(*) AS n FROM exam e WHERE ${examWhere}`);
    this.patientsStmt = db.prepare<[{ afterId: number; maxId: number; limit: number }], PatientExportRow>(
      `SELECT id, clinic_identifier, family_name, given_names, date_of_birth, sex, national_number, diabetes_type, diagnosis_year, phone,
              preferred_language, notes, created_at, archived_at, recall_exam_id, recall_examined_on, recall_nice, recall_iwgdf, recall_months, recall_due_on,
              title, address_line1, address_line2, address_line3, town, postcode, mobile_phone, email, gp_practice, gp_practice_code,
              interpreter_needed, relevant_conditions, medicines
       FROM patient WHERE id > @afterId AND id <= @maxId ORDER BY id LIMIT @limit`,
    );
    this.examsStmt = db.prepare<[ExamPageParams], ExamExportRow>(
      `SELECT ${examColumns} FROM exam e JOIN patient p ON p.id = e.patient_id WHERE ${examWhere} ORDER BY e.id LIMIT @limit`,
    );
    this.feetStmt = db.prepare<[number, number], FootExportRow>('SELECT * FROM exam_foot WHERE exam_id BETWEEN ? AND ?');
    this.findingsStmt = db.prepare<[number, number], FindingsExportRow>('SELECT id AS exam_id, findings_json FROM exam WHERE id BETWEEN ? AND ?');
    this.sitesStmt = db.prepare<[number, number], SiteExportRow>(
      'SELECT exam_id, side, test, site_key, result, not_tested_reason FROM exam_site_result WHERE exam_id BETWEEN ? AND ?',
    );
    // Reasons and warnings come out of the stored assessment with SQLite's JSON functions, in C,
    // rather than parsing each assessment in JavaScript.
    this.assessmentsStmt = db.prepare<[ExamPageParams], AssessmentExportRow>(
      `SELECT ${examColumns}, e.iwgdf_rule_set, e.nice_rule_set, e.engine_version,
         (SELECT group_concat(json_extract(b.value, '$.reason'), ' | ') FROM json_each(e.assessment_json, '$.iwgdf2023.because') b) AS iwgdf_reasons,
         (SELECT group_concat(json_extract(b.value, '$.reason'), ' | ') FROM json_each(e.assessment_json, '$.nice.because') b) AS nice_reasons,
         (SELECT group_concat(json_extract(w.value, '$.message'), ' | ') FROM json_each(e.assessment_json, '$.warnings') w) AS warnings,
         json_extract(e.assessment_json, '$.scores.mnsiExam.total') AS mnsi_total,
         json_extract(e.assessment_json, '$.scores.nds.total') AS nds_total
       FROM exam e JOIN patient p ON p.id = e.patient_id WHERE ${examWhere} ORDER BY e.id LIMIT @limit`,
    );
  }

  maxPatientId(): number {
    return this.maxPatientStmt.get()?.n ?? 0;
  }

  maxExamId(): number {
    return this.maxExamStmt.get()?.n ?? 0;
  }

  countPatients(maxId: number): number {
    return this.countPatientsStmt.get(maxId)?.n ?? 0;
  }

  countExams(params: Omit<ExamPageParams, 'limit'>): number {
    return this.countExamsStmt.get(params)?.n ?? 0;
  }

  patients(afterId: number, maxId: number, limit: number): PatientExportRow[] {
    return this.patientsStmt.all({ afterId, maxId, limit });
  }

  exams(params: ExamPageParams): ExamExportRow[] {
    return this.examsStmt.all(params);
  }

  /** Feet and sites of the exams with ids in [firstId, lastId] (one page of exams). */
  feet(firstId: number, lastId: number): FootExportRow[] {
    return this.feetStmt.all(firstId, lastId);
  }

  /** Stored findings of the exams with ids in [firstId, lastId]. */
  findings(firstId: number, lastId: number): FindingsExportRow[] {
    return this.findingsStmt.all(firstId, lastId);
  }

  sites(firstId: number, lastId: number): SiteExportRow[] {
    return this.sitesStmt.all(firstId, lastId);
  }

  assessments(params: ExamPageParams): AssessmentExportRow[] {
    return this.assessmentsStmt.all(params);
  }
}
