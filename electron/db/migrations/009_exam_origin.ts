import type { Migration } from './types';

/**
 * Screenings signed at another workstation or in another system and brought in from a FHIR
 * export. The exam row holds the screening as signed (findings, assessment, signer's name as
 * printed); exam_origin keeps what identifies it outside this database, so sending it on again
 * matches the same resources: the series identifier it came with, and its signer's identifier and
 * role as recorded there. The signer is not an account here and never becomes one; `exam.signed_by`
 * holds the signer's identifier value (`<installation>/<username>` for this app's exports), which
 * cannot be taken for a local username.
 */
export const migration009: Migration = {
  version: 9,
  name: 'imported screenings keep their origin',
  up(db) {
    db.exec(`
      CREATE TABLE exam_origin (
        exam_id        INTEGER PRIMARY KEY REFERENCES exam (id),
        series_system  TEXT NOT NULL,
        series_value   TEXT NOT NULL,
        version        INTEGER NOT NULL,
        signer_system  TEXT,
        signer_value   TEXT NOT NULL,
        signer_name    TEXT NOT NULL,
        signer_role    TEXT NOT NULL,
        imported_at    TEXT NOT NULL,
        imported_by    TEXT NOT NULL,
        source         TEXT NOT NULL,
        UNIQUE (series_value, version)
      ) STRICT;
    `);
  },
};
