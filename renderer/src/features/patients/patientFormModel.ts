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
}

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
): { ok: true; input: PatientInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
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
