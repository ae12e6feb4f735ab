import type { Bundle, DiagnosticReport, Observation, RiskAssessment } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { appCodeSystemResources, appCodeSystemTables, duplicateFindingKeys } from './codeSystems';
import { toBulkForm, toBulkLines } from './bulkForm';
import { resourceList, screeningResources, screeningTransaction, type ScreeningForFhir } from './examBundle';
import { context, everythingFindings, fullPatient, screening, screeningSet } from './fixtures/screenings';
import { bundleResources, importedStates, readScreenings, type ImportedScreening } from './readScreenings';
import { appCodeSystemUrl } from './systems';
import { base64FromBytes, bytesFromBase64, utf8Decode, utf8Encode } from './bytes';

const readOptions = {
  dateOrder: 'dmy' as const,
  nationalNumberFormat: 'nhs' as const,
  today: '2026-01-15',
  clinicIdentifierSystem: context.clinicIdentifierSystem,
};

function readBack(bundle: Bundle): ImportedScreening {
  const { screenings, issues } = readScreenings(bundleResources(bundle), readOptions);
  expect(issues).toEqual([]);
  expect(screenings).toHaveLength(1);
  const [one] = screenings;
  if (!one) throw new Error('no screening');
  return one;
}

/** What an import would store, as the input to export it again (the series and signer identifiers kept). */
function asInput(imported: ImportedScreening, report?: ScreeningForFhir['report']): ScreeningForFhir {
  return {
    patient: imported.patient,
    signer: imported.signer,
    series: imported.series,
    report,
    screening: {
      seriesId: 0, // a new database's own id: the kept series identifier wins
      version: imported.version,
      protocol: imported.protocol,
      examinedOn: imported.examinedOn,
      signedAt: imported.signedAt,
      signedBy: imported.signer.username,
      signedByName: imported.signedByName,
      amendmentReason: imported.amendmentReason,
      findings: imported.findings,
      assessment: imported.assessment,
    },
  };
}

describe('export -> import -> export', () => {
  it.each(screeningSet().map((s, i) => [i, s] as const))('gives back the same patient, screening and assessment, and the same bundle (case %i)', (_i, input) => {
    const bundle = screeningTransaction(input, context);
    const imported = readBack(bundle);
    expect(imported.patient).toEqual(input.patient);
    expect(imported.findings).toEqual(input.screening.findings);
    expect(imported.assessment).toEqual(input.screening.assessment);
    expect({
      version: imported.version,
      protocol: imported.protocol,
      examinedOn: imported.examinedOn,
      signedAt: imported.signedAt,
      signedBy: imported.signer.username,
      signedByName: imported.signedByName,
      role: imported.signer.role,
      amendmentReason: imported.amendmentReason,
    }).toEqual({
      version: input.screening.version,
      protocol: input.screening.protocol,
      examinedOn: input.screening.examinedOn,
      signedAt: input.screening.signedAt,
      signedBy: input.screening.signedBy,
      signedByName: input.screening.signedByName,
      role: input.signer.role,
      amendmentReason: input.screening.amendmentReason,
    });
    // Exported again from the importing database (another installation): byte for byte the same.
    const otherContext = { ...context, installationId: '00000000-0000-4000-8000-000000000000' };
    expect(JSON.stringify(screeningTransaction(asInput(imported), { ...otherContext, clinicIdentifierSystem: context.clinicIdentifierSystem }))).toBe(JSON.stringify(bundle));
  });

  it('is deterministic: the same screening gives the same bytes', () => {
    const input = screening(fullPatient, everythingFindings());
    expect(JSON.stringify(screeningTransaction(input, context))).toBe(JSON.stringify(screeningTransaction(input, context)));
  });
});

