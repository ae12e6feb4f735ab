import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPatient, amendedExam, fullBilateralFindings, nurse, signedExam, vignette } from '../../testing/clinic';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';

let source: TestApp;
let target: TestApp;
beforeEach(() => {
  source = openTestApp(fixedClock('2026-11-25T10:00:00.000Z'));
  target = openTestApp(fixedClock('2026-11-26T09:00:00.000Z'));
});
afterEach(() => {
  source.dispose();
  target.dispose();
});

const admin = { name: 'admin' };

/** Three patients, four screenings, one of them amended (two versions). */
function fillSource(): void {
  const a = addPatient(source, { nationalNumber: '9434765919', familyName: 'Okafor', givenNames: 'Chidi' });
  const b = addPatient(source, { familyName: 'Nakamura', givenNames: 'Yui', clinicIdentifier: 'H-2002', sex: 'female' });
  const c = addPatient(source, { nationalNumber: '9434765870', familyName: 'Evans', givenNames: 'Rhys', sex: 'male' });
  signedExam(source, a, '2026-06-01', vignette('V01'));
  const first = signedExam(source, a, '2026-11-20', vignette('V02'));
  amendedExam(source, first, vignette('V03'));
  signedExam(source, b, '2026-11-21', fullBilateralFindings(), { protocol: '10-site' });
  signedExam(source, c, '2026-11-22', vignette('V04'));
}

async function exportTo(app: TestApp, name: string): Promise<string> {
  const dir = path.join(app.dir, name);
  const r = await app.services.fhirExport.exportBulk(dir, admin);
  if (!r.ok) throw new Error(r.error.message);
  return dir;
}

/**
 * The resources of a bulk export with what is local to one database taken out: the installation
 * ids (in identifier systems and values) and the resource ids derived from them. References
 * become the referenced resource's type and identifiers, so the comparison still checks them.
 */
function comparable(dir: string, installations: readonly string[]): Record<string, string[]> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ndjson') && f !== 'CodeSystem.ndjson');
  const scrub = (text: string): string => installations.reduce((t, id) => t.split(id).join('<installation>'), text);
  const resources = files.flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { resourceType: string; id: string; identifier?: unknown }));
  const keyOf = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, `${r.resourceType}:${scrub(JSON.stringify(r.identifier ?? null))}`]));
  const out: Record<string, string[]> = {};
  for (const r of resources) {
    const { id: _id, ...rest } = r;
    const text = scrub(JSON.stringify(rest).replace(/"reference":"([A-Za-z]+\/[0-9a-f-]{36})"/g, (_m, ref: string) => `"reference":${JSON.stringify(keyOf.get(ref) ?? ref)}`));
    (out[r.resourceType] ??= []).push(text);
  }
  for (const list of Object.values(out)) list.sort();
  return out;
}

function count(app: TestApp, sql: string): number {
  return (app.db.prepare(sql).get() as { n: number }).n;
}

