import * as z from 'zod';
import { ageInYears, isIsoDate, isoDateOf } from '../text/dates';

/** Recorded sex, as the clinic's record system holds it. */
export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof sexes)[number];
export const sexLabels: Readonly<Record<Sex, string>> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not recorded',
};

export const diabetesTypes = ['type1', 'type2', 'gestational', 'other', 'unknown'] as const;
export type DiabetesType = (typeof diabetesTypes)[number];
export const diabetesTypeLabels: Readonly<Record<DiabetesType, string>> = {
  type1: 'Type 1',
  type2: 'Type 2',
  gestational: 'Gestational',
  other: 'Other type',
  unknown: 'Not recorded',
};

/** Oldest date of birth accepted: over 120 years ago is almost certainly a typing error. */
export const maxAgeYears = 120;

/** Text that may be left empty: trimmed, and stored as null when empty. */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .nullish()
    .transform((v): string | null => (v ? v : null));

const requiredText = (max: number, emptyMessage: string, label: string) =>
  z
    .string({ error: emptyMessage })
    .trim()
    .min(1, emptyMessage)
    .max(max, `${label} can be at most ${max} characters`);

export const dateOfBirthSchema = z
  .string({ error: 'Enter the date of birth' })
  .trim()
  .min(1, 'Enter the date of birth')
  .refine(isIsoDate, 'Enter a real date of birth as year-month-day, e.g. 1956-07-03')
  .refine((dob) => dob <= isoDateOf(new Date()), 'Date of birth cannot be in the future')
  .refine(
    (dob) => ageInYears(dob, isoDateOf(new Date())) <= maxAgeYears,
    `Date of birth cannot be more than ${maxAgeYears} years ago`,
  );

/**
 * Contact, practice and care details: what a referral letter, an invitation in a window envelope
 * and a register import need. All optional; the postal address is kept as the lines a letter
 * prints, in order, with the town and postcode on their own.
 */
const patientContactFields = {
  title: optionalText(20, 'Title'),
  addressLine1: optionalText(100, 'Address line 1'),
  addressLine2: optionalText(100, 'Address line 2'),
  addressLine3: optionalText(100, 'Address line 3'),
  town: optionalText(60, 'Town'),
  postcode: optionalText(12, 'Postcode'),
  mobilePhone: optionalText(40, 'Mobile phone'),
  email: optionalText(120, 'Email').refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Enter an email address such as name@example.org'),
  /** The patient's GP practice by name, and its ODS code where known (e.g. "B86001"). */
  gpPractice: optionalText(120, 'GP practice'),
  gpPracticeCode: optionalText(12, 'GP practice code'),
  /** An interpreter is needed for appointments (printed on referral letters). */
  interpreterNeeded: z
    .boolean()
    .nullish()
    .transform((v): boolean => v ?? false),
  /** Relevant conditions (e.g. retinopathy, kidney disease) and current medicines, as the clinician writes them. */
  relevantConditions: optionalText(2000, 'Relevant conditions'),
  medicines: optionalText(2000, 'Medicines'),
};

