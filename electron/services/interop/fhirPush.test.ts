import type { DiagnosticReport, Observation, Patient } from '@medplum/fhirtypes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExamDelivery, FhirServerSettingsInput } from '#shared/domain/fhirServer';
import { addPatient, amendedExam, signedExam, vignette } from '../../testing/clinic';
import { FhirTestServer } from '../../testing/fhirTestServer';
import { openTestApp, signedInContext, type TestApp } from '../../testing/testApp';

// The real sender against a real FHIR server (Medplum's router and in-memory repository behind
// node:http on a loopback port), with waits shortened from seconds to milliseconds.
// The in-memory server searches every stored resource for each conditional create, so a
// transaction takes seconds once a few screenings are stored: the answer time-out is generous.
const tuning = { firstRetryMs: 40, maxRetryMs: 200, timeoutMs: 600_000, testTimeoutMs: 3_000 };
const admin = { name: 'admin' };

let server: FhirTestServer;
let app: TestApp;
let dir: string | null = null;

function settingsFor(s: FhirTestServer, token = 'clinic-token'): FhirServerSettingsInput {
  return { baseUrl: s.baseUrl, auth: 'bearer', bearerToken: token, tokenUrl: '', clientId: '', clientSecret: '' };
}

function deliveries(a: TestApp): ExamDelivery[] {
  return a.db
    .prepare<[], { exam_id: number }>('SELECT exam_id FROM fhir_outbox ORDER BY exam_id')
    .all()
    .map((r) => a.services.fhirPush.status(r.exam_id))
    .filter((d): d is ExamDelivery => d !== null);
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 500_000, shown: TestApp = app): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(shown.db.open ? deliveries(shown) : [])}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function reportsOnServer(): Promise<DiagnosticReport[]> {
  return server.search<DiagnosticReport>('DiagnosticReport');
}

beforeEach(async () => {
  server = new FhirTestServer();
  server.requiredToken = 'clinic-token';
  await server.reservePort();
  app = openTestApp(undefined, { fhirPush: tuning });
  dir = app.dir;
}, 120_000);

afterEach(async () => {
  app.dispose();
  await server.stop();
}, 120_000);