describe('FHIR import of signed screenings', () => {
  it('export -> import into an empty database -> export again gives the same patients, screenings and assessments', async () => {
    fillSource();
    const first = await exportTo(source, 'first');
    const outcome = await target.services.fhirImport.run([first], admin);
    if (!outcome.ok) throw new Error(`${outcome.failure.message} ${JSON.stringify(outcome.failure.problems)}`);
    expect(outcome.report).toMatchObject({ screenings: 5, imported: 5, alreadyHere: 0, patientsCreated: 3, patientsMatched: 0 });

    // Real rows: patients, signed versions (the amended one superseded), findings and assessments as signed.
    expect(count(target, 'SELECT count(*) AS n FROM patient')).toBe(3);
    expect(target.db.prepare('SELECT state, count(*) AS n FROM exam GROUP BY state ORDER BY state').all()).toEqual([
      { state: 'signed', n: 4 },
      { state: 'superseded', n: 1 },
    ]);
    const rows = (app: TestApp): unknown[] =>
      app.db
        .prepare<[], Record<string, unknown>>(
          "SELECT p.family_name, e.version, e.state, e.examined_on, e.signed_at, e.signed_by_name, e.findings_json, e.assessment_json, e.amendment_reason FROM exam e JOIN patient p ON p.id = e.patient_id WHERE e.state IN ('signed', 'superseded') ORDER BY p.family_name, e.examined_on, e.version",
        )
        .all()
        // The JSON compared as values, so a failure shows which field differs.
        .map((r) => ({ ...r, findings_json: JSON.parse(String(r.findings_json)) as unknown, assessment_json: JSON.parse(String(r.assessment_json)) as unknown }));
    const [here, there] = [rows(target), rows(source)];
    for (let i = 0; i < there.length; i++) expect(here[i]).toEqual(there[i]);
    // Per-foot rows for queries (worklist, dashboard) are written as for a screening signed here.
    expect(count(target, 'SELECT count(*) AS n FROM exam_foot')).toBe(count(source, "SELECT count(*) AS n FROM exam_foot f JOIN exam e ON e.id = f.exam_id WHERE e.state IN ('signed', 'superseded')"));

    const second = await exportTo(target, 'second');
    const installations = [source.services.fhirExport.context().installationId, target.services.fhirExport.context().installationId];
    expect(comparable(second, installations)).toEqual(comparable(first, installations));
  }, 180_000);

  it('records a foreign signer as the file names them, without making an account', async () => {
    fillSource();
    const dir = await exportTo(source, 'bulk');
    const outcome = await target.services.fhirImport.run([dir], admin);
    expect(outcome.ok).toBe(true);
    const sourceInstallation = source.services.fhirExport.context().installationId;
    expect(target.db.prepare("SELECT DISTINCT signed_by, signed_by_name FROM exam WHERE state = 'signed'").all()).toEqual([{ signed_by: `${sourceInstallation}/${nurse.username}`, signed_by_name: nurse.displayName }]);
    expect(count(target, `SELECT count(*) AS n FROM app_user WHERE username = '${nurse.username}'`)).toBe(0);
    expect(target.db.prepare('SELECT DISTINCT signer_role, signer_name FROM exam_origin').all()).toEqual([{ signer_role: 'nurse', signer_name: nurse.displayName }]);
    expect(target.db.prepare("SELECT actor FROM audit_log WHERE action = 'import.fhir'").all()).toHaveLength(1);
  }, 180_000);

  it('imports the same export twice without adding anything; a transaction Bundle file imports too', async () => {
    const patient = addPatient(source, { nationalNumber: '9434765919' });
    const examId = signedExam(source, patient, '2026-11-25', vignette('V01'));
    const dir = await exportTo(source, 'bulk');
    expect((await target.services.fhirImport.run([dir], admin)).ok).toBe(true);
    const again = await target.services.fhirImport.run([dir], admin);
    expect(again).toMatchObject({ ok: true, report: { imported: 0, alreadyHere: 1 } });

    const bundle = await source.services.fhirExport.bundle(examId);
    if (!bundle.ok) throw new Error(bundle.error.message);
    const file = path.join(source.dir, 'screening.json');
    fs.writeFileSync(file, JSON.stringify(bundle.value));
    expect(await target.services.fhirImport.run([file], admin)).toMatchObject({ ok: true, report: { imported: 0, alreadyHere: 1 } });
    expect(count(target, 'SELECT count(*) AS n FROM exam')).toBe(1);
    // Brought back to where it was made: already here.
    expect(await source.services.fhirImport.run([file], admin)).toMatchObject({ ok: true, report: { imported: 0, alreadyHere: 1 } });
  }, 180_000);

  it('refuses FHIR that is not valid R4, naming the file, line and resource, and stores nothing', async () => {
    fillSource();
    const dir = await exportTo(source, 'bulk');
    const obsFile = path.join(dir, 'Observation.ndjson');
    const lines = fs.readFileSync(obsFile, 'utf8').trim().split('\n');
    const broken = JSON.parse(lines[2] ?? '{}') as { id: string; status: string };
    broken.status = 'maybe';
    lines[2] = JSON.stringify(broken);
    fs.writeFileSync(obsFile, `${lines.join('\n')}\n`);

    const outcome = await target.services.fhirImport.run([dir], admin);
    if (outcome.ok) throw new Error('imported a file that is not valid R4');
    expect(outcome.failure.message).toBe('Nothing was imported: 1 problem in the files.');
    expect(outcome.failure.problems).toEqual([{ where: `Observation.ndjson line 3 (Observation/${broken.id})`, message: expect.stringContaining('"maybe" is not in the required value set') }]);
    expect(count(target, 'SELECT count(*) AS n FROM patient') + count(target, 'SELECT count(*) AS n FROM exam')).toBe(0);
  }, 180_000);

  it('is one transaction: a problem found while storing the third patient leaves nothing of the first two', async () => {
    fillSource();
    const dir = await exportTo(source, 'bulk');
    // Rhys Evans is already on the register here with a screening in progress.
    const evans = addPatient(target, { nationalNumber: '9434765870', familyName: 'Evans', givenNames: 'Rhys', sex: 'male' });
    const draft = target.services.exams.start(evans, 'iwgdf-3', '2026-11-26', nurse);
    expect(draft.ok).toBe(true);
    const outcome = await target.services.fhirImport.run([dir], admin);
    if (outcome.ok) throw new Error('imported over a screening in progress');
    expect(outcome.failure.message).toMatch(/^Nothing was imported: EVANS, Rhys has a screening in progress here/);
    expect(count(target, 'SELECT count(*) AS n FROM patient')).toBe(1);
    expect(count(target, "SELECT count(*) AS n FROM exam WHERE state <> 'draft'")).toBe(0);
    expect(count(target, 'SELECT count(*) AS n FROM exam_origin')).toBe(0);
  }, 180_000);
});
