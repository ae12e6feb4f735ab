import type { Migration } from './types';

/**
 * Register imports as batches that can be undone as one. Each import is a row of import_batch;
 * every patient it created or changed is a row of import_batch_patient, with the record as it
 * was before (for a change) and the update time the import wrote (so an undo can tell whether
 * someone edited the patient since). A batch without `finished_at` was interrupted (the app
 * closed or crashed mid-import) and is rolled back before the next import.
 *
 * The expression index finds a patient by national number however it was typed (spaces and
 * dashes removed, as the import normalises it).
 */
export const migration006: Migration = {
  version: 6,
  name: 'register import batches',
  up(db) {
    db.exec(`
      CREATE TABLE import_batch (
        id            INTEGER PRIMARY KEY,
        started_at    TEXT NOT NULL,
        finished_at   TEXT,
        actor         TEXT NOT NULL,
        file_name     TEXT NOT NULL,
        source_format TEXT NOT NULL CHECK (source_format IN ('csv', 'fhir')),
        rows          INTEGER NOT NULL DEFAULT 0,
        created       INTEGER NOT NULL DEFAULT 0,
        updated       INTEGER NOT NULL DEFAULT 0,
        unchanged     INTEGER NOT NULL DEFAULT 0,
        refused       INTEGER NOT NULL DEFAULT 0,
        undone_at     TEXT,
        undone_by     TEXT
      ) STRICT;

      CREATE TABLE import_batch_patient (
        batch_id         INTEGER NOT NULL REFERENCES import_batch (id),
        patient_id       INTEGER NOT NULL,
        change           TEXT NOT NULL CHECK (change IN ('created', 'updated')),
        before_json      TEXT,
        after_updated_at TEXT NOT NULL,
        PRIMARY KEY (batch_id, patient_id)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX patient_by_national_number ON patient (upper(replace(replace(national_number, ' ', ''), '-', '')))
        WHERE national_number IS NOT NULL;
    `);
  },
};
