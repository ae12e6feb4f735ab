import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger';
import { openTestApp, signedInContext, type TestApp } from '../testing/testApp';
import { createDispatch } from './dispatch';
import { createHandlers } from './handlers';

let app: TestApp;
let context: { clientKey: string };
beforeEach(async () => {
  app = openTestApp();
  context = await signedInContext(app);
});
afterEach(() => app.dispose());

const patient = {
  familyName: 'Öztürk',
  givenNames: 'Jürgen',
  dateOfBirth: '1950-01-02',
  sex: 'male',
  clinicIdentifier: 'H1',
  diabetesType: 'type2',
};

function counts(): unknown {
  return app.db.prepare('SELECT (SELECT count(*) FROM patient) AS patients, (SELECT count(*) FROM audit_log) AS audit').get();
}

describe('dispatch', () => {
  it('refuses every non-public operation to a client that has not signed in', async () => {
    const stranger = { clientKey: 'test:stranger' };
    const r = await app.dispatch('createPatient', { patient }, stranger);
    expect(r).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Please sign in.' } });
    expect(await app.dispatch('searchPatients', { query: '' }, stranger)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect((await app.dispatch('getAppInfo', {}, stranger)).ok).toBe(true);
    expect(counts()).toEqual({ patients: 0, audit: 1 });
  });

  it('creates a patient from a valid request', async () => {
    const r = await app.dispatch('createPatient', { patient }, context);
    expect(r.ok).toBe(true);
    expect(counts()).toEqual({ patients: 1, audit: 2 });
  });

  it.each([
    ['a number instead of an object', 42],
    ['null', null],
    ['a missing patient', {}],
    ['a wrong type', { patient: { ...patient, dateOfBirth: 19500102 } }],
    ['an unknown extra key', { patient, admin: true }],
    ['SQL in a field', { patient: { ...patient, sex: "male'); DROP TABLE patient; --" } }],
    ['a huge string', { patient: { ...patient, familyName: 'x'.repeat(100_000) } }],
  ])('rejects %s with a clear error and changes nothing', async (_label, payload) => {
    const r = await app.dispatch('createPatient', payload, context);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('bad_request');
    expect(r.error.message).toMatch(/^The request was not accepted: /);
    expect(counts()).toEqual({ patients: 0, audit: 1 });
  });

  it('names the field of each problem', async () => {
    const r = await app.dispatch('createPatient', { patient: { ...patient, dateOfBirth: '2999-01-01', familyName: '' } }, context);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'patient.dateOfBirth', message: 'Date of birth cannot be in the future' },
        { path: 'patient.familyName', message: 'Enter the family name' },
      ]),
    );
  });

  it('refuses unknown operations, including prototype names', async () => {
    for (const name of ['dropEverything', '__proto__', 'constructor', 'toString']) {
      const r = await app.dispatch(name, {}, context);
      expect(r).toEqual({ ok: false, error: { code: 'unknown_operation', message: 'Unknown operation.' } });
    }
  });

  it('turns an unexpected failure into an internal error without details', async () => {
    const handlers = createHandlers(app.services);
    handlers.getAppInfo = () => {
      throw new Error('secret detail: Żak 1956-07-03');
    };
    const dispatch = createDispatch(handlers, app.services.auth, silentLogger);
    const r = await dispatch('getAppInfo', {}, context);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('internal');
      expect(r.error.message).not.toMatch(/Żak|secret/);
    }
  });
});
