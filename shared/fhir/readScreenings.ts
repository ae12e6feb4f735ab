import type {
  Bundle,
  Condition,
  DiagnosticReport,
  Encounter,
  Identifier,
  Observation,
  Patient,
  Practitioner,
  PractitionerRole,
  Provenance,
  Reference,
  Resource,
  RiskAssessment,
} from '@medplum/fhirtypes';
import { assessmentSchema, type Assessment } from '../clinical/assessment';
import { siteProtocolIds, type SiteProtocolId } from '../clinical/protocols';
import { findingsSchema, type Findings } from '../domain/findings';
import { roles, type Role } from '../domain/users';
import type { ExchangePatient } from '../interop/exchangePatient';
import type { RegisterCheckOptions } from '../interop/registerRows';
import { isIsoDate } from '../text/dates';
import { bytesFromBase64, utf8Decode } from './bytes';
import { appCodeIn } from './codeSystems';
import { assessmentAttachmentTitle, type Signer } from './examBundle';
import { findingsFromObservations } from './findingObservations';
import { parseVersionIdentifier } from './identity';
import { patientFromResource } from './patient';
import { appIdentifiers } from './systems';

/**
 * The reverse of examBundle.ts: signed screenings read back from FHIR resources (a transaction
 * or collection Bundle, or the resources of bulk NDJSON files). Each `DiagnosticReport` with the
 * app's screening code is one signed version; its patient, signer, Observations, RiskAssessments
 * and Provenance are found through its references. The findings come from the Observations; the
 * assessment is the one signed (carried as JSON beside the PDF), checked against the
 * RiskAssessments, so an old screening keeps the result it was signed with.
 */

export interface ImportedScreening {
  /** Where it was found ("DiagnosticReport urn:uuid:…"), for messages. */
  where: string;
  patient: ExchangePatient;
  /** The series identifier it came with: keep it, so sending it again matches the same resources. */
  series: Identifier;
  version: number;
  protocol: SiteProtocolId;
  examinedOn: string;
  signedAt: string;
  signer: Signer;
  /** The signer's name as printed on the exam when signed. */
  signedByName: string;
  amendmentReason: string | null;
  findings: Findings;
  assessment: Assessment;
}

export interface ScreeningIssue {
  where: string;
  message: string;
}

export interface ReadScreeningsOptions extends RegisterCheckOptions {
  clinicIdentifierSystem: string;
}

/** Finds resources by the references that point at them, whatever form the references take. */
class ResourceIndex {
  private readonly byKey = new Map<string, Resource>();
  private readonly keys = new Map<Resource, string[]>();
  /** Diabetes Conditions by patient; RiskAssessments by encounter; Provenance by target. */
  readonly diabetesOf = new Map<Resource, Condition>();
  readonly risksOf = new Map<Resource, RiskAssessment[]>();
  readonly provenanceOf = new Map<Resource, Provenance>();

  constructor(resources: readonly { resource: Resource; fullUrl?: string }[]) {
    for (const { resource, fullUrl } of resources) {
      const keys: string[] = [];
      if (fullUrl) keys.push(fullUrl);
      if (resource.id) keys.push(`${resource.resourceType}/${resource.id}`);
      for (const key of keys) this.byKey.set(key, resource);
      this.keys.set(resource, keys);
    }
    for (const { resource } of resources) {
      if (resource.resourceType === 'Condition' && appCodeIn(resource.code, 'screening') === 'diabetes') {
        const patient = this.resolve<Patient>(resource.subject, 'Patient');
        if (patient) this.diabetesOf.set(patient, resource);
      } else if (resource.resourceType === 'RiskAssessment') {
        const encounter = this.resolve<Encounter>(resource.encounter, 'Encounter');
        if (encounter) this.risksOf.set(encounter, [...(this.risksOf.get(encounter) ?? []), resource]);
      } else if (resource.resourceType === 'Provenance') {
        for (const target of resource.target) {
          const report = this.resolve<DiagnosticReport>(target, 'DiagnosticReport');
          if (report) this.provenanceOf.set(report, resource);
        }
      }
    }
  }

