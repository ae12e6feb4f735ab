import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { patientInputSchema, type PatientInput } from '#shared/domain/patient';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';

let app: TestApp;
beforeEach(() => {
  app = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'));
});
afterEach(() => app.dispose());

const actor = { name: 'nurse.test' };

function input(overrides: Partial<PatientInput> = {}): PatientInput {
  return patientInputSchema.parse({
    familyName: 'Żak',
    givenNames: 'Łucja',
    dateOfBirth: '1956-07-03',
    sex: 'female',
    clinicIdentifier: 'MRN-1',
    nationalNumber: '943 476 5919',
    diabetesType: 'type2',
    diagnosisYear: 2001,
    phone: null,
    preferredLanguage: null,
    notes: null,
    ...overrides,
  });
}

function create(overrides: Partial<PatientInput> = {}): number {
  const r = app.services.patients.create(input(overrides), actor);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.id;
}

function search(query: string, extra: { includeArchived?: boolean; limit?: number; cursor?: string | null } = {}) {
  const r = app.services.patients.search({ query, includeArchived: false, dateOrder: 'dmy', limit: 50, cursor: null, ...extra });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const names = (q: string): string[] => search(q).items.map((p) => `${p.familyName} ${p.givenNames}`);

describe('patients', () => {
  it('stores a new patient with timestamps and an audit entry', () => {
    const id = create();
    const row = app.db.prepare('SELECT family_name, created_at, archived_at FROM patient WHERE id = ?').get(id);
    expect(row).toEqual({ family_name: 'Żak', created_at: '2026-11-25T10:00:00.000Z', archived_at: null });
    const audit = app.db.prepare('SELECT actor, action, entity_id FROM audit_log').all();
    expect(audit).toEqual([{ actor: 'nurse.test', action: 'patient.create', entity_id: String(id) }]);
  });

  it('refuses a clinic identifier already in use, whatever its case, and writes nothing', () => {
    create();
    const r = app.services.patients.create(input({ clinicIdentifier: 'mrn-1', familyName: 'Other' }), actor);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('conflict');
    expect(r.error.issues?.[0]?.path).toBe('clinicIdentifier');
    expect(app.db.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 1 });
    expect(app.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });

  it('finds patients by name fragments in any order, ignoring case and accents', () => {
    create({ familyName: 'Żak', givenNames: 'Łucja', clinicIdentifier: 'A1' });
    create({ familyName: 'Öztürk', givenNames: 'Jürgen', clinicIdentifier: 'A2' });
    create({ familyName: 'Ní Bhriain', givenNames: 'Zoë', clinicIdentifier: 'A3' });
    create({ familyName: "O'Brien-Smith", givenNames: 'Mary Ann', clinicIdentifier: 'A4' });
    expect(names('zak')).toEqual(['Żak Łucja']);
    expect(names('LUC za')).toEqual(['Żak Łucja']);
    expect(names('ozt jur')).toEqual(['Öztürk Jürgen']);
    expect(names('zoe bhr')).toEqual(['Ní Bhriain Zoë']);
    expect(names('obrien')).toEqual(["O'Brien-Smith Mary Ann"]);
    expect(names('smith ann')).toEqual(["O'Brien-Smith Mary Ann"]);
    expect(names('nobody')).toEqual([]);
  });

  it('finds patients by clinic identifier, national number and typed date of birth', () => {
    create({ clinicIdentifier: 'MRN-0042', dateOfBirth: '1956-07-03' });
    create({ clinicIdentifier: 'MRN-0099', familyName: 'Other', dateOfBirth: '1956-03-07', nationalNumber: null });
    expect(names('mrn-0042')).toEqual(['Żak Łucja']);
    expect(names('MRN0042')).toEqual(['Żak Łucja']);
    expect(names('9434765919')).toEqual(['Żak Łucja']);
    expect(names('03/07/1956')).toEqual(['Żak Łucja']);
    expect(names('1956-07-03')).toEqual(['Żak Łucja']);
    expect(names('3.7.56')).toEqual(['Żak Łucja']);
    const us = app.services.patients.search({ query: '03/07/1956', includeArchived: false, dateOrder: 'mdy', limit: 50, cursor: null });
    expect(us.ok && us.value.items.map((p) => p.familyName)).toEqual(['Other']);
    expect(names('zak 03/07/1956')).toEqual(['Żak Łucja']);
    expect(names('zak 04/07/1956')).toEqual([]);
  });

  it('hides archived patients from the default search and restores them', () => {
    const id = create();
    expect(app.services.patients.archive(id, actor).ok).toBe(true);
    expect(names('zak')).toEqual([]);
    expect(search('zak', { includeArchived: true }).items.map((p) => p.id)).toEqual([id]);
    expect(names('')).toEqual([]);
    expect(app.services.patients.restore(id, actor).ok).toBe(true);
    expect(names('zak')).toEqual(['Żak Łucja']);
    const actions = app.db.prepare('SELECT action FROM audit_log ORDER BY id').all();
    expect(actions).toEqual([{ action: 'patient.create' }, { action: 'patient.archive' }, { action: 'patient.restore' }]);
  });

  it('pages through every match exactly once, in name order', () => {
    for (let i = 0; i < 23; i++) create({ familyName: 'Smith', givenNames: `Given${String(i).padStart(2, '0')}`, clinicIdentifier: `S${i}` });
    for (const query of ['smi', '']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = search(query, { limit: 5, cursor });
        seen.push(...page.items.map((p) => p.givenNames));
        cursor = page.nextCursor;
      } while (cursor !== null);
      expect(seen).toHaveLength(23);
      expect(seen).toEqual([...seen].sort());
    }
  });

  it('saves edits, keeps search terms in step and records the changed fields', () => {
    const id = create();
    const before = app.services.patients.get(id);
    if (!before.ok) throw new Error('missing');
    const r = app.services.patients.update(id, before.value.updatedAt, input({ familyName: 'Nowak' }), actor);
    expect(r.ok).toBe(true);
    expect(names('zak')).toEqual([]);
    expect(names('nowak')).toEqual(['Nowak Łucja']);
    const audit = app.db.prepare("SELECT details FROM audit_log WHERE action = 'patient.update'").get() as { details: string };
    expect(JSON.parse(audit.details)).toEqual({ fields: ['familyName'] });
  });

  it('refuses to save over a change made elsewhere since the form was opened', () => {
    const id = create();
    const r = app.services.patients.update(id, '2000-01-01T00:00:00.000Z', input({ familyName: 'Nowak' }), actor);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('conflict');
    expect(names('zak')).toEqual(['Żak Łucja']);
  });

  it('rejects a damaged search position', () => {
    const r = app.services.patients.search({ query: '', includeArchived: false, dateOrder: 'dmy', limit: 5, cursor: '{not json' });
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});
