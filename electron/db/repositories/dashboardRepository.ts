import { recallCategories } from '#shared/recall/recallRules';
import type { Db } from '../types';

/**
 * The clinic dashboard's figures, each one indexed SQL: ranges on the partial indexes of
 * migration 004 (current signed versions by examination date; recall due dates; never screened).
 * Superseded versions never count, so an amended exam counts once.
 */

export interface DashboardRange {
  from: string;
  to: string;
}

/** Fixed lists written into the SQL text (never values from a request). */
const niceCategoryList = recallCategories.nice;
const iwgdfCategoryList = recallCategories.iwgdf;
/** High risk or active under either guideline: the results that may need a referral letter. */
const highRiskCondition = `(e.nice_category IN ('high', 'active') OR e.iwgdf_category IN ('3', 'urgent'))`;

export type MixRow = { screenings: number; high_risk: number | null } & Record<string, number | null>;

/** The raw dashboard statements, exported for the bench's baseline. */
export const dashboardSql = {
  /** Patients on the register: the two partial indexes together hold every patient not archived. */
  register: `SELECT
      (SELECT count(*) FROM patient p WHERE p.archived_at IS NULL AND p.recall_due_on IS NOT NULL AND p.recall_due_on >= '') AS screened,
      (SELECT count(*) FROM patient p WHERE p.archived_at IS NULL AND p.recall_exam_id IS NULL) AS never`,
  overdue: `SELECT count(*) AS n FROM patient p WHERE p.archived_at IS NULL AND p.recall_due_on IS NOT NULL AND p.recall_due_on < @today`,
  /** Distinct patients with a signed exam in [windowFrom, windowTo]; archived ones are taken off after. */
  screenedInWindow: `SELECT count(DISTINCT e.patient_id) AS n FROM exam e
      WHERE e.state = 'signed' AND e.examined_on >= @windowFrom AND e.examined_on <= @windowTo`,
  archivedScreenedInWindow: `SELECT count(*) AS n FROM patient p
      WHERE p.archived_at IS NOT NULL AND EXISTS (SELECT 1 FROM exam e
        WHERE e.patient_id = p.id AND e.state = 'signed' AND e.examined_on >= @windowFrom AND e.examined_on <= @windowTo)`,
  /** One pass over the range: screenings by category of each guideline, and the high-risk or active ones. */
  mix: `SELECT count(*) AS screenings,
      ${niceCategoryList.map((c) => `sum(e.nice_category = '${c}') AS nice_${c}`).join(', ')},
      ${iwgdfCategoryList.map((c) => `sum(e.iwgdf_category = '${c}') AS iwgdf_${c}`).join(', ')},
      sum(${highRiskCondition}) AS high_risk
      FROM exam e WHERE e.state = 'signed' AND e.examined_on >= @from AND e.examined_on <= @to`,
  patientsScreened: `SELECT count(DISTINCT e.patient_id) AS n FROM exam e
      WHERE e.state = 'signed' AND e.examined_on >= @from AND e.examined_on <= @to`,
  /**
   * Of the high-risk or active results in the range, those with a referral letter made: a
   * `report.create` audit entry with the referral part for any version of the same exam (a letter
   * made before an amendment still went out). CROSS JOIN keeps the versions of the series as the
   * outer loop, so each is one lookup in audit_log_by_entity rather than a walk of every exam entry.
   */
  referred: `SELECT count(*) AS n FROM exam e
      WHERE e.state = 'signed' AND e.examined_on >= @from AND e.examined_on <= @to AND ${highRiskCondition}
        AND EXISTS (SELECT 1 FROM exam s CROSS JOIN audit_log a ON a.entity = 'exam' AND a.entity_id = CAST(s.id AS TEXT)
          WHERE s.series_id = e.series_id AND a.action = 'report.create'
            AND EXISTS (SELECT 1 FROM json_each(a.details, '$.parts') WHERE json_each.value = 'referral'))`,
};

export class DashboardRepository {
  private readonly registerStmt;
  private readonly overdueStmt;
  private readonly screenedInWindowStmt;
  private readonly archivedScreenedStmt;
  private readonly mixStmt;
  private readonly patientsScreenedStmt;
  private readonly referredStmt;

  constructor(db: Db) {
    this.registerStmt = db.prepare<[], { screened: number; never: number }>(dashboardSql.register);
    this.overdueStmt = db.prepare<[{ today: string }], { n: number }>(dashboardSql.overdue);
    this.screenedInWindowStmt = db.prepare<[{ windowFrom: string; windowTo: string }], { n: number }>(dashboardSql.screenedInWindow);
    this.archivedScreenedStmt = db.prepare<[{ windowFrom: string; windowTo: string }], { n: number }>(dashboardSql.archivedScreenedInWindow);
    this.mixStmt = db.prepare<[DashboardRange], MixRow>(dashboardSql.mix);
    this.patientsScreenedStmt = db.prepare<[DashboardRange], { n: number }>(dashboardSql.patientsScreened);
    this.referredStmt = db.prepare<[DashboardRange], { n: number }>(dashboardSql.referred);
  }

  register(): { screened: number; never: number } {
    return this.registerStmt.get() ?? { screened: 0, never: 0 };
  }

  overdue(today: string): number {
    return this.overdueStmt.get({ today })?.n ?? 0;
  }

  /** Patients on the register (not archived) with a signed exam dated from windowFrom to windowTo. */
  screenedInWindow(windowFrom: string, windowTo: string): number {
    const all = this.screenedInWindowStmt.get({ windowFrom, windowTo })?.n ?? 0;
    return all - this.archivedScreenedInWindow(windowFrom, windowTo);
  }

  archivedScreenedInWindow(windowFrom: string, windowTo: string): number {
    return this.archivedScreenedStmt.get({ windowFrom, windowTo })?.n ?? 0;
  }

  /** Screenings in the range, by category of each guideline, and how many were high risk or active. */
  mix(range: DashboardRange): { screenings: number; highRisk: number; nice: Record<string, number>; iwgdf: Record<string, number> } {
    const row = this.mixStmt.get(range);
    const of = (prefix: string, list: readonly string[]): Record<string, number> => Object.fromEntries(list.map((c) => [c, row?.[`${prefix}_${c}`] ?? 0]));
    return { screenings: row?.screenings ?? 0, highRisk: row?.high_risk ?? 0, nice: of('nice', niceCategoryList), iwgdf: of('iwgdf', iwgdfCategoryList) };
  }

  patientsScreened(range: DashboardRange): number {
    return this.patientsScreenedStmt.get(range)?.n ?? 0;
  }

  referred(range: DashboardRange): number {
    return this.referredStmt.get(range)?.n ?? 0;
  }
}
