import { checkNationalNumber, type NationalNumberFormat } from '#shared/domain/nationalNumber';
import { patientInputSchema, type Patient, type PatientInput, type Sex, type DiabetesType } from '#shared/domain/patient';
import type { FieldIssue } from '#shared/ipc/result';
import { parseTypedDate, type DateOrder } from '#shared/text/dates';

/** What the form holds: text as typed, so nothing a nurse types is lost or reformatted under her. */
export interface PatientFormValues {
  familyName: string;
  givenNames: string;
  dateOfBirth: string;
  sex: Sex | '';
  clinicIdentifier: string;
  nationalNumber: string;
  diabetesType: DiabetesType | '';
  diagnosisYear: string;
  phone: string;
  preferredLanguage: string;
  notes: string;
  title: string;
  addressLine1: string;
  addressLine2: string;
  addressLine3: string;
  town: string;
  postcode: string;
  mobilePhone: string;
  email: string;
  gpPractice: string;
  gpPracticeCode: string;
  interpreterNeeded: boolean;
  relevantConditions: string;
  medicines: string;
}

/** The form's text fields (all but the interpreter checkbox). */
export type PatientTextField = Exclude<keyof PatientFormValues, 'interpreterNeeded'>;

export type FieldErrors = Partial<Record<keyof PatientFormValues, string>>;

export const emptyPatientForm: PatientFormValues = {
  familyName: '',
  givenNames: '',
  dateOfBirth: '',
  sex: '',
  clinicIdentifier: '',
  nationalNumber: '',
  diabetesType: '',
  diagnosisYear: '',
  phone: '',
  preferredLanguage: '',
  notes: '',
  title: '',
  addressLine1: '',
  addressLine2: '',
  addressLine3: '',
  town: '',
  postcode: '',
  mobilePhone: '',
  email: '',
  gpPractice: '',
  gpPracticeCode: '',
  interpreterNeeded: false,
  relevantConditions: '',
  medicines: '',
};

export function formFromPatient(p: Patient): PatientFormValues {
  return {
    familyName: p.familyName,
    givenNames: p.givenNames,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    clinicIdentifier: p.clinicIdentifier,
    nationalNumber: p.nationalNumber ?? '',
    diabetesType: p.diabetesType,
    diagnosisYear: p.diagnosisYear === null ? '' : String(p.diagnosisYear),
    phone: p.phone ?? '',
    preferredLanguage: p.preferredLanguage ?? '',
    notes: p.notes ?? '',
    title: p.title ?? '',
    addressLine1: p.addressLine1 ?? '',
    addressLine2: p.addressLine2 ?? '',
    addressLine3: p.addressLine3 ?? '',
    town: p.town ?? '',
    postcode: p.postcode ?? '',
    mobilePhone: p.mobilePhone ?? '',
    email: p.email ?? '',
    gpPractice: p.gpPractice ?? '',
    gpPracticeCode: p.gpPracticeCode ?? '',
    interpreterNeeded: p.interpreterNeeded,
    relevantConditions: p.relevantConditions ?? '',
    medicines: p.medicines ?? '',
  };
}

/**
 * Checks the form with the same schema the application uses, so errors show before saving and
 * the messages are the same as the server's.
 */
export function validatePatientForm(
  values: PatientFormValues,
  dateOrder: DateOrder,
  today: string,
  numberFormat: NationalNumberFormat = 'nhs',
): { ok: true; input: PatientInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  // The same check the application makes on saving, so a mistyped number is caught at once.
  if (values.nationalNumber.trim() !== '') {
    const number = checkNationalNumber(values.nationalNumber, numberFormat);
    if (!number.ok) errors.nationalNumber = number.message;
  }
  let dateOfBirth = values.dateOfBirth.trim();
  if (dateOfBirth !== '') {
    const parsed = parseTypedDate(dateOfBirth, dateOrder, today);
    if (parsed === null) errors.dateOfBirth = 'Enter a real date, e.g. 03/07/1956 or 1956-07-03';
    else dateOfBirth = parsed;
  }
  const yearText = values.diagnosisYear.trim();
  const diagnosisYear = yearText === '' ? null : /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  if (Number.isNaN(diagnosisYear)) errors.diagnosisYear = 'Enter a year with four digits, e.g. 2015';

  const parsed = patientInputSchema.safeParse({
    ...values,
    dateOfBirth,
    sex: values.sex === '' ? undefined : values.sex,
    diabetesType: values.diabetesType === '' ? undefined : values.diabetesType,
    diagnosisYear: Number.isNaN(diagnosisYear) ? null : diagnosisYear,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in emptyPatientForm && !errors[field as keyof PatientFormValues]) {
        errors[field as keyof PatientFormValues] = issue.message;
      }
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}

/** Server issues (paths like `patient.clinicIdentifier`) as form errors. */
export function errorsFromIssues(issues: readonly FieldIssue[] | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues ?? []) {
    const field = issue.path.replace(/^patient\./, '').split('.')[0];
    if (field && field in emptyPatientForm) errors[field as keyof PatientFormValues] ??= issue.message;
  }
  return errors;
}
