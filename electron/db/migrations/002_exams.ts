import type { Migration } from './types';

/**
 * Foot examinations.
 *
 * `exam.findings_json` holds the findings exactly as validated (the canonical record an old report
 * is reproduced from) and `assessment_json` the engine's result as signed, with its rule-set
 * versions. At sign-off the same transaction also writes the findings out into exam_foot and
 * exam_site_result, so history, per-site comparison, worklist, export and audit queries are SQL
 * over columns rather than over JSON.
 *
 * An amendment is a new row in the same series (`series_id` = the first version's id) with the
 * next `version`; the version it replaces becomes `superseded` and is kept. `signed_by` is the
 * signer's username (stable), `signed_by_name` the name printed on the exam at the time.
 */
export const migration002: Migration = {
  version: 2,
  name: 'exams, per-foot findings, per-site results',
  up(db) {
    db.exec(`
      CREATE TABLE exam (
        id                  INTEGER PRIMARY KEY,
        patient_id          INTEGER NOT NULL REFERENCES patient (id),
        series_id           INTEGER NOT NULL,
        version             INTEGER NOT NULL CHECK (version >= 1),
        state               TEXT NOT NULL CHECK (state IN ('draft', 'signed', 'superseded', 'discarded')),
        exam_status         TEXT NOT NULL CHECK (exam_status IN ('performed', 'declined', 'unsuitable')),
        protocol            TEXT NOT NULL CHECK (protocol IN ('iwgdf-3', '10-site', 'ipswich')),
        started_at          TEXT NOT NULL,
        updated_at          TEXT NOT NULL,
        examined_on         TEXT,
        signed_at           TEXT,
        signed_by           TEXT,
        signed_by_name      TEXT,
        amendment_reason    TEXT,
        findings_json       TEXT NOT NULL,
        wizard_json         TEXT,
        assessment_json     TEXT,
        lops                TEXT CHECK (lops IN ('true', 'false', 'unknown')),
        pad                 TEXT CHECK (pad IN ('true', 'false', 'unknown')),
        red_flag            INTEGER CHECK (red_flag IN (0, 1)),
        iwgdf_category      TEXT CHECK (iwgdf_category IN ('0', '1', '2', '3', 'urgent', 'incomplete')),
        nice_category       TEXT CHECK (nice_category IN ('low', 'moderate', 'high', 'active', 'incomplete')),
        iwgdf_rule_set      TEXT,
        nice_rule_set       TEXT,
        engine_version      TEXT,
        CHECK ((state = 'draft' OR state = 'discarded') OR (signed_at IS NOT NULL AND signed_by IS NOT NULL AND assessment_json IS NOT NULL)),
        UNIQUE (series_id, version)
      ) STRICT;
      CREATE INDEX exam_by_patient ON exam (patient_id, state, examined_on);
      CREATE INDEX exam_by_state_date ON exam (state, examined_on);
      -- One open draft per patient: a nurse who comes back finds the screening she left.
      CREATE UNIQUE INDEX exam_one_draft_per_patient ON exam (patient_id) WHERE state = 'draft';

      CREATE TABLE exam_foot (
        exam_id             INTEGER NOT NULL REFERENCES exam (id),
        side                TEXT NOT NULL CHECK (side IN ('right', 'left')),
        status              TEXT NOT NULL CHECK (status IN ('present', 'absent', 'declined', 'unsuitable')),
        status_reason       TEXT,
        lops                TEXT CHECK (lops IN ('true', 'false', 'unknown')),
        pad                 TEXT CHECK (pad IN ('true', 'false', 'unknown')),
        vibration_method    TEXT,
        vibration_result    TEXT,
        vpt_voltage         REAL,
        dorsalis_pedis      TEXT CHECK (dorsalis_pedis IN ('palpable', 'not_palpable', 'not_tested')),
        posterior_tibial    TEXT CHECK (posterior_tibial IN ('palpable', 'not_palpable', 'not_tested')),
        abi                 REAL,
        tbi                 REAL,
        active_ulcer        INTEGER,
        infection           INTEGER,
        gangrene            INTEGER,
        callus              INTEGER,
        fissures            INTEGER,
        deformity_present   INTEGER,
        deformity_types     TEXT,
        active_charcot      INTEGER,
        critical_ischaemia  INTEGER,
        sites_tested        INTEGER,
        sites_insensate     INTEGER,
        PRIMARY KEY (exam_id, side)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE exam_site_result (
        exam_id             INTEGER NOT NULL REFERENCES exam (id),
        side                TEXT NOT NULL CHECK (side IN ('right', 'left')),
        test                TEXT NOT NULL CHECK (test IN ('monofilament', 'touch', 'vibration')),
        site_key            TEXT NOT NULL,
        result              TEXT NOT NULL CHECK (result IN ('felt', 'not_felt', 'not_tested', 'pending')),
        not_tested_reason   TEXT,
        applications_json   TEXT,
        PRIMARY KEY (exam_id, side, test, site_key)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
