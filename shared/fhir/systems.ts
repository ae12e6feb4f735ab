import type { NationalNumberFormat } from '../domain/nationalNumber';

/**
 * Every code system and identifier system the FHIR mapping uses, in one place, with where each
 * comes from (docs/interop.md lists them for people). External systems are used only for codes
 * checked against a published source; everything else is the app's own, under one base URL.
 */

/**
 * The base of the app's own canonical URLs (CodeSystems and identifier systems). Changing it
 * changes every code and identifier the app has ever sent, so it is fixed once, before the first
 * release, to a domain the project controls.
 */
export const appFhirBase = 'https://foot-screening.app/fhir';

/** The app's own code systems (`${appFhirBase}/CodeSystem/<name>`). */
export function appCodeSystemUrl(name: string): string {
  return `${appFhirBase}/CodeSystem/${name}`;
}

/** The app's own identifier systems (`${appFhirBase}/Id/<name>`). */
export function appIdentifierSystem(name: string): string {
  return `${appFhirBase}/Id/${name}`;
}

export const externalSystems = {
  /** NHS England: the NHS number as a FHIR identifier (ten digits, no spaces). */
  nhsNumber: 'https://fhir.nhs.uk/Id/nhs-number',
  /** NHS England Organisation Data Service codes (GP practices). */
  odsOrganisationCode: 'https://fhir.nhs.uk/Id/ods-organization-code',
  snomed: 'http://snomed.info/sct',
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  dataOperation: 'http://terminology.hl7.org/CodeSystem/v3-DataOperation',
  provenanceParticipantType: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  provenanceEntityRole: 'http://hl7.org/fhir/provenance-entity-role',
  signatureType: 'urn:iso-astm:E1762-95:2013',
  practitionerRole: 'http://terminology.hl7.org/CodeSystem/practitioner-role',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  interpreterRequired: 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired',
} as const;

/** The identifier system of a national number format: the NHS's own for NHS numbers, the app's for the others. */
export function nationalNumberSystem(format: NationalNumberFormat): string {
  return format === 'nhs' ? externalSystems.nhsNumber : appIdentifierSystem(`national-number/${format}`);
}

/** App identifier systems. Values are made unique across workstations by the installation id. */
export const appIdentifiers = {
  /** One screening (all its versions): `<installation>.<series id>`. */
  examSeries: appIdentifierSystem('exam-series'),
  /** One signed version of a screening: `<series value>/v<version>`; each resource adds its own suffix. */
  examVersion: appIdentifierSystem('exam'),
  /** A user of one installation: `<installation>/<username>`. */
  user: appIdentifierSystem('user'),
  /** A patient's diabetes Condition: `<patient identifier token>#diabetes`. */
  condition: appIdentifierSystem('condition'),
  /** GP practice codes outside England's ODS. */
  gpPracticeCode: appIdentifierSystem('gp-practice-code'),
} as const;

/** The clinic's own patient identifiers (hospital or clinic numbers) when the clinic has not named a system. */
export function defaultClinicIdentifierSystem(installationId: string): string {
  return appIdentifierSystem(`clinic-patient/${installationId}`);
}