  resolve<T extends Resource>(ref: Reference | undefined, type: T['resourceType']): T | undefined {
    const reference = ref?.reference;
    if (!reference) return undefined;
    const direct = this.byKey.get(reference) ?? this.byKey.get(/([A-Za-z]+\/[^/]+)$/.exec(reference)?.[1] ?? '');
    return direct?.resourceType === type ? (direct as T) : undefined;
  }
}

/** The resources of a Bundle with their full URLs. */
export function bundleResources(bundle: Bundle): { resource: Resource; fullUrl?: string }[] {
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [{ resource: e.resource, fullUrl: e.fullUrl }] : []));
}

export function readScreenings(
  resources: readonly { resource: Resource; fullUrl?: string }[],
  options: ReadScreeningsOptions,
): { screenings: ImportedScreening[]; issues: ScreeningIssue[] } {
  const index = new ResourceIndex(resources);
  const screenings: ImportedScreening[] = [];
  const issues: ScreeningIssue[] = [];
  for (const { resource, fullUrl } of resources) {
    if (resource.resourceType !== 'DiagnosticReport' || appCodeIn(resource.code, 'screening') !== 'foot-screening-report') continue;
    const where = `DiagnosticReport ${fullUrl ?? resource.id ?? ''}`.trim();
    const read = readOne(resource, where, index, options);
    if ('message' in read) issues.push(read);
    else screenings.push(read);
  }
  return { screenings, issues };
}

