import type { Bundle, Coding, Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { appCodeSystemResources, isAppCode } from '#shared/fhir/codeSystems';
import { screeningTransaction } from '#shared/fhir/examBundle';
import { context, screeningSet } from '#shared/fhir/fixtures/screenings';
import { appFhirBase, externalSystems } from '#shared/fhir/systems';
import { utf8Encode } from '#shared/fhir/bytes';
import { loadR4Definitions, type R4Validator } from './r4Validator';

let r4: R4Validator;
beforeAll(async () => {
  r4 = await loadR4Definitions();
}, 30_000);

const bundles: [string, Bundle][] = screeningSet().map((s, i) => [
  `case ${i}`,
  screeningTransaction({ ...s, report: { pdf: utf8Encode('%PDF-1.7\n'), createdAt: '2025-11-03T10:22:00.000Z' } }, context),
]);

/** The only SNOMED CT and LOINC codes the export may use, with where each was checked (docs/interop.md). */
const checkedExternalCodes = new Set([
  `${externalSystems.snomed}|134388005`,
  `${externalSystems.snomed}|401191002`,
  `${externalSystems.snomed}|91161007`,
  `${externalSystems.snomed}|75976002`,
  `${externalSystems.snomed}|25594002`,
  `${externalSystems.snomed}|15508007`,
  `${externalSystems.loinc}|8480-6`,
]);

function codings(value: unknown, out: Coding[] = []): Coding[] {
  if (Array.isArray(value)) for (const v of value) codings(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.system === 'string' && typeof o.code === 'string' && !('value' in o)) out.push(o as Coding);
    for (const v of Object.values(o)) codings(v, out);
  }
  return out;
}

describe('every resource the export produces is valid FHIR R4', () => {
  it.each(bundles)('the transaction bundle and each of its resources (%s)', (_name, bundle) => {
    expect(r4.validate(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) expect(r4.validate(entry.resource as Resource), entry.resource?.resourceType).toEqual([]);
  });

  it('the app’s code systems, published as CodeSystem resources', () => {
    for (const cs of appCodeSystemResources()) expect(r4.validate(cs), cs.url).toEqual([]);
  });

  it.each(bundles)('uses only checked SNOMED CT and LOINC codes, real HL7 codes, and codes of the app’s own tables (%s)', (_name, bundle) => {
    for (const c of codings(bundle)) {
      const key = `${c.system ?? ''}|${c.code ?? ''}`;
      if (c.system === externalSystems.snomed || c.system === externalSystems.loinc) expect(checkedExternalCodes.has(key), key).toBe(true);
      else if (c.system?.startsWith(appFhirBase)) {
        // Identifier systems of tags are the app's identifiers, not code systems.
        if (!c.system.includes('/Id/')) expect(isAppCode(c), key).toBe(true);
      } else expect(r4.isKnownCode(c.system ?? '', c.code ?? ''), key).toBe(true);
    }
  });
});

describe('the validator catches what it must', () => {
  it('a code outside a required value set, which Medplum alone lets through', () => {
    expect(r4.validate({ resourceType: 'Patient', gender: 'bogus' as 'male' })).toEqual([
      { path: 'Patient.gender', message: 'Code "bogus" is not in the required value set http://hl7.org/fhir/ValueSet/administrative-gender|4.0.1' },
    ]);
  });
  it('a missing status, a wrong date and an unknown element', () => {
    const issues = r4.validate({ resourceType: 'Observation', code: { text: 'x' }, effectiveDateTime: '03/11/2025', colour: 'red' } as unknown as Resource);
    expect(issues.map((i) => i.path).sort()).toEqual(['Observation.colour', 'Observation.effective[x]', 'Observation.status']);
  });
  it('errors inside a bundle entry, naming the entry', () => {
    const bundle = bundles[0]?.[1];
    const broken = JSON.parse(JSON.stringify(bundle)) as Bundle;
    const obs = broken.entry?.find((e) => e.resource?.resourceType === 'Observation');
    if (obs?.resource?.resourceType === 'Observation') obs.resource.status = 'done' as 'final';
    const index = broken.entry?.indexOf(obs as never) ?? -1;
    expect(r4.validate(broken)).toEqual([
      { path: `Bundle.entry[${index}].resource.status`, message: 'Code "done" is not in the required value set http://hl7.org/fhir/ValueSet/observation-status|4.0.1' },
    ]);
  });
  it('ras-2 only where a prediction has no probability (a known defect of the R4 invariant); a probability over 100 still fails', () => {
    const risk = { resourceType: 'RiskAssessment', status: 'final', subject: { reference: 'Patient/1' }, prediction: [{ qualitativeRisk: { text: 'low' } }] } as const;
    expect(r4.validate(risk as unknown as Resource)).toEqual([]);
    const over = { ...risk, prediction: [{ probabilityDecimal: 150 }] };
    expect(r4.validate(over as unknown as Resource).map((i) => i.message)).toEqual([expect.stringMatching(/^Constraint ras-2 not met/)]);
  });
});