describe('the transaction bundle', () => {
  const input = screeningSet()[0];
  if (!input) throw new Error('fixture');
  const bundle = screeningTransaction({ ...input, report: { pdf: utf8Encode('%PDF-1.7 test'), createdAt: '2025-11-03T10:22:00.000Z' } }, context);
  const entries = bundle.entry ?? [];

  it('makes every entry a conditional create on its own identifier, with unique full URLs', () => {
    expect(new Set(entries.map((e) => e.fullUrl)).size).toBe(entries.length);
    for (const e of entries) {
      expect(e.fullUrl).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(e.request?.method).toBe('POST');
      expect(e.request?.ifNoneExist).toMatch(/^(identifier|_tag)=[^|]+\|.+$/);
    }
    expect(new Set(entries.map((e) => e.request?.ifNoneExist)).size).toBe(entries.length);
    const patientEntry = entries.find((e) => e.resource?.resourceType === 'Patient');
    expect(patientEntry?.request?.ifNoneExist).toBe('identifier=https%3A%2F%2Ffhir.nhs.uk%2FId%2Fnhs-number|9434765919');
  });

  it('resolves every reference inside the bundle', () => {
    const urls = new Set(entries.map((e) => e.fullUrl));
    const refs = JSON.stringify(bundle).match(/"reference":"([^"]+)"/g) ?? [];
    expect(refs.length).toBeGreaterThan(100);
    for (const r of refs) expect(urls.has(r.slice(13, -1))).toBe(true);
  });

  it('has one Observation per recorded item: 10 sites and a panel per foot, and the raw answers as components', () => {
    const observations = entries.map((e) => e.resource).filter((r): r is Observation => r?.resourceType === 'Observation');
    const sites = observations.filter((o) => o.code.coding?.some((c) => c.code === 'monofilament-site'));
    expect(sites).toHaveLength(20);
    const hallux = sites.find((o) => o.bodySite?.coding?.[0]?.code === 'right.hallux');
    expect(hallux?.component?.map((c) => [c.code.coding?.[0]?.code, c.valueBoolean])).toEqual([
      ['application-real', true],
      ['application-sham', false],
      ['application-real', true],
    ]);
    expect(hallux?.code.coding?.[0]).toEqual({ system: 'http://snomed.info/sct', code: '134388005' });
    const callusSite = sites.find((o) => o.bodySite?.coding?.[0]?.code === 'left.mth3');
    expect(callusSite?.dataAbsentReason?.coding?.map((c) => c.code)).toEqual(['not-performed', 'callus']);
    expect(callusSite?.note).toEqual([{ text: 'Thick callus' }]);
    const abi = observations.find((o) => o.code.coding?.some((c) => c.code === 'ankle-brachial-index') && o.bodySite?.coding?.[0]?.code === 'left.foot');
    expect(abi?.dataAbsentReason?.coding?.[0]?.code).toBe('not-performed');
  });

  it('carries the PDF and the assessment as signed in the report', () => {
    const report = entries.find((e) => e.resource?.resourceType === 'DiagnosticReport')?.resource as DiagnosticReport;
    expect(report.presentedForm?.map((f) => [f.contentType, f.title])).toEqual([
      ['application/pdf', 'Clinician report'],
      ['application/json', 'Assessment as signed (foot screening engine output, JSON)'],
    ]);
    expect(utf8Decode(bytesFromBase64(report.presentedForm?.[0]?.data ?? '') ?? new Uint8Array())).toBe('%PDF-1.7 test');
    expect(report.conclusionCode?.map((c) => c.coding?.[0]?.code)).toEqual([String(input.screening.assessment.iwgdf2023.category), input.screening.assessment.nice.category]);
  });

  it('gives each guideline a RiskAssessment with its category, reasons, rule set version and evidence', () => {
    const risks = entries.map((e) => e.resource).filter((r): r is RiskAssessment => r?.resourceType === 'RiskAssessment');
    expect(risks.map((r) => r.code?.coding?.[0]?.code)).toEqual(['iwgdf-2023', 'nice-ng19']);
    const [iwgdf] = risks;
    expect(iwgdf?.method?.text).toMatch(/^IWGDF-2023 rule set \d+\.\d+\.\d+ \(engine \d+\.\d+\.\d+\)$/);
    expect(iwgdf?.prediction?.[0]?.qualitativeRisk?.coding?.[0]).toMatchObject({ system: appCodeSystemUrl('iwgdf-category'), code: String(input.screening.assessment.iwgdf2023.category) });
    expect(iwgdf?.basis?.length).toBeGreaterThan(0);
    expect(iwgdf?.note?.length).toBe(input.screening.assessment.iwgdf2023.because.length + input.screening.assessment.iwgdf2023.toSettle.length);
  });
});

describe('an amendment', () => {
  const amended = screeningSet()[4];
  if (!amended) throw new Error('fixture');
  const resources = screeningResources(amended, context);
  it('is a new version that names the one it replaces and why', () => {
    expect(resources.report.resource.status).toBe('amended');
    expect(resources.provenance.resource.activity?.coding?.[0]?.code).toBe('UPDATE');
    expect(resources.provenance.resource.reason).toEqual([{ text: 'Left ABI re-measured' }]);
    expect(resources.provenance.resource.entity).toEqual([
      { role: 'revision', what: { identifier: { system: 'https://foot-screening.app/fhir/Id/exam', value: `${context.installationId}.41/v1` }, display: 'Version 1 of this screening' } },
    ]);
  });
});