/** What a person types into the patient form (create and edit). */
export const patientInputSchema = z
  .object({
    familyName: requiredText(100, 'Enter the family name', 'Family name'),
    givenNames: requiredText(100, 'Enter the given name(s)', 'Given names'),
    dateOfBirth: dateOfBirthSchema,
    sex: z.enum(sexes, { error: 'Choose the recorded sex' }),
    clinicIdentifier: requiredText(40, 'Enter the clinic identifier', 'Clinic identifier').refine(
      (v) => !/\s/.test(v),
      'The clinic identifier cannot contain spaces',
    ),
    nationalNumber: optionalText(40, 'National number'),
    diabetesType: z.enum(diabetesTypes, { error: 'Choose the diabetes type' }),
    diagnosisYear: z
      .number()
      .int('Year of diagnosis is a whole year, e.g. 2015')
      .min(1900, 'Year of diagnosis looks too early')
      .max(9999)
      .nullish()
      .transform((v): number | null => v ?? null),
    phone: optionalText(40, 'Phone'),
    preferredLanguage: optionalText(60, 'Preferred language'),
    notes: optionalText(4000, 'Notes'),
    ...patientContactFields,
  })
  .superRefine((p, ctx) => {
    if (p.diagnosisYear === null) return;
    const birthYear = Number(p.dateOfBirth.slice(0, 4));
    const thisYear = new Date().getUTCFullYear();
    if (p.diagnosisYear > thisYear) {
      ctx.addIssue({ code: 'custom', path: ['diagnosisYear'], message: 'Year of diagnosis cannot be in the future' });
    } else if (Number.isFinite(birthYear) && p.diagnosisYear < birthYear) {
      ctx.addIssue({ code: 'custom', path: ['diagnosisYear'], message: 'Year of diagnosis cannot be before the year of birth' });
    }
  });
export type PatientInput = z.output<typeof patientInputSchema>;
/** The form's raw shape before trimming and null-ing. */
export type PatientInputDraft = z.input<typeof patientInputSchema>;

export const patientIdSchema = z.number().int().positive();

export const patientSchema = z.object({
  id: patientIdSchema,
  familyName: z.string(),
  givenNames: z.string(),
  dateOfBirth: z.string(),
  sex: z.enum(sexes),
  clinicIdentifier: z.string(),
  nationalNumber: z.string().nullable(),
  diabetesType: z.enum(diabetesTypes),
  diagnosisYear: z.number().int().nullable(),
  phone: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  notes: z.string().nullable(),
  title: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  addressLine3: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  mobilePhone: z.string().nullable(),
  email: z.string().nullable(),
  gpPractice: z.string().nullable(),
  gpPracticeCode: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  relevantConditions: z.string().nullable(),
  medicines: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** When the patient was archived (left the clinic); null while active. Never hard-deleted. */
  archivedAt: z.string().nullable(),
});
export type Patient = z.infer<typeof patientSchema>;

/** One row of the patient list: enough to tell patients apart at a glance. */
export const patientSummarySchema = patientSchema.pick({
  id: true,
  familyName: true,
  givenNames: true,
  dateOfBirth: true,
  sex: true,
  clinicIdentifier: true,
  archivedAt: true,
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

/** "ŻAK, Łucja" style display name used in lists and reports. */
export function displayName(p: Pick<Patient, 'familyName' | 'givenNames'>): string {
  return `${p.familyName.toUpperCase()}, ${p.givenNames}`;
}

/** The postal address as a letter prints it: the lines that are filled in, in order. */
export function postalAddressLines(p: Pick<Patient, 'addressLine1' | 'addressLine2' | 'addressLine3' | 'town' | 'postcode'>): string[] {
  return [p.addressLine1, p.addressLine2, p.addressLine3, p.town, p.postcode].filter((line): line is string => line !== null && line !== '');
}

/** The contact, practice and care details of a patient; `noPatientContacts` has none recorded. */
export type PatientContactDetails = Pick<
  Patient,
  | 'title'
  | 'addressLine1'
  | 'addressLine2'
  | 'addressLine3'
  | 'town'
  | 'postcode'
  | 'mobilePhone'
  | 'email'
  | 'gpPractice'
  | 'gpPracticeCode'
  | 'interpreterNeeded'
  | 'relevantConditions'
  | 'medicines'
>;
export const noPatientContacts: Readonly<PatientContactDetails> = {
  title: null,
  addressLine1: null,
  addressLine2: null,
  addressLine3: null,
  town: null,
  postcode: null,
  mobilePhone: null,
  email: null,
  gpPractice: null,
  gpPracticeCode: null,
  interpreterNeeded: false,
  relevantConditions: null,
  medicines: null,
};
