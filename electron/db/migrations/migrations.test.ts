import Database from 'better-sqlite3-multiple-ciphers';
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

describe('migration 4: recall', () => {
  it('adds the recall columns and contact table, and backfills each patient from their current signed exam', () => {
    const db = dbAt(3);
    const patient = db.prepare(
      `INSERT INTO patient (clinic_identifier, clinic_identifier_folded, family_name, given_names, sort_name, date_of_birth, sex, diabetes_type, created_at, updated_at)
       VALUES (?, ?, 'A', 'B', 'a b', '1956-07-03', 'female', 'type2', 'now', 'now')`,
    );
    for (const id of ['P1', 'P2', 'P3', 'P4', 'P5']) patient.run(id, id.toLowerCase());
    const exam = db.prepare(
      `INSERT INTO exam (patient_id, series_id, version, state, exam_status, protocol, started_at, updated_at, examined_on, signed_at, signed_by,
                         findings_json, assessment_json, iwgdf_category, nice_category)
       VALUES (@patient, @series, @version, @state, @status, 'iwgdf-3', 'now', 'now', @on, 'now', 'ann', '{}', '{}', @iwgdf, @nice)`,
    );
    // P1: a low-risk exam amended to moderate (v1 superseded, v2 signed) and an older high one.
    exam.run({ patient: 1, series: 1, version: 1, state: 'superseded', status: 'performed', on: '2026-01-31', iwgdf: '0', nice: 'low' });
    exam.run({ patient: 1, series: 1, version: 2, state: 'signed', status: 'performed', on: '2026-01-31', iwgdf: '1', nice: 'moderate' });
    exam.run({ patient: 1, series: 3, version: 1, state: 'signed', status: 'performed', on: '2025-06-01', iwgdf: '3', nice: 'high' });
    // P2: declined. P3: active disease. P4: only a draft (never screened). P5: nothing.
    exam.run({ patient: 2, series: 4, version: 1, state: 'signed', status: 'declined', on: '2026-03-10', iwgdf: 'incomplete', nice: 'incomplete' });
    exam.run({ patient: 3, series: 5, version: 1, state: 'signed', status: 'performed', on: '2026-04-01', iwgdf: 'urgent', nice: 'active' });
    db.prepare(
      `INSERT INTO exam (patient_id, series_id, version, state, exam_status, protocol, started_at, updated_at, examined_on, findings_json)
       VALUES (4, 6, 1, 'draft', 'performed', 'iwgdf-3', 'now', 'now', '2026-05-01', '{}')`,
    ).run();

    migrate(db, migrations.filter((m) => m.version <= 4), null);
    expect(tables(db)).toContain('recall_contact');
    const rows = db.prepare('SELECT id, recall_exam_id, recall_exam_status, recall_nice, recall_months, recall_due_on FROM patient ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, recall_exam_id: 2, recall_exam_status: 'performed', recall_nice: 'moderate', recall_months: 3, recall_due_on: '2026-04-30' },
      { id: 2, recall_exam_id: 4, recall_exam_status: 'declined', recall_nice: 'incomplete', recall_months: 1, recall_due_on: '2026-04-10' },
      { id: 3, recall_exam_id: 5, recall_exam_status: 'performed', recall_nice: 'active', recall_months: 0, recall_due_on: '2026-04-01' },
      { id: 4, recall_exam_id: null, recall_exam_status: null, recall_nice: null, recall_months: null, recall_due_on: null },
      { id: 5, recall_exam_id: null, recall_exam_status: null, recall_nice: null, recall_months: null, recall_due_on: null },
    ]);
    expect(() => db.prepare("INSERT INTO recall_contact (patient_id, contacted_on, kind, recorded_by, recorded_at) VALUES (1, '2026-05-01', 'carrier pigeon', 'a', 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO recall_contact (patient_id, contacted_on, kind, recorded_by, recorded_at) VALUES (99, '2026-05-01', 'phoned', 'a', 'now')").run()).toThrow(/FOREIGN KEY/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM patient WHERE archived_at IS NULL AND recall_due_on IS NOT NULL AND recall_due_on < '2026-06-01'").all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX patient_recall_due/);
    db.close();
  });
});

