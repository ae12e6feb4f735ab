import type { Patient as FhirPatient } from '@medplum/fhirtypes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FhirLookupAnswer, FhirLookupPreview } from '#shared/domain/fhirLookup';
import type { FhirServerSettingsInput } from '#shared/domain/fhirServer';
import { syntheticNhsNumber } from '#shared/domain/nationalNumber';
import type { Result } from '#shared/ipc/result';
import { addPatient } from '../../testing/clinic';
import { FhirTestServer } from '../../testing/fhirTestServer';
import { openTestApp, signedInContext, type TestApp } from '../../testing/testApp';

// The look-up against a real FHIR server (Medplum's router and in-memory repository behind
// node:http on a loopback port), through the operations the screen calls.
const admin = { name: 'admin' };
const nhsNumber = '9434765919';

let server: FhirTestServer;
let app: TestApp;

function settingsFor(s: FhirTestServer, token = 'clinic-token'): FhirServerSettingsInput {
  return { baseUrl: s.baseUrl, auth: 'bearer', bearerToken: token, tokenUrl: '', clientId: '', clientSecret: '' };
}

function serverPatient(number: string, over: Partial<FhirPatient> = {}): FhirPatient {
  return {
    resourceType: 'Patient',
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: number }],
    name: [{ use: 'official', family: 'Okonkwo', given: ['Adaeze', 'Ngozi'], prefix: ['Mrs'] }],
    gender: 'female',
    birthDate: '1958-04-12',
    telecom: [{ system: 'phone', value: '01632 960001', use: 'home' }],
    address: [{ use: 'home', line: ['12 Mill Lane'], city: 'Leeds', postalCode: 'LS1 4AP' }],
    ...over,
  };
}

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

function found(answer: FhirLookupAnswer): FhirLookupPreview {
  if (answer.kind !== 'found') throw new Error(`expected a patient, got ${answer.kind}: ${'message' in answer ? answer.message : ''}`);
  return answer.preview;
}

async function lookUp(number: string, clientKey = 'test:admin'): Promise<Result<FhirLookupAnswer>> {
  return app.call('lookUpFhirPatient', { nationalNumber: number }, { clientKey });
}

function patientRow(number: string): Record<string, unknown> | undefined {
  return app.db.prepare('SELECT family_name, given_names, date_of_birth, phone, postcode, national_number FROM patient WHERE national_number = ?').get(number) as Record<string, unknown> | undefined;
}

beforeEach(async () => {
  server = new FhirTestServer();
  server.requiredToken = 'clinic-token';
  await server.reservePort();
  await server.start();
  app = openTestApp(undefined, { fhirPush: { lookupTimeoutMs: 400, testTimeoutMs: 3_000, firstRetryMs: 40, maxRetryMs: 200 } });
  await signedInContext(app);
}, 120_000);

afterEach(async () => {
  app.dispose();
  await server.stop();
}, 120_000);

