import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/connection';
import { damageMiddlePages } from '../testing/damage';
import { clinicKeyOf, openTestApp, tempDir, type TestApp } from '../testing/testApp';
import { UploadStore } from '../web/uploads';
import { createFileLogger } from './logger';
import { startTestHarness } from '../testing/testHarness';
import type { Harness } from '../web/server';

/**
 * The app log never holds names, dates of birth or identifiers. Real operations
 * (successful, refused and one whose handler throws with patient data in the error) go through
 * the real harness and the real file logger; then every log file is searched for the data.
 */
const people = [
  { familyName: 'Quixotic-Farnsworth', givenNames: 'Zebedee', dateOfBirth: '1951-04-17', clinicIdentifier: 'QX-77123', nationalNumber: '943 476 5919' },
  { familyName: 'Oyelaran-Kastelič', givenNames: 'Wilhelmina', dateOfBirth: '1939-12-30', clinicIdentifier: 'WK-40981', nationalNumber: '485 777 3457' },
];
const renamed = { familyName: 'Thistlethwaite', givenNames: 'Perpetua', dateOfBirth: '1947-08-09' };

/** Every form the data could take in a log line. */
const secrets = [
  ...people.flatMap((p) => [p.familyName, p.givenNames, p.dateOfBirth, p.clinicIdentifier, p.nationalNumber]),
  ...people.flatMap((p) => [p.familyName.split('-')[0] ?? '', p.nationalNumber.replace(/ /g, ''), p.clinicIdentifier.split('-')[1] ?? '']),
  'Oyelaran',
  'Kastelic',
  renamed.familyName,
  renamed.givenNames,
  renamed.dateOfBirth,
  '17/04/1951',
  '04/17/1951',
  '19510417',
  '30/12/1939',
  '19391230',
  '09/08/1947',
].filter((s) => s.length >= 4);

let dir: string;
let app: TestApp;
let uploads: UploadStore;
let harness: Harness;
const admin = 'log-test-admin-01';

async function call(operation: string, body: unknown, raw?: string): Promise<{ status: number; json: { ok: boolean; value?: unknown; error?: { code: string } } }> {
  const res = await fetch(`${harness.url}api/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${harness.token}`, 'x-client-key': admin },
    body: raw ?? JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { ok: boolean } };
}

function logText(): string {
  const logs = path.join(dir, 'logs');
  return fs
    .readdirSync(logs)
    .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
    .join('\n');
}

beforeAll(async () => {
  dir = tempDir();
  uploads = new UploadStore();
  app = openTestApp(undefined, { dir, log: createFileLogger(path.join(dir, 'logs')), sources: uploads });
  harness = await startTestHarness(app, { log: createFileLogger(path.join(dir, 'logs')), uploads: { store: uploads } });
});

afterAll(async () => {
  await harness.close();
  uploads.dispose();
  app.dispose();
});

