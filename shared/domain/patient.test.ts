import { describe, expect, it } from 'vitest';
import { toFieldIssues } from '../ipc/zodIssues';
import { isoDateOf } from '../text/dates';
import { patientInputSchema } from './patient';

const valid = {
  familyName: '  Żak ',
  givenNames: 'Łucja',
  dateOfBirth: '1956-07-03',
  sex: 'female',
  clinicIdentifier: 'MRN-001',
  nationalNumber: '',
  diabetesType: 'type2',
  diagnosisYear: 2001,
  phone: null,
  preferredLanguage: 'Polish',
  notes: undefined,
};

function issuesOf(input: unknown): Record<string, string> {
  const parsed = patientInputSchema.safeParse(input);
  if (parsed.success) return {};
  return Object.fromEntries(toFieldIssues(parsed.error).map((i) => [i.path, i.message]));
}

describe('patient validation', () => {
  it('trims text and stores empty optional fields as null', () => {
    const parsed = patientInputSchema.parse(valid);
    expect(parsed.familyName).toBe('Żak');
    expect(parsed.nationalNumber).toBeNull();
    expect(parsed.notes).toBeNull();
  });
  it('names every missing required field with a clear message', () => {
    const issues = issuesOf({});
    expect(issues.familyName).toBe('Enter the family name');
    expect(issues.givenNames).toBe('Enter the given name(s)');
    expect(issues.dateOfBirth).toBe('Enter the date of birth');
    expect(issues.clinicIdentifier).toBe('Enter the clinic identifier');
    expect(issues.sex).toBe('Choose the recorded sex');
  });
  it('refuses a date of birth in the future', () => {
    const tomorrow = isoDateOf(new Date(Date.now() + 86_400_000 * 2));
    expect(issuesOf({ ...valid, dateOfBirth: tomorrow }).dateOfBirth).toBe('Date of birth cannot be in the future');
  });
  it('refuses a date of birth more than 120 years ago', () => {
    const year = new Date().getUTCFullYear() - 121;
    expect(issuesOf({ ...valid, dateOfBirth: `${year}-01-01` }).dateOfBirth).toBe('Date of birth cannot be more than 120 years ago');
  });
  it('refuses impossible dates and blank names', () => {
    expect(issuesOf({ ...valid, dateOfBirth: '1956-02-30' }).dateOfBirth).toMatch(/real date/);
    expect(issuesOf({ ...valid, familyName: '   ' }).familyName).toBe('Enter the family name');
  });
  it('refuses a diagnosis before birth or in the future', () => {
    expect(issuesOf({ ...valid, diagnosisYear: 1950 }).diagnosisYear).toMatch(/before the year of birth/);
    expect(issuesOf({ ...valid, diagnosisYear: 9999 }).diagnosisYear).toMatch(/future/);
  });
  it('refuses spaces inside the clinic identifier', () => {
    expect(issuesOf({ ...valid, clinicIdentifier: 'MRN 1' }).clinicIdentifier).toMatch(/spaces/);
  });
});