describe('sending signed screenings to the clinic FHIR server', () => {
  it('is off by default: signing queues nothing and no request is made', async () => {
    const examId = signedExam(app, addPatient(app), '2026-11-25', vignette('V01'));
    await app.services.fhirPush.runOnce();
    expect(app.services.fhirPush.status(examId)).toBeNull();
    expect(app.db.prepare('SELECT count(*) AS n FROM fhir_outbox').get()).toEqual({ n: 0 });
    expect(server.requests).toEqual([]);
  });

  it('server down: three screenings queue; server up: each is delivered exactly once', async () => {
    expect(app.services.fhirServer.update(settingsFor(server), admin).ok).toBe(true);
    const ids = [
      signedExam(app, addPatient(app, { nationalNumber: '9434765919' }), '2026-11-25', vignette('V01')),
      signedExam(app, addPatient(app), '2026-11-25', vignette('V02')),
      signedExam(app, addPatient(app), '2026-11-25', vignette('V03')),
    ];
    await app.services.fhirPush.runOnce();
    const queued = deliveries(app);
    expect(queued.map((d) => d.status)).toEqual(['queued', 'queued', 'queued']);
    expect(queued.find((d) => d.attempts > 0)?.lastError).toMatch(/connection refused/);

    await server.start();
    await until('all three sent', () => deliveries(app).every((d) => d.status === 'sent'));
    const reports = await reportsOnServer();
    expect(reports).toHaveLength(3);
    for (const id of ids) {
      const d = app.services.fhirPush.status(id);
      expect(d?.serverId).toMatch(/^DiagnosticReport\//);
      expect(reports.filter((r) => `DiagnosticReport/${r.id ?? ''}` === d?.serverId)).toHaveLength(1);
    }
    expect(await server.search<Patient>('Patient')).toHaveLength(3);
    expect(server.requests.every((r) => r.authorization === 'Bearer clinic-token')).toBe(true);
  }, 900_000);

  it('an answer lost on the way is sent again and makes no duplicate; an amendment goes too', async () => {
    await server.start();
    app.services.fhirServer.update(settingsFor(server), admin);
    server.interfere({ kind: 'lose-response' });
    const first = signedExam(app, addPatient(app), '2026-11-25', vignette('V01'));
    await until('sent after the lost answer', () => app.services.fhirPush.status(first)?.status === 'sent');
    expect(app.services.fhirPush.status(first)?.attempts).toBe(2);
    const observations = (await server.search<Observation>('Observation')).length;
    expect(await reportsOnServer()).toHaveLength(1);
    expect(await server.search<Patient>('Patient')).toHaveLength(1);

    const amended = amendedExam(app, first, vignette('V02'));
    await until('amendment sent', () => app.services.fhirPush.status(amended)?.status === 'sent');
    const reports = await reportsOnServer();
    expect(reports.map((r) => r.status).sort()).toEqual(['amended', 'final']);
    expect((await server.search<Observation>('Observation')).length).toBeGreaterThan(observations);
    expect(await server.search<Patient>('Patient')).toHaveLength(1);
  }, 900_000);

  it('a 400 from the server: failed with its reason, then sent by "Retry now"', async () => {
    await server.start();
    app.services.fhirServer.update(settingsFor(server), admin);
    server.interfere({ kind: 'refuse', status: 400, reason: 'Patient.identifier: this NHS number is not on the spine' });
    const examId = signedExam(app, addPatient(app), '2026-11-25', vignette('V01'));
    await until('failed', () => app.services.fhirPush.status(examId)?.status === 'failed');
    expect(app.services.fhirPush.status(examId)?.lastError).toBe('The server answered 400 Bad Request: Patient.identifier: this NHS number is not on the spine');
    // Failed stays failed: the sender does not try again on its own.
    await new Promise((r) => setTimeout(r, 300));
    expect(app.services.fhirPush.status(examId)).toMatchObject({ status: 'failed', attempts: 1 });

    const context = await signedInContext(app);
    const retried = await app.call('retryExamDelivery', { examId }, context);
    expect(retried.ok).toBe(true);
    await until('sent after retry', () => app.services.fhirPush.status(examId)?.status === 'sent');
    expect(await reportsOnServer()).toHaveLength(1);
  }, 900_000);

  it('a busy server (503) is tried again later, not failed', async () => {
    await server.start();
    app.services.fhirServer.update(settingsFor(server), admin);
    server.interfere({ kind: 'refuse', status: 503, reason: 'Down for maintenance' });
    const examId = signedExam(app, addPatient(app), '2026-11-25', vignette('V01'));
    await until('sent after the 503', () => app.services.fhirPush.status(examId)?.status === 'sent');
    expect(app.services.fhirPush.status(examId)?.attempts).toBe(2);
    expect(await reportsOnServer()).toHaveLength(1);
  }, 900_000);

  it('the outbox survives closing the app, and a send cut off by a crash is sent again', async () => {
    app.services.fhirServer.update(settingsFor(server), admin);
    const waiting = signedExam(app, addPatient(app), '2026-11-25', vignette('V01'));
    const interrupted = signedExam(app, addPatient(app), '2026-11-25', vignette('V02'));
    // As if the app died with this one on the wire.
    app.db.prepare("UPDATE fhir_outbox SET status = 'sending', attempts = 1 WHERE exam_id = ?").run(interrupted);
    app.close();

    await server.start();
    const reopened = openTestApp(undefined, { fhirPush: tuning, dir: dir ?? undefined });
    try {
      await until('both sent after reopening', () => [waiting, interrupted].every((id) => reopened.services.fhirPush.status(id)?.status === 'sent'), 500_000, reopened);
      expect(await reportsOnServer()).toHaveLength(2);
    } finally {
      reopened.close();
    }
  }, 900_000);
});

describe('Test connection', () => {
  it('names what went wrong: refused, sign-in refused, server error, time-out; and says who answered', async () => {
    const fhirServer = app.services.fhirServer;
    expect(await fhirServer.test(settingsFor(server))).toMatchObject({ ok: false, message: expect.stringMatching(/connection refused/) });
    await server.start();
    expect(await fhirServer.test(settingsFor(server))).toEqual({ ok: true, message: 'Connected: Medplum FHIR router (test server) 4.5.2, FHIR 4.0.1.', server: 'Medplum FHIR router (test server) 4.5.2, FHIR 4.0.1' });
    expect(await fhirServer.test(settingsFor(server, 'wrong'))).toMatchObject({ ok: false, message: 'The server answered 401 Unauthorized: Unauthorized' });
    server.interfere({ kind: 'refuse', status: 500, reason: 'Database unavailable' });
    expect(await fhirServer.test(settingsFor(server))).toMatchObject({ ok: false, message: 'The server answered 500 Internal Server Error: Database unavailable' });
    server.interfere({ kind: 'hang' });
    expect(await fhirServer.test(settingsFor(server))).toMatchObject({ ok: false, message: expect.stringMatching(/did not answer within 3 seconds/) });
  }, 60_000);

  it('keeps secrets in the main process: Settings reads back only whether they are set', async () => {
    const context = await signedInContext(app);
    const saved = await app.call('updateFhirServerSettings', settingsFor(server, 'very-secret-token'), context);
    expect(saved).toEqual({
      ok: true,
      value: { baseUrl: server.baseUrl, auth: 'bearer', bearerTokenSet: true, tokenUrl: '', clientId: '', clientSecretSet: false, sending: true },
    });
    expect(JSON.stringify(await app.call('getFhirServerSettings', {}, context))).not.toContain('very-secret-token');
    // Saving again with the token field left empty keeps the token.
    await app.call('updateFhirServerSettings', { ...settingsFor(server), bearerToken: '' }, context);
    expect(app.services.fhirServer.connection()).toMatchObject({ auth: { kind: 'bearer', token: 'very-secret-token' } });
    expect(JSON.stringify(app.db.prepare("SELECT details FROM audit_log WHERE action = 'settings.update'").all())).not.toContain('very-secret-token');
  });
});