describe('reading refuses what it cannot keep faithfully', () => {
  const input = screeningSet()[3];
  if (!input) throw new Error('fixture');
  const fresh = (): Bundle => JSON.parse(JSON.stringify(screeningTransaction(input, context))) as Bundle;

  it('a RiskAssessment that disagrees with the assessment as signed', () => {
    const bundle = fresh();
    const risk = bundle.entry?.find((e) => e.resource?.resourceType === 'RiskAssessment')?.resource as RiskAssessment;
    const coding = risk.prediction?.[0]?.qualitativeRisk?.coding?.[0];
    if (coding) coding.code = '0';
    const { screenings, issues } = readScreenings(bundleResources(bundle), readOptions);
    expect(screenings).toEqual([]);
    expect(issues[0]?.message).toBe(`its iwgdf-2023 RiskAssessment says "0" but the attached assessment says "${String(input.screening.assessment.iwgdf2023.category)}"`);
  });
  it('an Observation with a finding this version does not know', () => {
    const bundle = fresh();
    const obs = bundle.entry?.find((e) => e.resource?.resourceType === 'Observation')?.resource as Observation;
    const coding = obs.code.coding?.find((c) => c.system === appCodeSystemUrl('finding'));
    if (coding) coding.code = 'foot-colour';
    const { issues } = readScreenings(bundleResources(bundle), readOptions);
    expect(issues[0]?.message).toMatch(/finding "foot-colour" is not known to this version of the app/);
  });
  it('a screening without the assessment it was signed with', () => {
    const bundle = fresh();
    const report = bundle.entry?.find((e) => e.resource?.resourceType === 'DiagnosticReport')?.resource as DiagnosticReport;
    report.presentedForm = [];
    expect(readScreenings(bundleResources(bundle), readOptions).issues[0]?.message).toBe(
      'the assessment as signed is not attached, so the result it was signed with cannot be kept',
    );
  });
  it('a patient whose NHS number fails its check digit', () => {
    const bundle = fresh();
    const patient = bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource;
    if (patient?.resourceType === 'Patient' && patient.identifier?.[0]) patient.identifier[0].value = '9434765910';
    expect(readScreenings(bundleResources(bundle), readOptions).issues[0]?.message).toBe(
      'its patient is refused: 9434765910 is not a valid NHS number: its check digit does not match',
    );
  });
});

describe('code systems', () => {
  it('never gives two rows of the findings table the same code and site', () => {
    expect(duplicateFindingKeys()).toEqual([]);
  });
  it('publishes every table as a CodeSystem with unique codes and a display each', () => {
    const resources = appCodeSystemResources();
    expect(resources).toHaveLength(appCodeSystemTables.length);
    for (const cs of resources) {
      const codes = (cs.concept ?? []).map((c) => c.code);
      expect(new Set(codes).size, cs.url).toBe(codes.length);
      for (const c of cs.concept ?? []) expect(c.display?.length, `${cs.url}#${c.code}`).toBeGreaterThan(0);
    }
  });
});

describe('bytes', () => {
  it('encodes base64 and UTF-8 exactly as Node does', () => {
    const samples = ['', 'a', 'ab', 'abc', 'Żak Öztürk “quoted” 𝄞 €', JSON.stringify({ x: 'ÿ'.repeat(5000) })];
    for (const text of samples) {
      const bytes = utf8Encode(text);
      expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(true);
      expect(base64FromBytes(bytes)).toBe(Buffer.from(text, 'utf8').toString('base64'));
      expect(utf8Decode(bytesFromBase64(base64FromBytes(bytes)) ?? new Uint8Array())).toBe(text);
    }
    expect(utf8Decode(Uint8Array.from([0xc3]))).toBeNull();
    expect(utf8Decode(Uint8Array.from([0xed, 0xa0, 0x80]))).toBeNull();
    expect(bytesFromBase64('abc')).toBeNull();
  });
});

describe('bulk form', () => {
  it('writes lines that are exactly JSON.stringify of the rewritten resources', () => {
    for (const input of screeningSet()) {
      const entries = resourceList(screeningResources(input, context));
      expect(toBulkLines(entries).map((l) => l.line)).toEqual(toBulkForm(entries).map((r) => JSON.stringify(r)));
    }
  });
});

describe('versions read back', () => {
  it('makes the highest version of a series the signed one and earlier ones superseded', () => {
    const series = { system: 'x', value: 'inst.41' };
    expect(importedStates([{ series, version: 2 }, { series, version: 1 }, { series: { system: 'x', value: 'inst.42' }, version: 1 }])).toEqual(
      new Map([
        ['inst.41/v2', 'signed'],
        ['inst.41/v1', 'superseded'],
        ['inst.42/v1', 'signed'],
      ]),
    );
  });
});