describe('migration 7: recall of an incomplete result from the categories it could be', () => {
  function atSix(incompleteMonths: number): Db {
    const db = dbAt(6);
    db.prepare("INSERT INTO setting (key, value_json, updated_at) VALUES ('recall', ?, 'now')").run(
      JSON.stringify({ guideline: 'nice', niceMonths: { low: 12, moderate: 3, high: 1 }, iwgdfMonths: { '0': 12, '1': 6, '2': 3, '3': 1 }, incompleteMonths, bookingText: '' }),
    );
    const patient = db.prepare(
      `INSERT INTO patient (clinic_identifier, clinic_identifier_folded, family_name, given_names, sort_name, date_of_birth, sex, diabetes_type, created_at, updated_at)
       VALUES (?, ?, 'A', 'B', 'a b', '1956-07-03', 'female', 'type2', 'now', 'now')`,
    );
    const exam = db.prepare(
      `INSERT INTO exam (patient_id, series_id, version, state, exam_status, protocol, started_at, updated_at, examined_on, signed_at, signed_by,
                         findings_json, assessment_json, iwgdf_category, nice_category)
       VALUES (@patient, @patient, 1, 'signed', @status, 'iwgdf-3', 'now', 'now', '2026-01-31', 'now', 'ann', '{}', @assessment, @iwgdf, @nice)`,
    );
    const assessment = (iwgdf: unknown[], nice: string[]): string => JSON.stringify({ iwgdf2023: { possibleCategories: iwgdf }, nice: { possibleCategories: nice } });
    const cases = [
      // P1: incomplete, could be moderate or high. P2: incomplete, could be low or moderate. P3: decided low.
      { status: 'performed', assessment: assessment([1, 3], ['moderate', 'high']), iwgdf: 'incomplete', nice: 'incomplete', months: incompleteMonths },
      { status: 'performed', assessment: assessment([0, 1], ['low', 'moderate']), iwgdf: 'incomplete', nice: 'incomplete', months: incompleteMonths },
      { status: 'performed', assessment: assessment([0], ['low']), iwgdf: '0', nice: 'low', months: 12 },
      // P4: declined (feet not examined): the incomplete interval stays. P5: an assessment without the lists.
      { status: 'declined', assessment: assessment([0, 3], ['low', 'high']), iwgdf: 'incomplete', nice: 'incomplete', months: incompleteMonths },
      { status: 'performed', assessment: '{}', iwgdf: 'incomplete', nice: 'incomplete', months: incompleteMonths },
      // P6: could be active disease: due at once.
      { status: 'performed', assessment: assessment([0, 'urgent'], ['low', 'active']), iwgdf: 'incomplete', nice: 'incomplete', months: incompleteMonths },
    ];
    const recall = db.prepare(
      `UPDATE patient SET recall_exam_id = @exam, recall_examined_on = '2026-01-31', recall_exam_status = @status, recall_iwgdf = @iwgdf, recall_nice = @nice,
         recall_months = @months, recall_due_on = date('2026-01-31', '+' || @months || ' months', 'floor') WHERE id = @patient`,
    );
    cases.forEach((c, i) => {
      const p = Number(patient.run(`P${i + 1}`, `p${i + 1}`).lastInsertRowid);
      const e = Number(exam.run({ patient: p, status: c.status, assessment: c.assessment, iwgdf: c.iwgdf, nice: c.nice }).lastInsertRowid);
      recall.run({ exam: e, patient: p, status: c.status, iwgdf: c.iwgdf, nice: c.nice, months: c.months });
    });
    return db;
  }

  const rows = (db: Db): unknown[] => db.prepare('SELECT id, recall_iwgdf_possible, recall_nice_possible, recall_months, recall_due_on FROM patient ORDER BY id').all();

  it('copies what each incomplete result could be and recomputes its due date with the clinic intervals, the earlier date winning', () => {
    const db = atSix(6);
    migrate(db, migrations.filter((m) => m.version <= 7), null);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(rows(db)).toEqual([
      { id: 1, recall_iwgdf_possible: '[1,3]', recall_nice_possible: '["moderate","high"]', recall_months: 1, recall_due_on: '2026-02-28' },
      { id: 2, recall_iwgdf_possible: '[0,1]', recall_nice_possible: '["low","moderate"]', recall_months: 3, recall_due_on: '2026-04-30' },
      { id: 3, recall_iwgdf_possible: '[0]', recall_nice_possible: '["low"]', recall_months: 12, recall_due_on: '2027-01-31' },
      { id: 4, recall_iwgdf_possible: '[0,3]', recall_nice_possible: '["low","high"]', recall_months: 6, recall_due_on: '2026-07-31' },
      { id: 5, recall_iwgdf_possible: null, recall_nice_possible: null, recall_months: 6, recall_due_on: '2026-07-31' },
      { id: 6, recall_iwgdf_possible: '[0,"urgent"]', recall_nice_possible: '["low","active"]', recall_months: 0, recall_due_on: '2026-01-31' },
    ]);
    db.close();
  });

  it('keeps a shorter incomplete interval of the clinic', () => {
    const db = atSix(1);
    migrate(db, migrations.filter((m) => m.version <= 7), null);
    expect((rows(db) as { recall_months: number }[]).map((r) => r.recall_months)).toEqual([1, 1, 12, 1, 1, 0]);
    db.close();
  });

  it('runs in one transaction with the other pending steps: a failure after it leaves the file as it was', () => {
    const db = atSix(6);
    const recallOf = (): unknown[] => db.prepare('SELECT id, recall_months, recall_due_on FROM patient ORDER BY id').all();
    const before = recallOf();
    const failing = { version: 8, name: 'fails', up: () => { throw new Error('disk full'); } };
    expect(() => migrate(db, [...migrations.filter((m) => m.version <= 7), failing], null)).toThrow('disk full');
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect((db.prepare('SELECT name FROM pragma_table_info(?)').all('patient') as { name: string }[]).map((c) => c.name)).not.toContain('recall_nice_possible');
    expect(recallOf()).toEqual(before);
    db.close();
  });
});
