import type { Migration } from './types';

/**
 * Patients, their search terms and the audit log.
 *
 * Search: every patient has rows in patient_search_term, one per folded word of their names,
 * clinic identifier and national number. A typed fragment is a range on that primary key
 * (`term >= 'smi' AND term < 'smi' || U+10FFFF`), already ordered by name, so the first page of
 * results costs O(log n + page) whatever the number of patients.
 */
export const migration001: Migration = {
  version: 1,
  name: 'patients, search terms, audit log',
  up(db) {
    db.exec(`
      CREATE TABLE patient (
        id                       INTEGER PRIMARY KEY,
        clinic_identifier        TEXT NOT NULL CHECK (length(clinic_identifier) BETWEEN 1 AND 40),
        clinic_identifier_folded TEXT NOT NULL UNIQUE,
        family_name              TEXT NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
        given_names              TEXT NOT NULL CHECK (length(given_names) BETWEEN 1 AND 100),
        sort_name                TEXT NOT NULL,
        date_of_birth            TEXT NOT NULL CHECK (date_of_birth GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        sex                      TEXT NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
        national_number          TEXT,
        diabetes_type            TEXT NOT NULL CHECK (diabetes_type IN ('type1', 'type2', 'gestational', 'other', 'unknown')),
        diagnosis_year           INTEGER,
        phone                    TEXT,
        preferred_language       TEXT,
        notes                    TEXT,
        created_at               TEXT NOT NULL,
        updated_at               TEXT NOT NULL,
        archived_at              TEXT
      ) STRICT;

      CREATE INDEX patient_by_sort_name ON patient (sort_name, id);
      CREATE INDEX patient_by_date_of_birth ON patient (date_of_birth, sort_name, id);

      CREATE TABLE patient_search_term (
        term       TEXT NOT NULL,
        sort_name  TEXT NOT NULL,
        patient_id INTEGER NOT NULL REFERENCES patient (id),
        PRIMARY KEY (term, sort_name, patient_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX patient_search_term_by_patient ON patient_search_term (patient_id, term);

      -- Append-only, hash-chained: each row's hash covers the previous row's hash and this row's
      -- content, so an edit or deletion outside the app breaks the chain at that row.
      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        entity      TEXT NOT NULL,
        entity_id   TEXT,
        details     TEXT NOT NULL,
        prev_hash   TEXT NOT NULL,
        hash        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_by_entity ON audit_log (entity, entity_id, id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
