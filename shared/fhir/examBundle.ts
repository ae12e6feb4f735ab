import type {
  Attachment,
  Bundle,
  BundleEntry,
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
import type { Assessment } from '../clinical/assessment';
import type { SiteProtocolId } from '../clinical/protocols';
import type { Findings } from '../domain/findings';
import type { Role } from '../domain/users';
import type { ExchangePatient } from '../interop/exchangePatient';
import { base64FromBytes, utf8Encode } from './bytes';
import { appCoding } from './codeSystems';
import { findingObservations, type ObservationFrame } from './findingObservations';
import { identifierToken, localSeriesIdentifier, nameUuid, resourceIdentifier, versionIdentifier, type FhirExportContext } from './identity';
import { diabetesCondition, patientResource } from './patient';
import { conclusionCodings, riskAssessments } from './riskAssessment';
import { appIdentifiers, externalSystems } from './systems';

/**
 * One signed screening as a FHIR R4 transaction Bundle: the patient, the signer (Practitioner and
 * PractitionerRole), the Encounter, one Observation per recorded finding, a RiskAssessment for
 * each guideline, the DiagnosticReport (with the clinician report PDF) and a Provenance for the
 * signature and the amendment chain. Every entry is a conditional create on its own identifier
 * (`ifNoneExist`), so sending the same screening twice, or after a lost answer, creates nothing
 * new. The same screening always gives the same bundle, byte for byte.
 */

/** The screening as signed; `superseded` versions are exported too, so the chain is complete. */
export interface SignedScreening {
  seriesId: number;
  version: number;
  protocol: SiteProtocolId;
  examinedOn: string | null;
  signedAt: string;
  /** The signer's username (stable) and the name printed at the time. */
  signedBy: string;
  signedByName: string;
  amendmentReason: string | null;
  findings: Findings;
  assessment: Assessment;
}

export interface Signer {
  username: string;
  displayName: string;
  role: Role;
  /** Kept from an import, so the same person is matched on the server. */
  identifier?: Identifier;
}

export interface ScreeningForFhir {
  patient: ExchangePatient;
  screening: SignedScreening;
  signer: Signer;
  /** The series identifier a screening imported from elsewhere came with; otherwise made here. */
  series?: Identifier;
  /** The clinician report (PDF bytes) for `DiagnosticReport.presentedForm`. */
  report?: { pdf: Uint8Array; createdAt: string };
}

/** The title that marks the attachment holding the assessment exactly as signed (JSON). */
export const assessmentAttachmentTitle = 'Assessment as signed (foot screening engine output, JSON)';

export interface ScreeningResources {
  patient: Entry<Patient>;
  condition: Entry<Condition> | null;
  practitioner: Entry<Practitioner>;
  role: Entry<PractitionerRole>;
  encounter: Entry<Encounter>;
  observations: Entry<Observation>[];
  risks: Entry<RiskAssessment>[];
  report: Entry<DiagnosticReport>;
  provenance: Entry<Provenance>;
}

export interface Entry<T extends Resource> {
  fullUrl: string;
  resource: T;
  /** The identifier the conditional create matches on. */
  match: Identifier;
}

function entry<T extends Resource>(resource: T, match: Identifier): Entry<T> {
  return { fullUrl: nameUuid(`${resource.resourceType}:${identifierToken(match)}`), resource, match };
}

function ref<T extends Resource>(e: Entry<T>): Reference<T> {
  return { reference: e.fullUrl };
}

/** The resources of one signed screening, linked by their `urn:uuid` full URLs. */
export function screeningResources(input: ScreeningForFhir, context: FhirExportContext): ScreeningResources {
  const { screening, signer } = input;
  const series = input.series ?? localSeriesIdentifier(context, screening.seriesId);
  const version = versionIdentifier(series, screening.version);
  const status = screening.version > 1 ? 'amended' : 'final';
  const examinedOn = screening.examinedOn ?? screening.signedAt.slice(0, 10);

  const patientRes = patientResource(input.patient, context);
  const patientMatch = patientRes.identifier?.[0];
  if (!patientMatch) throw new Error('A patient needs a national number or a clinic identifier to be sent');
  const patient = entry(patientRes, patientMatch);
  const conditionRes = diabetesCondition(input.patient, ref(patient));
  const condition = conditionRes
    ? entry(conditionRes, { system: appIdentifiers.condition, value: `${identifierToken(patientMatch)}#diabetes` })
    : null;
  if (condition) condition.resource.identifier = [condition.match];

  const signerId = signer.identifier ?? { system: appIdentifiers.user, value: `${context.installationId}/${signer.username}` };
  const practitioner = entry<Practitioner>({ resourceType: 'Practitioner', identifier: [signerId], active: true, name: [{ text: signer.displayName }] }, signerId);
  const roleId: Identifier = { system: appIdentifiers.user, value: `${signerId.value ?? ''}#${signer.role}` };
  const roleCodings = [appCoding('user-role', signer.role)];
  if (signer.role === 'nurse') roleCodings.push({ system: externalSystems.practitionerRole, code: 'nurse', display: 'Nurse' });
  const role = entry<PractitionerRole>(
    { resourceType: 'PractitionerRole', identifier: [roleId], active: true, practitioner: ref(practitioner), code: [{ coding: roleCodings }] },
    roleId,
  );

  const encounterId = resourceIdentifier(version, 'encounter');
  const encounter = entry<Encounter>(
    {
      resourceType: 'Encounter',
      identifier: [encounterId],
      status: 'finished',
      class: { system: externalSystems.actCode, code: 'AMB', display: 'ambulatory' },
      type: [{ coding: [appCoding('screening', 'diabetic-foot-screening')] }, { coding: [appCoding('screening-protocol', screening.protocol)] }],
      subject: ref(patient),
      participant: [{ individual: ref(role) }],
      period: { start: examinedOn, end: examinedOn },
    },
    encounterId,
  );

  const frame: ObservationFrame = { subject: ref(patient), encounter: ref(encounter), performer: [ref(role)], effective: examinedOn, status, version };
  const written = findingObservations(screening.findings, screening.assessment, frame);
  const observations = written.map((w) => ({ fullUrl: w.fullUrl, resource: w.resource, match: w.resource.identifier?.[0] ?? version }));
  const risks = riskAssessments(
    screening.assessment,
    { ...frame, performer: ref(role), occurrence: screening.signedAt, engineVersion: screening.assessment.engineVersion },
    written,
  ).map((r) => ({ fullUrl: r.fullUrl, resource: r.resource, match: r.resource.identifier?.[0] ?? version }));

  const base64 = context.base64 ?? base64FromBytes;
  const forms: Attachment[] = [];
  if (input.report) {
    forms.push({ contentType: 'application/pdf', language: 'en-GB', data: base64(input.report.pdf), size: input.report.pdf.length, title: 'Clinician report', creation: input.report.createdAt });
  }
  const assessmentJson = utf8Encode(JSON.stringify(screening.assessment));
  forms.push({ contentType: 'application/json', data: base64(assessmentJson), size: assessmentJson.length, title: assessmentAttachmentTitle, creation: screening.signedAt });
  const { iwgdf2023, nice } = screening.assessment;
  const report = entry<DiagnosticReport>(
    {
      resourceType: 'DiagnosticReport',
      identifier: [version, series],
      status,
      code: { coding: [appCoding('screening', 'foot-screening-report')], text: 'Diabetic foot screening' },
      subject: ref(patient),
      encounter: ref(encounter),
      effectiveDateTime: examinedOn,
      issued: screening.signedAt,
      performer: [ref(role)],
      result: written.filter((w) => w.topLevel).map((w) => ({ reference: w.fullUrl })),
      conclusion: `IWGDF 2023: ${iwgdf2023.label}. NICE NG19: ${nice.label}.`,
      conclusionCode: conclusionCodings(screening.assessment).map((c) => ({ coding: [c] })),
      presentedForm: forms,
    },
    version,
  );

  // R4 Provenance has no identifier: it is tagged with one, and the conditional create matches the tag.
  const provenanceId = resourceIdentifier(version, 'provenance');
  const provenance = entry<Provenance>(
    {
      resourceType: 'Provenance',
      meta: { tag: [{ system: provenanceId.system, code: provenanceId.value, display: 'Signature of this screening version' }] },
      target: [ref(encounter), ...observations.map(ref), ...risks.map(ref), ref(report)],
      occurredDateTime: examinedOn,
      recorded: screening.signedAt,
      activity: {
        coding: [
          screening.version > 1
            ? { system: externalSystems.dataOperation, code: 'UPDATE', display: 'revise' }
            : { system: externalSystems.dataOperation, code: 'CREATE', display: 'create' },
        ],
      },
      agent: [
        {
          type: { coding: [{ system: externalSystems.provenanceParticipantType, code: 'author', display: 'Author' }] },
          role: [{ coding: [appCoding('user-role', signer.role)] }],
          who: { ...ref(practitioner), display: screening.signedByName },
        },
      ],
      signature: [
        {
          type: [{ system: externalSystems.signatureType, code: '1.2.840.10065.1.12.1.1', display: "Author's Signature" }],
          when: screening.signedAt,
          who: { ...ref(practitioner), display: screening.signedByName },
        },
      ],
    },
    provenanceId,
  );
  if (screening.amendmentReason !== null) provenance.resource.reason = [{ text: screening.amendmentReason }];
  if (screening.version > 1) {
    provenance.resource.entity = [
      {
        role: 'revision',
        what: { identifier: versionIdentifier(series, screening.version - 1), display: `Version ${screening.version - 1} of this screening` },
      },
    ];
  }
  return { patient, condition, practitioner, role, encounter, observations, risks, report, provenance };
}

/** Every resource of a screening in bundle order. */
export function resourceList(resources: ScreeningResources): Entry<Resource>[] {
  return [
    resources.patient,
    ...(resources.condition ? [resources.condition] : []),
    resources.practitioner,
    resources.role,
    resources.encounter,
    ...resources.observations,
    ...resources.risks,
    resources.report,
    resources.provenance,
  ] as Entry<Resource>[];
}

function conditionalCreate(e: Entry<Resource>): BundleEntry {
  const system = e.match.system ?? '';
  const value = e.match.value ?? '';
  const parameter = e.resource.resourceType === 'Provenance' ? '_tag' : 'identifier';
  return {
    fullUrl: e.fullUrl,
    resource: e.resource,
    request: { method: 'POST', url: e.resource.resourceType, ifNoneExist: `${parameter}=${encodeURIComponent(system)}|${encodeURIComponent(value)}` },
  };
}

/** The transaction Bundle to send a signed screening to a FHIR server. */
export function screeningTransaction(input: ScreeningForFhir, context: FhirExportContext): Bundle {
  return { resourceType: 'Bundle', type: 'transaction', entry: resourceList(screeningResources(input, context)).map(conditionalCreate) };
}