function readOne(
  report: DiagnosticReport,
  where: string,
  index: ResourceIndex,
  options: ReadScreeningsOptions,
): ImportedScreening | ScreeningIssue {
  const fail = (message: string): ScreeningIssue => ({ where, message });
  const versionId = report.identifier?.find((i) => i.system === appIdentifiers.examVersion);
  const parsed = versionId?.value ? parseVersionIdentifier(versionId.value) : null;
  const series = report.identifier?.find((i) => i.system === appIdentifiers.examSeries);
  if (!parsed || !series?.value || series.value !== parsed.series) return fail('no screening identifier (series and version)');

  const patient = index.resolve<Patient>(report.subject, 'Patient');
  if (!patient) return fail('its patient is not in the file');
  const person = patientFromResource(patient, options, index.diabetesOf.get(patient));
  if (!person.ok) return fail(`its patient is refused: ${person.reasons.join('; ')}`);

  const role = index.resolve<PractitionerRole>(report.performer?.[0], 'PractitionerRole');
  const practitioner = index.resolve<Practitioner>(role?.practitioner, 'Practitioner');
  const roleCode = appCodeIn(role?.code?.[0], 'user-role');
  const signerId = practitioner?.identifier?.[0];
  if (!role || !practitioner || !signerId?.value || !(roles as readonly string[]).includes(roleCode ?? '')) return fail('its signer (PractitionerRole and Practitioner) is missing or has no role');
  const username = signerId.system === appIdentifiers.user ? (signerId.value.split('/').pop() ?? signerId.value) : signerId.value;
  const signer: Signer = { username, displayName: practitioner.name?.[0]?.text ?? username, role: roleCode as Role, identifier: signerId };

  const encounter = index.resolve<Encounter>(report.encounter, 'Encounter');
  const protocol = encounter?.type?.map((t) => appCodeIn(t, 'screening-protocol')).find((c) => c !== undefined);
  if (!protocol || !(siteProtocolIds as readonly string[]).includes(protocol)) return fail('its encounter does not say the screening protocol');

  const examinedOn = report.effectiveDateTime ?? '';
  const signedAt = report.issued ?? '';
  if (!isIsoDate(examinedOn)) return fail('no examination date (effectiveDateTime)');
  if (Number.isNaN(Date.parse(signedAt))) return fail('no signing time (issued)');

  const observations: Observation[] = [];
  const seen = new Set<Observation>();
  const visit = (ref: Reference | undefined): void => {
    const obs = index.resolve<Observation>(ref, 'Observation');
    if (!obs || seen.has(obs)) return;
    seen.add(obs);
    observations.push(obs);
    for (const member of obs.hasMember ?? []) visit(member);
  };
  for (const ref of report.result ?? []) visit(ref);
  const findings = findingsFromObservations(observations);
  if (!findings.ok) return fail(findings.issues.map((i) => `${i.where}: ${i.message}`).join('; '));
  const checked = findingsSchema.safeParse(findings.findings);
  if (!checked.success) return fail(`its findings are not valid: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);

  const assessment = signedAssessment(report);
  if (typeof assessment === 'string') return fail(assessment);
  const mismatch = riskMismatch(assessment, encounter ? (index.risksOf.get(encounter) ?? []) : []);
  if (mismatch) return fail(mismatch);

  const provenance = index.provenanceOf.get(report);
  const signedByName = provenance?.agent[0]?.who?.display ?? signer.displayName;
  return {
    where,
    patient: person.patient,
    series: { system: series.system, value: series.value },
    version: parsed.version,
    protocol: protocol as SiteProtocolId,
    examinedOn,
    signedAt: new Date(signedAt).toISOString(),
    signer,
    signedByName,
    amendmentReason: provenance?.reason?.[0]?.text ?? null,
    findings: checked.data,
    assessment,
  };
}

/** The assessment carried beside the report, or why it cannot be used. */
function signedAssessment(report: DiagnosticReport): Assessment | string {
  const form = report.presentedForm?.find((f) => f.contentType === 'application/json' && f.title === assessmentAttachmentTitle);
  if (!form?.data) return 'the assessment as signed is not attached, so the result it was signed with cannot be kept';
  const bytes = bytesFromBase64(form.data);
  const text = bytes ? utf8Decode(bytes) : null;
  if (text === null) return 'the attached assessment is not base64 UTF-8 text';
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'the attached assessment is not JSON';
  }
  const parsed = assessmentSchema.safeParse(json);
  return parsed.success ? parsed.data : `the attached assessment is not one this app made (${parsed.error.issues[0]?.path.join('.') ?? ''})`;
}

/** A RiskAssessment whose category differs from the attached assessment means the file was changed. */
function riskMismatch(assessment: Assessment, risks: readonly RiskAssessment[]): string | null {
  const expected: [string, string, string][] = [
    ['iwgdf-2023', 'iwgdf-category', String(assessment.iwgdf2023.category)],
    ['nice-ng19', 'nice-category', assessment.nice.category],
  ];
  for (const [code, system, category] of expected) {
    const risk = risks.find((r) => appCodeIn(r.code, 'screening') === code);
    if (!risk) return `its ${code} RiskAssessment is missing`;
    const found = appCodeIn(risk.prediction?.[0]?.qualitativeRisk, system);
    if (found !== category) return `its ${code} RiskAssessment says "${String(found)}" but the attached assessment says "${category}"`;
  }
  return null;
}

/**
 * The state each imported version takes in the database: the highest version of a series is the
 * signed one, earlier versions were replaced by an amendment (`superseded`). Keyed as
 * `<series value>/v<version>`.
 */
export function importedStates(screenings: readonly Pick<ImportedScreening, 'series' | 'version'>[]): Map<string, 'signed' | 'superseded'> {
  const latest = new Map<string, number>();
  for (const s of screenings) latest.set(s.series.value ?? '', Math.max(latest.get(s.series.value ?? '') ?? 0, s.version));
  return new Map(screenings.map((s) => [`${s.series.value ?? ''}/v${s.version}`, latest.get(s.series.value ?? '') === s.version ? 'signed' : 'superseded']));
}