describe('the app log', () => {
  it('holds no patient names, dates of birth or identifiers, whatever the operations did', async () => {
    expect((await call('createFirstAdministrator', { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' })).status).toBe(200);
    const ids: { id: number; updatedAt: string }[] = [];
    for (const p of people) {
      const r = await call('createPatient', { patient: { ...p, sex: 'female', diabetesType: 'type2', notes: `${p.givenNames} ${p.familyName} born ${p.dateOfBirth}` } });
      expect(r.status).toBe(200);
      ids.push(r.json.value as { id: number; updatedAt: string });
    }
    const [first, second] = ids;
    if (!first || !second) throw new Error('patients missing');
    for (const q of ['zebedee', 'quixotic farns', '17/04/1951', 'QX-77123', '9434765919', 'oyelaran kastelic']) {
      expect((await call('searchPatients', { query: q })).status).toBe(200);
    }
    const updated = await call('updatePatient', { id: first.id, expectedUpdatedAt: first.updatedAt, patient: { ...people[0], ...renamed, sex: 'female', diabetesType: 'type2' } });
    expect(updated.status).toBe(200);
    expect((await call('getPatient', { id: second.id })).status).toBe(200);
    expect((await call('archivePatient', { id: second.id })).status).toBe(200);
    expect((await call('restorePatient', { id: second.id })).status).toBe(200);

    // Refused: duplicate identifier, impossible date, stale edit, bad cursor, unknown operation, bad JSON.
    expect((await call('createPatient', { patient: { ...people[1], sex: 'female', diabetesType: 'type2' } })).status).toBe(409);
    expect((await call('createPatient', { patient: { ...people[0], clinicIdentifier: 'NEW-1', dateOfBirth: '1951-02-31', sex: 'female', diabetesType: 'type2' } })).status).toBe(400);
    expect((await call('updatePatient', { id: second.id, expectedUpdatedAt: '2001-01-01T00:00:00.000Z', patient: { ...people[1], sex: 'female', diabetesType: 'type2' } })).status).toBe(409);
    expect((await call('searchPatients', { query: 'zebedee', cursor: '["Zebedee Quixotic-Farnsworth","1951-04-17",' })).status).toBe(400);
    expect((await call('Quixotic-Farnsworth-1951-04-17', {})).status).toBe(404);
    expect((await call('createPatient', null, `{"patient":{"familyName":"${people[0]?.familyName}","dateOfBirth":"1951-04-17"`)).status).toBe(400);
    expect((await call('signIn', { username: 'Zebedee.Quixotic', password: 'QX-77123' })).status).toBe(401);

    // A handler that throws with patient data in the error message.
    app.db.exec(`CREATE TEMP TRIGGER leak BEFORE UPDATE ON main.patient BEGIN SELECT RAISE(ABORT, 'Wilhelmina Oyelaran-Kastelič 1939-12-30 WK-40981'); END;`);
    const current = await call('getPatient', { id: second.id });
    const thrown = await call('updatePatient', { id: second.id, expectedUpdatedAt: (current.json.value as { updatedAt: string }).updatedAt, patient: { ...people[1], phone: '0123', sex: 'female', diabetesType: 'type2' } });
    expect(thrown.status).toBe(500);
    app.db.exec('DROP TRIGGER temp.leak');

    // Backups and restores, one of them from a file named after a patient.
    await app.backups.backUpAutomatically();
    expect((await call('backUpNow', {})).status).toBe(200);
    const olderFile = path.join(dir, 'older.db');
    const older = openDatabase({ file: olderFile });
    if (!older.ok) throw new Error(older.message);
    older.db.close();
    const upload = await fetch(`${harness.url}upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.token}`, 'x-client-key': admin, 'x-file-name': encodeURIComponent('Zebedee Quixotic-Farnsworth 1951-04-17.db') },
      body: fs.readFileSync(olderFile),
    });
    const chosen = ((await upload.json()) as { value: { ref: string } }).value;
    const refused = await fetch(`${harness.url}upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.token}`, 'x-client-key': admin, 'x-file-name': encodeURIComponent('Wilhelmina WK-40981.db') },
      body: 'Wilhelmina Oyelaran-Kastelič,1939-12-30,WK-40981\n'.repeat(50),
    });
    const refusedRef = ((await refused.json()) as { value: { ref: string } }).value.ref;
    expect((await call('restoreBackup', { source: { kind: 'file', ref: refusedRef } })).status).toBe(422);
    const backups = app.backups.list().backups;
    expect((await call('restoreBackup', { source: { kind: 'automatic', name: backups[0]?.name } })).status).toBe(200);
    expect((await call('signIn', { username: 'admin', password: 'correct horse battery' })).status).toBe(200);
    expect((await call('restoreBackup', { source: { kind: 'file', ref: chosen.ref } })).status).toBe(200);

    // A damaged database at start-up (recovery mode) logs too.
    app.close();
    const file = path.join(dir, 'test.db');
    const filler = openDatabase({ file, key: clinicKeyOf(file).database });
    if (!filler.ok) throw new Error(filler.message);
    filler.db.exec(`CREATE TABLE filler (x TEXT); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) INSERT INTO filler SELECT 'Zebedee 1951-04-17 ' || i FROM n;`);
    filler.db.close();
    damageMiddlePages(file);
    const recovering = openTestApp(undefined, { dir, log: createFileLogger(path.join(dir, 'logs')) });
    expect(recovering.mode).toBe('recovery');
    recovering.close();

    const text = logText();
    // Not vacuous: the events were logged.
    for (const event of ['operation failed', 'backup written', 'restore refused', 'database restored', 'recovery mode']) expect(text).toContain(event);
    const lower = text.toLowerCase();
    const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    const found = secrets.filter((s) => lower.includes(s.toLowerCase()) || fold(text).includes(fold(s)));
    expect(found).toEqual([]);
  });
});
