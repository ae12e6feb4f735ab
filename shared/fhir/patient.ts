import type { Address, Condition, ContactPoint, Extension, HumanName, Identifier, Organization, Patient, Practitioner, Reference } from '@medplum/fhirtypes';
import { checkNationalNumber, type NationalNumberFormat } from '../domain/nationalNumber';
import type { ExchangePatient } from '../interop/exchangePatient';
import { registerFields, type ColumnMapping, type RegisterField } from '../interop/registerColumns';
import { checkRegisterRow, type RegisterCheckOptions, type RowOutcome } from '../interop/registerRows';
import { appCodeIn, appCoding } from './codeSystems';
import { externalSystems, appIdentifierSystem, appIdentifiers, nationalNumberSystem } from './systems';

/**
 * A patient as a FHIR R4 `Patient` (and their diabetes as a `Condition`), both ways. Reading a
 * `Patient` runs the very checks a CSV row gets (registerRows.ts), so an NHS number failing its
 * check digit or an impossible date is refused the same way whichever file brought it.
 */

/** A national number that failed its format's check on the record: sent, but under a system that says so. */
export const uncheckedNationalNumberSystem = appIdentifierSystem('national-number/unchecked');

export interface PatientSystems {
  nationalNumberFormat: NationalNumberFormat;
  clinicIdentifierSystem: string;
}

export function patientIdentifiers(p: Pick<ExchangePatient, 'nationalNumber' | 'clinicIdentifier'>, systems: PatientSystems): Identifier[] {
  const out: Identifier[] = [];
  if (p.nationalNumber !== null) {
    const checked = checkNationalNumber(p.nationalNumber, systems.nationalNumberFormat);
    out.push(
      checked.ok
        ? { use: 'official', system: nationalNumberSystem(systems.nationalNumberFormat), value: checked.value }
        : { use: 'secondary', system: uncheckedNationalNumberSystem, value: p.nationalNumber },
    );
  }
  if (p.clinicIdentifier !== null) {
    out.push({
      use: 'usual',
      type: { coding: [{ system: externalSystems.identifierType, code: 'MR', display: 'Medical record number' }] },
      system: systems.clinicIdentifierSystem,
      value: p.clinicIdentifier,
    });
  }
  return out;
}

export function patientResource(p: ExchangePatient, systems: PatientSystems): Patient {
  const name: HumanName = { use: 'official', family: p.familyName, given: p.givenNames.split(/\s+/).filter(Boolean) };
  if (p.title !== null) name.prefix = [p.title];
  const telecom: ContactPoint[] = [];
  if (p.phone !== null) telecom.push({ system: 'phone', value: p.phone, use: 'home' });
  if (p.mobile !== null) telecom.push({ system: 'phone', value: p.mobile, use: 'mobile' });
  if (p.email !== null) telecom.push({ system: 'email', value: p.email });
  const resource: Patient = {
    resourceType: 'Patient',
    identifier: patientIdentifiers(p, systems),
    name: [name],
    gender: p.sex,
    birthDate: p.dateOfBirth,
  };
  if (telecom.length > 0) resource.telecom = telecom;
  if (p.dateOfDeath !== null) resource.deceasedDateTime = p.dateOfDeath;
  if (p.address !== null) {
    const a: Address = { use: 'home' };
    if (p.address.lines.length > 0) a.line = p.address.lines;
    if (p.address.city !== null) a.city = p.address.city;
    if (p.address.district !== null) a.district = p.address.district;
    if (p.address.postcode !== null) a.postalCode = p.address.postcode;
    resource.address = [a];
  }
  const gps: Reference<Organization | Practitioner>[] = [];
  if (p.gpPractice !== null) {
    const practice: Reference<Organization> = { type: 'Organization' };
    if (p.gpPractice.code !== null) {
      practice.identifier = {
        system: systems.nationalNumberFormat === 'nhs' ? externalSystems.odsOrganisationCode : appIdentifiers.gpPracticeCode,
        value: p.gpPractice.code,
      };
    }
    if (p.gpPractice.name !== null) practice.display = p.gpPractice.name;
    gps.push(practice);
  }
  if (p.usualGp !== null) gps.push({ type: 'Practitioner', display: p.usualGp });
  if (gps.length > 0) resource.generalPractitioner = gps;
  if (p.preferredLanguage !== null) resource.communication = [{ language: { text: p.preferredLanguage }, preferred: true }];
  if (p.interpreterNeeded !== null) resource.extension = [{ url: externalSystems.interpreterRequired, valueBoolean: p.interpreterNeeded }];
  return resource;
}

