import type { Migration } from './types';

/**
 * Recall: each patient's current recall, contact attempts, and the indexes the
 * worklist and the dashboard read, so both stay indexed SQL at 100,000 patients and 500,000 exams.
 *
 * The recall columns on `patient` are derived data, kept in the same transaction as every sign-off
 * (ExamService.sign) and recomputed when an administrator changes the intervals: the last signed
 * examination (id, date, status, both categories), the interval that applied in months (0 = due at
 * once: active disease) and the due date. They live on `patient` rather than in a table of their
 * own so that "never screened" and "not archived" are partial indexes on one table, with no join.
 *
 * The backfill below uses the default intervals of this release (NICE NG19, lower end of each
 * range: low 12, moderate 3, high 1 month; incomplete, declined or unsuitable 1 month). It is
 * frozen here on purpose: a migration must give the same result whatever later code says.
 */
export const migration004: Migration = {
  version: 4,
  name: 'recall columns, contact attempts, worklist and dashboard indexes',
  up(db) {
    db.exec(`
      ALTER TABLE patient ADD COLUMN recall_exam_id INTEGER REFERENCES exam (id);
      ALTER TABLE patient ADD COLUMN recall_examined_on TEXT;
      ALTER TABLE patient ADD COLUMN recall_exam_status TEXT CHECK (recall_exam_status IN ('performed', 'declined', 'unsuitable'));
      ALTER TABLE patient ADD COLUMN recall_iwgdf TEXT CHECK (recall_iwgdf IN ('0', '1', '2', '3', 'urgent', 'incomplete'));
      ALTER TABLE patient ADD COLUMN recall_nice TEXT CHECK (recall_nice IN ('low', 'moderate', 'high', 'active', 'incomplete'));
      ALTER TABLE patient ADD COLUMN recall_months INTEGER CHECK (recall_months BETWEEN 0 AND 60);
      ALTER TABLE patient ADD COLUMN recall_due_on TEXT;

      -- Overdue and due-soon views: a range on the due date, archived patients left out; the
      -- categories (and the always-null archived_at) ride along so that counting, with or without a
      -- category filter, never reads the table.
      CREATE INDEX patient_recall_due ON patient (recall_due_on, id, recall_nice, recall_iwgdf, archived_at) WHERE archived_at IS NULL AND recall_due_on IS NOT NULL;
      -- Never screened, in name order (the condition's columns again, for index-only counts).
      CREATE INDEX patient_never_screened ON patient (sort_name, id, archived_at, recall_exam_id) WHERE archived_at IS NULL AND recall_exam_id IS NULL;
      -- Dashboard: current signed versions by examination date, covering what it counts (state first,
      -- so the planner prefers it to exam_by_state_date, which would read every row).
      CREATE INDEX exam_signed_by_date ON exam (state, examined_on, patient_id, nice_category, iwgdf_category, series_id) WHERE state = 'signed';
      -- Dashboard: the (few) archived patients, taken off the share screened.
      CREATE INDEX patient_archived ON patient (archived_at) WHERE archived_at IS NOT NULL;

      CREATE TABLE recall_contact (
        id            INTEGER PRIMARY KEY,
        patient_id    INTEGER NOT NULL REFERENCES patient (id),
        contacted_on  TEXT NOT NULL CHECK (contacted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        kind          TEXT NOT NULL CHECK (kind IN ('phoned', 'letter', 'no_answer', 'declined')),
        note          TEXT CHECK (note IS NULL OR length(note) <= 500),
        recorded_by   TEXT NOT NULL,
        recorded_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX recall_contact_by_patient ON recall_contact (patient_id, contacted_on, id);

      UPDATE patient SET (recall_exam_id, recall_examined_on, recall_exam_status, recall_iwgdf, recall_nice) = (
        SELECT e.id, e.examined_on, e.exam_status, e.iwgdf_category, e.nice_category FROM exam e
        WHERE e.patient_id = patient.id AND e.state = 'signed' AND e.examined_on IS NOT NULL
        ORDER BY e.examined_on DESC, e.id DESC LIMIT 1
      );
      UPDATE patient SET recall_months = CASE
          WHEN recall_nice = 'active' OR recall_iwgdf = 'urgent' THEN 0
          WHEN recall_exam_status <> 'performed' THEN 1
          WHEN recall_nice = 'low' THEN 12
          WHEN recall_nice = 'moderate' THEN 3
          WHEN recall_nice = 'high' THEN 1
          ELSE 1
        END
      WHERE recall_exam_id IS NOT NULL;
      UPDATE patient SET recall_due_on = CASE recall_months
          WHEN 0 THEN recall_examined_on
          ELSE date(recall_examined_on, '+' || recall_months || ' months', 'floor')
        END
      WHERE recall_exam_id IS NOT NULL;
    `);
  },
};
