import type { Db } from '../types';
import type { Migration } from './types';

/**
 * Recall of an incomplete result from the categories it could still be.
 *
 * An incomplete category (unknown LOPS or PAD could change it) used to be recalled after the
 * clinic's single "incomplete" interval. It is now recalled after the shortest interval among the
 * categories it could be, or the incomplete interval when that is shorter, so a patient who may
 * be high risk is never recalled later than a high-risk patient would be, and one that could be
 * active disease is due at once. The possible categories
 * are copied onto `patient` from the last signed exam's assessment (which has always listed them),
 * and the due dates of incomplete performed exams are recomputed with the clinic's own intervals
 * as stored in its settings; every other due date is unchanged.
 *
 * The defaults below are this release's (NICE NG19, lower end of each range), frozen here on
 * purpose: a migration must give the same result whatever later code says. Runs inside the one
 * transaction of `migrate`.
 */

const frozenDefaults = {
  guideline: 'nice',
  niceMonths: { low: 12, moderate: 3, high: 1 },
  iwgdfMonths: { '0': 12, '1': 6, '2': 3, '3': 1 },
  incompleteMonths: 1,
} as const;

function monthsOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 60 ? value : fallback;
}

/** The clinic's stored recall intervals, each missing or unreadable one taken from the defaults. */
function clinicIntervals(db: Db): Record<string, string | number> {
  const row = db.prepare<[], { value_json: string }>("SELECT value_json FROM setting WHERE key = 'recall'").get();
  let stored: Record<string, unknown> = {};
  try {
    const parsed: unknown = row ? JSON.parse(row.value_json) : {};
    if (parsed !== null && typeof parsed === 'object') stored = parsed as Record<string, unknown>;
  } catch {
    stored = {};
  }
  const nice = (stored['niceMonths'] ?? {}) as Record<string, unknown>;
  const iwgdf = (stored['iwgdfMonths'] ?? {}) as Record<string, unknown>;
  const d = frozenDefaults;
  return {
    guideline: stored['guideline'] === 'iwgdf' ? 'iwgdf' : d.guideline,
    niceLow: monthsOr(nice['low'], d.niceMonths.low),
    niceModerate: monthsOr(nice['moderate'], d.niceMonths.moderate),
    niceHigh: monthsOr(nice['high'], d.niceMonths.high),
    iwgdf0: monthsOr(iwgdf['0'], d.iwgdfMonths['0']),
    iwgdf1: monthsOr(iwgdf['1'], d.iwgdfMonths['1']),
    iwgdf2: monthsOr(iwgdf['2'], d.iwgdfMonths['2']),
    iwgdf3: monthsOr(iwgdf['3'], d.iwgdfMonths['3']),
    incomplete: monthsOr(stored['incompleteMonths'], d.incompleteMonths),
  };
}

export const migration007: Migration = {
  version: 7,
  name: 'recall of an incomplete result from the categories it could be',
  up(db) {
    db.exec(`
      ALTER TABLE patient ADD COLUMN recall_iwgdf_possible TEXT CHECK (recall_iwgdf_possible IS NULL OR json_valid(recall_iwgdf_possible));
      ALTER TABLE patient ADD COLUMN recall_nice_possible TEXT CHECK (recall_nice_possible IS NULL OR json_valid(recall_nice_possible));
      UPDATE patient SET (recall_iwgdf_possible, recall_nice_possible) = (
        SELECT json_extract(e.assessment_json, '$.iwgdf2023.possibleCategories'), json_extract(e.assessment_json, '$.nice.possibleCategories')
        FROM exam e WHERE e.id = patient.recall_exam_id AND json_valid(e.assessment_json)
      )
      WHERE recall_exam_id IS NOT NULL;
    `);
    const incompleteRows = `recall_exam_id IS NOT NULL AND recall_exam_status = 'performed' AND recall_nice <> 'active' AND recall_iwgdf <> 'urgent'
      AND (CASE WHEN @guideline = 'nice' THEN recall_nice ELSE recall_iwgdf END) = 'incomplete'`;
    const params = clinicIntervals(db);
    db.prepare(
      `UPDATE patient SET recall_months = CASE WHEN @guideline = 'nice'
          THEN min(@incomplete, COALESCE((SELECT min(CASE value WHEN 'low' THEN @niceLow WHEN 'moderate' THEN @niceModerate WHEN 'high' THEN @niceHigh WHEN 'active' THEN 0 END)
                                          FROM json_each(recall_nice_possible)), @incomplete))
          ELSE min(@incomplete, COALESCE((SELECT min(CASE CAST(value AS TEXT) WHEN '0' THEN @iwgdf0 WHEN '1' THEN @iwgdf1 WHEN '2' THEN @iwgdf2 WHEN '3' THEN @iwgdf3 WHEN 'urgent' THEN 0 END)
                                          FROM json_each(recall_iwgdf_possible)), @incomplete))
        END
      WHERE ${incompleteRows}`,
    ).run(params);
    db.prepare(`UPDATE patient SET recall_due_on = date(recall_examined_on, '+' || recall_months || ' months', 'floor') WHERE ${incompleteRows}`).run({ guideline: params['guideline'] });
  },
};