/** The patient's diabetes (type and year of diagnosis), or null when neither is recorded. */
export function diabetesCondition(p: Pick<ExchangePatient, 'diabetesType' | 'diagnosisYear'>, subject: Reference<Patient>): Condition | null {
  if (p.diabetesType === 'unknown' && p.diagnosisYear === null) return null;
  const condition: Condition = {
    resourceType: 'Condition',
    clinicalStatus: { coding: [{ system: externalSystems.conditionClinical, code: 'active', display: 'Active' }] },
    code: { coding: [appCoding('screening', 'diabetes'), appCoding('diabetes-type', p.diabetesType)], text: appCoding('diabetes-type', p.diabetesType).display },
    subject,
  };
  if (p.diagnosisYear !== null) condition.onsetDateTime = String(p.diagnosisYear);
  return condition;
}

/** Every field in file order, so a `Patient` can go through the CSV row checks unchanged. */
const fieldColumns: ColumnMapping = Object.fromEntries(registerFields.map((f, i) => [f, i]));

/**
 * Reads a `Patient` (and optionally the diabetes `Condition` that refers to it) into the patient
 * as it would be stored, or the reasons it is refused.
 */
export function patientFromResource(resource: Patient, options: RegisterCheckOptions & { clinicIdentifierSystem: string }, diabetes?: Condition): RowOutcome {
  const cells = new Map<RegisterField, string>();
  const put = (field: RegisterField, value: string | undefined | null): void => {
    if (value !== undefined && value !== null) cells.set(field, value);
  };
  const identifiers = resource.identifier ?? [];
  const national =
    identifiers.find((i) => i.system === nationalNumberSystem(options.nationalNumberFormat)) ??
    identifiers.find((i) => i.system === externalSystems.nhsNumber) ??
    identifiers.find((i) => i.system === uncheckedNationalNumberSystem);
  put('nationalNumber', national?.value);
  const local =
    identifiers.find((i) => i.system === options.clinicIdentifierSystem) ??
    identifiers.find((i) => i.type?.coding?.some((c) => c.system === externalSystems.identifierType && c.code === 'MR'));
  put('clinicIdentifier', local?.value);

  const names = resource.name ?? [];
  const name = names.find((n) => n.use === 'official') ?? names.find((n) => n.use === 'usual') ?? names[0];
  if (name?.family !== undefined || name?.given !== undefined) {
    put('familyName', name.family);
    put('givenNames', name.given?.join(' '));
  } else {
    put('fullName', name?.text);
  }
  put('title', name?.prefix?.join(' '));
  put('dateOfBirth', resource.birthDate);
  put('sex', resource.gender);
  const telecom = resource.telecom ?? [];
  put('phone', telecom.find((t) => t.system === 'phone' && t.use !== 'mobile')?.value);
  put('mobile', telecom.find((t) => (t.system === 'phone' || t.system === 'sms') && t.use === 'mobile')?.value);
  put('email', telecom.find((t) => t.system === 'email')?.value);
  const addresses = resource.address ?? [];
  const address = addresses.find((a) => a.use === 'home') ?? addresses[0];
  (address?.line ?? []).slice(0, 5).forEach((line, i) => put(`address${i + 1}` as RegisterField, line));
  put('city', address?.city);
  put('district', address?.district);
  put('postcode', address?.postalCode);
  for (const gp of resource.generalPractitioner ?? []) {
    if (gp.type === 'Practitioner' || gp.reference?.startsWith('Practitioner')) put('usualGp', gp.display);
    else {
      put('gpPracticeName', gp.display);
      put('gpPracticeCode', gp.identifier?.value);
    }
  }
  const communication = resource.communication ?? [];
  const language = communication.find((c) => c.preferred) ?? communication[0];
  put('preferredLanguage', language?.language.text ?? language?.language.coding?.[0]?.display);
  const interpreter = (resource.extension ?? []).find((e: Extension) => e.url === externalSystems.interpreterRequired);
  if (interpreter?.valueBoolean !== undefined) put('interpreterNeeded', interpreter.valueBoolean ? 'true' : 'false');
  put('dateOfDeath', resource.deceasedDateTime?.slice(0, 10));
  put('lastUpdated', resource.meta?.lastUpdated);
  if (diabetes) {
    put('diabetesType', appCodeIn(diabetes.code, 'diabetes-type'));
    put('diagnosisYear', diabetes.onsetDateTime?.slice(0, 4));
  }
  const row = registerFields.map((f) => cells.get(f) ?? '');
  return checkRegisterRow(row, fieldColumns, row.length, options);
}
