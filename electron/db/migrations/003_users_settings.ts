import type { Migration } from './types';

/**
 * Staff accounts and clinic settings.
 *
 * Passwords are stored only as scrypt hashes with a per-user salt. Accounts are disabled, never
 * deleted: the audit log and signed exams keep naming them. `failed_attempts` and
 * `last_failed_at` slow down password guessing across restarts.
 */
export const migration003: Migration = {
  version: 3,
  name: 'users and clinic settings',
  up(db) {
    db.exec(`
      CREATE TABLE app_user (
        id              INTEGER PRIMARY KEY,
        username        TEXT NOT NULL,
        username_folded TEXT NOT NULL UNIQUE,
        display_name    TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
        role            TEXT NOT NULL CHECK (role IN ('nurse', 'podiatrist', 'administrator')),
        password_hash   TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        last_failed_at  TEXT,
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        disabled_at     TEXT
      ) STRICT;

      CREATE TABLE setting (
        key        TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
