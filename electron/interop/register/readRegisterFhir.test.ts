import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bundle, Patient } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, fullPatient, plainPatient } from '#shared/fhir/fixtures/screenings';
import { diabetesCondition, patientResource } from '#shared/fhir/patient';
import { loadR4Definitions } from '../fhir/r4Validator';
import { collectImport } from './collectImport';
import { readRegisterFhir, type RegisterFhirOptions } from './readRegisterFhir';

let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-fhir-'));
  await loadR4Definitions();
}, 30_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const options: RegisterFhirOptions = {
  dateOrder: 'dmy',
  nationalNumberFormat: 'nhs',
  today: '2026-01-15',
  clinicIdentifierSystem: context.clinicIdentifierSystem,
};

let n = 0;
function file(content: string): string {
  n += 1;
  const p = path.join(dir, `patients-${n}.json`);
  fs.writeFileSync(p, content);
  return p;
}

const nhs = (value: string): Patient['identifier'] => [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value }];
const simple = (id: string, identifier: Patient['identifier'], extra: Partial<Patient> = {}): Patient => ({
  resourceType: 'Patient',
  id,
  identifier,
  name: [{ family: 'Able', given: ['Ann'] }],
  birthDate: '1950-01-01',
  gender: 'female',
  ...extra,
});

describe('a FHIR Bundle of Patients', () => {
  it('reads our own Patient and diabetes Condition back to the same patient', async () => {
    const patient = { ...patientResource(fullPatient, context), id: 'p1' };
    const condition = diabetesCondition(fullPatient, { reference: 'Patient/p1' });
    const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient }, ...(condition ? [{ resource: condition }] : [])] };
    const result = await collectImport(readRegisterFhir(file(JSON.stringify(bundle, null, 2)), options));
    expect(result.failed).toBeNull();
    expect(result.start).toEqual({ kind: 'start', format: 'bundle', otherResources: 0 });
    expect(result.patients).toEqual([{ at: 1, where: 'entry 1', lastUpdated: null, patient: fullPatient }]);
  });

  it('refuses, by entry, a Patient that is not valid R4, one failing the check digit and a second use of a number', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: [
        { resource: simple('a', nhs('9434765919')) },
        { resource: simple('b', nhs('4010232137'), { birthDate: '03/07/1956' }) },
        { resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' } } },
        { resource: simple('c', nhs('9434765910')) },
        { resource: simple('d', nhs('9434765919'), { meta: { lastUpdated: '2025-06-01T12:00:00Z' } }) },
        { resource: { ...simple('e', nhs('4857773457')), gender: 'woman' as 'female' } },
      ],
    };
    const result = await collectImport(readRegisterFhir(file(JSON.stringify(bundle)), options));
    expect(result.start).toEqual({ kind: 'start', format: 'bundle', otherResources: 1 });
    expect(result.patients.map((p) => p.where)).toEqual(['entry 1']);
    expect(result.refused).toEqual([
      { at: 2, where: 'entry 2', label: 'Patient/b', reasons: ['Not valid FHIR R4: Invalid date format (Patient.birthDate)'] },
      { at: 4, where: 'entry 4', label: 'ABLE, Ann', reasons: ['9434765910 is not a valid NHS number: its check digit does not match'] },
      { at: 5, where: 'entry 5', label: 'ABLE, Ann', reasons: ['NHS number 943 476 5919 is already used by entry 1'] },
      {
        at: 6,
        where: 'entry 6',
        label: 'Patient/e',
        reasons: ['Not valid FHIR R4: Code "woman" is not in the required value set http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1 (Patient.gender)'],
      },
    ]);
  });

  it('refuses JSON that is not FHIR, and a Bundle over the size limit with what to do instead', async () => {
    expect((await collectImport(readRegisterFhir(file('{\n "hello": 1\n}'), options))).failed?.message).toBe('The file is JSON but not a FHIR Bundle or Patient (no "resourceType").');
    expect((await collectImport(readRegisterFhir(file('{\n not json'), options))).failed?.message).toMatch(/^The file is neither FHIR JSON nor NDJSON/);
    const big = file(JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [] }, null, 2));
    expect((await collectImport(readRegisterFhir(big, { ...options, maxBundleBytes: 10 }))).failed?.message).toMatch(/Export the register as NDJSON/);
  });
});

describe('NDJSON (FHIR Bulk Data)', () => {
  it('reads one Patient per line, numbering refusals by line, skipping other types', async () => {
    const lines = [
      JSON.stringify(patientResource(plainPatient, context)),
      '',
      '{"resourceType": "Patient", "broken"',
      JSON.stringify({ resourceType: 'Encounter', status: 'finished', class: { code: 'AMB' } }),
      JSON.stringify(simple('x', [{ system: context.clinicIdentifierSystem, value: 'H222' }])),
      JSON.stringify({ ...simple('y', nhs('4010232137')), colour: 'red' }),
    ];
    const result = await collectImport(readRegisterFhir(file(`${lines.join('\n')}\n`), options));
    expect(result.failed).toBeNull();
    expect(result.patients).toEqual([{ at: 1, where: 'line 1', lastUpdated: null, patient: plainPatient }]);
    expect(result.refused).toEqual([
      { at: 3, where: 'line 3', label: null, reasons: ['Not valid JSON: each line must be one FHIR resource'] },
      { at: 5, where: 'line 5', label: 'ABLE, Ann', reasons: ['Patient ID H222 is already used by line 1'] },
      { at: 6, where: 'line 6', label: 'Patient/y', reasons: ['Not valid FHIR R4: Invalid additional property "colour" (Patient.colour)'] },
    ]);
  });
});
