import type { Migration } from './types';

/**
 * Patient contact, practice and care details (postal address for window-envelope letters, GP
 * practice, interpreter need, relevant conditions and medicines) and the clinician's professional
 * registration number printed under signatures. Columns only: every existing row keeps its values
 * and the new ones start empty (interpreter not needed).
 */
export const migration005: Migration = {
  version: 5,
  name: 'patient contact and care details, staff registration number',
  up(db) {
    db.exec(`
      ALTER TABLE patient ADD COLUMN title TEXT;
      ALTER TABLE patient ADD COLUMN address_line1 TEXT;
      ALTER TABLE patient ADD COLUMN address_line2 TEXT;
      ALTER TABLE patient ADD COLUMN address_line3 TEXT;
      ALTER TABLE patient ADD COLUMN town TEXT;
      ALTER TABLE patient ADD COLUMN postcode TEXT;
      ALTER TABLE patient ADD COLUMN mobile_phone TEXT;
      ALTER TABLE patient ADD COLUMN email TEXT;
      ALTER TABLE patient ADD COLUMN gp_practice TEXT;
      ALTER TABLE patient ADD COLUMN gp_practice_code TEXT;
      ALTER TABLE patient ADD COLUMN interpreter_needed INTEGER NOT NULL DEFAULT 0 CHECK (interpreter_needed IN (0, 1));
      ALTER TABLE patient ADD COLUMN relevant_conditions TEXT;
      ALTER TABLE patient ADD COLUMN medicines TEXT;
      ALTER TABLE app_user ADD COLUMN registration_number TEXT;
    `);
  },
};