describe('looking a patient up on the clinic FHIR server by NHS number', () => {
  it('is not offered, and asks nothing, until a server is set up', async () => {
    expect(value(await app.call('getFhirLookupAvailability', {}, { clientKey: 'test:admin' }))).toEqual({
      available: false,
      reason: expect.stringMatching(/No FHIR server is set up/) as unknown as string,
    });
    const r = await lookUp(nhsNumber);
    expect(r.ok).toBe(false);
    expect(server.requests).toEqual([]);
  });

  it('refuses a number failing its check digit before anything goes on the network', async () => {
    value(app.services.fhirServer.update(settingsFor(server), admin));
    const r = await lookUp('943 476 5910');
    expect(r).toMatchObject({ ok: false, error: { code: 'validation_failed', message: expect.stringMatching(/check digit/) as unknown as string } });
    expect(server.requests).toEqual([]);
  });

  it('finds a new patient, shows the record as it would be stored, and adds it once confirmed (audited, no secrets)', async () => {
    value(app.services.fhirServer.update(settingsFor(server), admin));
    await server.repo.createResource(serverPatient(nhsNumber));
    await server.repo.createResource(serverPatient(syntheticNhsNumber(5), { name: [{ family: 'Other', given: ['Person'] }] }));
    expect(value(await app.call('getFhirLookupAvailability', {}, { clientKey: 'test:admin' })).available).toBe(true);

    const preview = found(value(await lookUp('943 476 5919')));
    expect(preview.action).toBe('new');
    expect(preview.label).toBe('OKONKWO, Adaeze Ngozi, NHS number 943 476 5919');
    expect(preview.fields).toEqual(expect.arrayContaining([{ label: 'Date of birth', value: '1958-04-12' }, { label: 'Postcode', value: 'LS1 4AP' }]));
    const request = server.requests.at(-1);
    expect(decodeURIComponent(request?.url ?? '')).toContain('Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919');
    expect(request?.authorization).toBe('Bearer clinic-token');
    expect(patientRow(nhsNumber)).toBeUndefined();

    const pulled = value(await app.call('pullFhirPatient', { previewId: preview.previewId ?? '' }, { clientKey: 'test:admin' }));
    expect(pulled.action).toBe('created');
    expect(patientRow(nhsNumber)).toEqual({ family_name: 'Okonkwo', given_names: 'Adaeze Ngozi', date_of_birth: '1958-04-12', phone: '01632 960001', postcode: 'LS1 4AP', national_number: nhsNumber });
    const audit = app.db.prepare("SELECT actor, entity_id, details FROM audit_log WHERE action = 'patient.fhir-pull'").all() as { actor: string; entity_id: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entity_id).toBe(String(pulled.patientId));
    expect(audit[0]?.details).toContain(`127.0.0.1:${server.port}`);
    expect(audit[0]?.details).not.toContain('clinic-token');

    // A preview is confirmed once: a second press cannot add the patient twice.
    const again = await app.call('pullFhirPatient', { previewId: preview.previewId ?? '' }, { clientKey: 'test:admin' });
    expect(again).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(app.db.prepare('SELECT count(*) AS n FROM patient WHERE national_number = ?').get(nhsNumber)).toEqual({ n: 1 });
  });

  it('matches the patient already here: shows what would change, updates on confirmation, refuses a stale preview', async () => {
    value(app.services.fhirServer.update(settingsFor(server), admin));
    const id = addPatient(app, { nationalNumber: nhsNumber, familyName: 'Okonkwo', givenNames: 'Adaeze Ngozi', dateOfBirth: '1958-04-12', sex: 'female', phone: '0113 000 0000' });
    await server.repo.createResource(serverPatient(nhsNumber));

    const stale = found(value(await lookUp(nhsNumber)));
    expect(stale.action).toBe('update');
    expect(stale.patientId).toBe(id);
    expect(stale.changes).toEqual(expect.arrayContaining([{ label: 'Phone', before: '0113 000 0000', after: '01632 960001' }]));
    // Someone edits the patient here after the look-up: the preview no longer describes what would happen.
    const before = value(app.services.patients.get(id));
    value(app.services.patients.update(id, before.updatedAt, { ...before, email: 'a@example.org' }, admin));
    const refused = await app.call('pullFhirPatient', { previewId: stale.previewId ?? '' }, { clientKey: 'test:admin' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(patientRow(nhsNumber)?.phone).toBe('0113 000 0000');

    const fresh = found(value(await lookUp(nhsNumber)));
    // Another window cannot confirm this one's preview.
    expect(await app.call('pullFhirPatient', { previewId: fresh.previewId ?? '' }, { clientKey: 'test:other' })).toMatchObject({ ok: false });
    const pulled = value(await app.call('pullFhirPatient', { previewId: fresh.previewId ?? '' }, { clientKey: 'test:admin' }));
    expect(pulled).toEqual({ patientId: id, action: 'updated' });
    expect(patientRow(nhsNumber)).toMatchObject({ phone: '01632 960001', postcode: 'LS1 4AP' });
    // Details the server does not have are kept.
    expect(app.db.prepare('SELECT email FROM patient WHERE id = ?').get(id)).toEqual({ email: 'a@example.org' });
    expect(found(value(await lookUp(nhsNumber))).action).toBe('unchanged');
  });

  it('says when the server has no such patient, or more than one', async () => {
    value(app.services.fhirServer.update(settingsFor(server), admin));
    expect(value(await lookUp(nhsNumber))).toMatchObject({ kind: 'not-found', message: expect.stringMatching(/No patient with NHS number 943 476 5919/) as unknown as string });
    await server.repo.createResource(serverPatient(nhsNumber));
    await server.repo.createResource(serverPatient(nhsNumber, { birthDate: '1960-01-01' }));
    const answer = value(await lookUp(nhsNumber));
    expect(answer.kind).toBe('ambiguous');
    if (answer.kind === 'ambiguous') expect(answer.candidates).toHaveLength(2);
    expect(app.db.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 0 });
  });

  it('explains a refused sign-in, a server that is down or hangs, and a record that is not valid R4', async () => {
    value(app.services.fhirServer.update(settingsFor(server, 'wrong-token'), admin));
    expect(value(await lookUp(nhsNumber))).toMatchObject({ kind: 'server-problem', message: expect.stringMatching(/401/) as unknown as string });

    value(app.services.fhirServer.update(settingsFor(server), admin));
    server.interfere({ kind: 'hang' });
    expect(value(await lookUp(nhsNumber))).toMatchObject({ kind: 'server-problem', message: expect.stringMatching(/did not answer within/) as unknown as string });

    await server.repo.createResource(serverPatient(nhsNumber, { birthDate: '12/04/1958' }));
    expect(value(await lookUp(nhsNumber))).toMatchObject({ kind: 'server-problem', message: expect.stringMatching(/not valid FHIR R4/) as unknown as string });

    await server.stop();
    expect(value(await lookUp(nhsNumber))).toMatchObject({ kind: 'server-problem', message: expect.stringMatching(/connection refused/) as unknown as string });
    expect(app.db.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 0 });
  });
});
