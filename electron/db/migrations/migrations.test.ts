import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate';
import type { Db } from '../types';
import { migrations } from '.';

/** One test per migration (Signal habit): each step applied to the schema before it. */
function dbAt(version: number): Db {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, migrations.filter((m) => m.version <= version), null);
  return db;
}

function tables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

describe('migration 1: patients, search terms, audit log', () => {
  it('creates the tables', () => {
    const db = dbAt(1);
    expect(tables(db)).toEqual(['audit_log', 'patient', 'patient_search_term']);
    db.close();
  });

  it('enforces the clinical value lists and a unique clinic identifier', () => {
    const db = dbAt(1);
    const insert = db.prepare(
      `INSERT INTO patient (clinic_identifier, clinic_identifier_folded, family_name, given_names, sort_name, date_of_birth, sex, diabetes_type, created_at, updated_at)
       VALUES (?, ?, 'A', 'B', 'a b', '1956-07-03', ?, 'type2', 'now', 'now')`,
    );
    insert.run('X1', 'x1', 'female');
    expect(() => insert.run('X2', 'x2', 'walrus')).toThrow(/CHECK/);
    expect(() => insert.run('x1', 'x1', 'male')).toThrow(/UNIQUE/);
    db.close();
  });

  it('makes the audit log append-only', () => {
    const db = dbAt(1);
    db.prepare("INSERT INTO audit_log (at, actor, action, entity, details, prev_hash, hash) VALUES ('t', 'a', 'x', 'e', '{}', 'p', 'h')").run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'b'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });
});

describe('migration 2: exams', () => {
  it('creates the exam tables and allows one open draft per patient', () => {
    const db = dbAt(2);
    expect(tables(db)).toEqual(['audit_log', 'exam', 'exam_foot', 'exam_site_result', 'patient', 'patient_search_term']);
    db.exec(`INSERT INTO patient (clinic_identifier, clinic_identifier_folded, family_name, given_names, sort_name, date_of_birth, sex, diabetes_type, created_at, updated_at)
             VALUES ('X1', 'x1', 'A', 'B', 'a b', '1956-07-03', 'female', 'type2', 'now', 'now')`);
    const draft = db.prepare(
      `INSERT INTO exam (patient_id, series_id, version, state, exam_status, protocol, started_at, updated_at, findings_json)
       VALUES (1, ?, 1, 'draft', 'performed', 'iwgdf-3', 'now', 'now', '{}')`,
    );
    draft.run(1);
    expect(() => draft.run(2)).toThrow(/UNIQUE/);
    db.close();
  });

  it('refuses a signed exam without signer or assessment', () => {
    const db = dbAt(2);
    db.exec(`INSERT INTO patient (clinic_identifier, clinic_identifier_folded, family_name, given_names, sort_name, date_of_birth, sex, diabetes_type, created_at, updated_at)
             VALUES ('X1', 'x1', 'A', 'B', 'a b', '1956-07-03', 'female', 'type2', 'now', 'now')`);
    expect(() =>
      db.exec(`INSERT INTO exam (patient_id, series_id, version, state, exam_status, protocol, started_at, updated_at, findings_json)
               VALUES (1, 1, 1, 'signed', 'performed', 'iwgdf-3', 'now', 'now', '{}')`),
    ).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 3: users and settings', () => {
  it('adds accounts with unique usernames and a settings table', () => {
    const db = dbAt(3);
    expect(tables(db)).toContain('app_user');
    expect(tables(db)).toContain('setting');
    const insert = db.prepare(
      `INSERT INTO app_user (username, username_folded, display_name, role, password_hash, created_at, updated_at)
       VALUES (?, ?, 'Name', ?, 'x', 'now', 'now')`,
    );
    insert.run('Ada', 'ada', 'administrator');
    expect(() => insert.run('ADA', 'ada', 'nurse')).toThrow(/UNIQUE/);
    expect(() => insert.run('bob', 'bob', 'janitor')).toThrow(/CHECK/);
    db.close();
  });
});
