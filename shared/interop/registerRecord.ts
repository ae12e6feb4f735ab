import { patientInputSchema, type Patient, type PatientInput } from '../domain/patient';
import type { ExchangePatient } from './exchangePatient';

/**
 * How a register row becomes the patient record: a new patient from the row, or an existing one
 * with the row's values laid over it. The register is the source of identity and contact details,
 * so a value the row has replaces the record's; a value the row leaves empty (a column the
 * export does not have) never blanks what the clinic typed. Clinic notes, relevant conditions and
 * medicines are the clinic's own and never come from a register.
 */

/** The fields an import may write, in the order a merge preview lists them. */
export const registerRecordFields = [
  'familyName',
  'givenNames',
  'title',
  'dateOfBirth',
  'sex',
  'nationalNumber',
  'clinicIdentifier',
  'diabetesType',
  'diagnosisYear',
  'phone',
  'mobilePhone',
  'email',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'town',
  'postcode',
  'gpPractice',
  'gpPracticeCode',
  'preferredLanguage',
  'interpreterNeeded',
] as const satisfies readonly (keyof PatientInput)[];
export type RegisterRecordField = (typeof registerRecordFields)[number];

export const registerRecordFieldLabels: Readonly<Record<RegisterRecordField, string>> = {
  familyName: 'Family name',
  givenNames: 'Given names',
  title: 'Title',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  nationalNumber: 'National number',
  clinicIdentifier: 'Clinic identifier',
  diabetesType: 'Diabetes type',
  diagnosisYear: 'Year of diagnosis',
  phone: 'Phone',
  mobilePhone: 'Mobile phone',
  email: 'Email',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  addressLine3: 'Address line 3',
  town: 'Town',
  postcode: 'Postcode',
  gpPractice: 'GP practice',
  gpPracticeCode: 'GP practice code',
  preferredLanguage: 'Preferred language',
  interpreterNeeded: 'Interpreter needed',
};

/** A register row's values as record fields; null where the row has nothing to say. */
export type RegisterValues = { [F in RegisterRecordField]: PatientInput[F] | null };

/**
 * The row's values in the record's fields. An address of more than three lines keeps its first
 * two and joins the rest into the third, so nothing the register holds is dropped; the county is
 * part of the last line when there is no room of its own.
 */
export function registerValues(p: ExchangePatient, clinicIdentifier: string | null): RegisterValues {
  const lines = [...(p.address?.lines ?? [])];
  if (p.address?.district) lines.push(p.address.district);
  const rest = lines.slice(2).join(', ');
  const diabetesType = p.diabetesType === 'unknown' ? null : p.diabetesType;
  return {
    familyName: p.familyName || null,
    givenNames: p.givenNames || null,
    title: p.title,
    dateOfBirth: p.dateOfBirth || null,
    sex: p.sex === 'unknown' ? null : p.sex,
    nationalNumber: p.nationalNumber,
    clinicIdentifier,
    diabetesType,
    diagnosisYear: p.diagnosisYear,
    phone: p.phone,
    mobilePhone: p.mobile,
    email: p.email,
    addressLine1: lines[0] ?? null,
    addressLine2: lines[1] ?? null,
    addressLine3: rest === '' ? null : rest,
    town: p.address?.city ?? null,
    postcode: p.address?.postcode ?? null,
    gpPractice: p.gpPractice?.name ?? null,
    gpPracticeCode: p.gpPractice?.code ?? null,
    preferredLanguage: p.preferredLanguage,
    interpreterNeeded: p.interpreterNeeded,
  };
}

/** The record an import would store: the existing one (if any) with the row's values over it. */
export function mergedRecord(values: RegisterValues, existing: Patient | null): Record<string, unknown> {
  const base: Record<string, unknown> = existing
    ? { ...existing }
    : { sex: 'unknown', diabetesType: 'unknown', interpreterNeeded: false, notes: null, relevantConditions: null, medicines: null };
  for (const field of registerRecordFields) {
    const value = values[field];
    if (value !== null) base[field] = value;
  }
  return base;
}

export interface FieldChange {
  field: RegisterRecordField;
  before: string | number | boolean | null;
  after: string | number | boolean | null;
}

/** What an update would change, field by field. */
export function changedRecordFields(existing: Patient, next: PatientInput): FieldChange[] {
  return registerRecordFields.filter((f) => existing[f] !== next[f]).map((f) => ({ field: f, before: existing[f], after: next[f] }));
}

/** The record checked as the patient form checks it: lengths, a real date of birth, a clinic identifier. */
export function checkedRecord(record: Record<string, unknown>): { ok: true; input: PatientInput } | { ok: false; reasons: string[] } {
  const parsed = patientInputSchema.safeParse(record);
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, reasons: parsed.error.issues.map((issue) => issue.message) };
}
