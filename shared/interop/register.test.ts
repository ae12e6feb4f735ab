import { describe, expect, it } from 'vitest';
import { headerKey, mapColumns, missingColumns } from './registerColumns';
import { checkRegisterRow, DuplicateIdentifiers } from './registerRows';
import {
  cleanText,
  looksLikeFormula,
  normalisePostcode,
  parseDiabetesType,
  parseRegisterDate,
  parseSex,
  parseYesNo,
  withoutFormulaGuard,
} from './registerValues';

const today = '2026-01-15';

describe('register dates', () => {
  it('reads each order and refuses what is not a real date', () => {
    expect(parseRegisterDate('03/07/1956', 'dmy', today)).toBe('1956-07-03');
    expect(parseRegisterDate('03/07/1956', 'mdy', today)).toBe('1956-03-07');
    expect(parseRegisterDate('1956/07/03', 'ymd', today)).toBe('1956-07-03');
    expect(parseRegisterDate('1956-07-03', 'mdy', today)).toBe('1956-07-03');
    expect(parseRegisterDate('29/02/2023', 'dmy', today)).toBeNull();
    expect(parseRegisterDate('29/02/2024', 'dmy', today)).toBe('2024-02-29');
    expect(parseRegisterDate('13/13/1956', 'dmy', today)).toBeNull();
    expect(parseRegisterDate('03/07/1956', 'ymd', today)).toBeNull();
    expect(parseRegisterDate('3 Jly 1956', 'dmy', today)).toBeNull();
    expect(parseRegisterDate('', 'dmy', today)).toBeNull();
    expect(parseRegisterDate('yesterday', 'dmy', today)).toBeNull();
  });
  it('puts a two-digit year in the latest century that is not after today', () => {
    expect(parseRegisterDate('01/01/26', 'dmy', today)).toBe('2026-01-01');
    expect(parseRegisterDate('01/01/27', 'dmy', today)).toBe('1927-01-01');
  });
});

describe('register words', () => {
  it('reads sex words and the NHS Data Dictionary digits, and refuses others', () => {
    expect(['F', 'female', 'Woman', '2'].map(parseSex)).toEqual(['female', 'female', 'female', 'female']);
    expect(['M', 'Male', '1'].map(parseSex)).toEqual(['male', 'male', 'male']);
    expect(['', 'U', 'Not Known', '0'].map(parseSex)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
    expect(['I', 'Indeterminate', '9', 'X'].map(parseSex)).toEqual(['other', 'other', 'other', 'other']);
    expect(parseSex('Q')).toBeNull();
  });
  it('reads diabetes types as registers write them', () => {
    expect(['Type 1', 'T1DM', 'type 1 diabetes mellitus', 'IDDM'].map(parseDiabetesType)).toEqual(['type1', 'type1', 'type1', 'type1']);
    expect(['Type 2', 'T2', 'Type II', 'type_2_diabetes'].map(parseDiabetesType)).toEqual(['type2', 'type2', 'type2', 'type2']);
    expect(['Gestational', 'GDM', 'MODY', 'LADA', '', 'Not known'].map(parseDiabetesType)).toEqual(['gestational', 'gestational', 'other', 'other', 'unknown', 'unknown']);
    expect(parseDiabetesType('pre-diabetes')).toBeNull();
  });
  it('reads yes and no, and tells blank from neither', () => {
    expect(['Y', 'yes', 'TRUE', '1', 'Required'].map(parseYesNo)).toEqual([true, true, true, true, true]);
    expect(['N', 'no', 'false', '0'].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo(' ')).toBeNull();
    expect(parseYesNo('maybe')).toBeUndefined();
  });
  it('stores UK postcodes in capitals with one space, and others as typed', () => {
    expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(normalisePostcode(' ls1   1ab ')).toBe('LS1 1AB');
    expect(normalisePostcode('75008')).toBe('75008');
    expect(normalisePostcode('')).toBeNull();
  });
  it('collapses white space and treats an empty cell as nothing', () => {
    expect(cleanText('  Mary\n  Ann ')).toBe('Mary Ann');
    expect(cleanText(' \t ')).toBeNull();
  });
  it('knows formula cells, keeps phone numbers, and undoes an exporter’s apostrophe', () => {
    expect(looksLikeFormula('=1+1')).toBe(true);
    expect(looksLikeFormula('@SUM(A1)')).toBe(true);
    expect(looksLikeFormula('+44 7700 900123')).toBe(false);
    expect(withoutFormulaGuard("'+44 7700 900123")).toBe('+44 7700 900123');
    expect(withoutFormulaGuard("O'Brien")).toBe("O'Brien");
  });
});

describe('columns', () => {
  it('compares headers without case, spaces, punctuation or a bracketed note', () => {
    expect(headerKey('\uFEFFDate of Birth (dd/mm/yyyy)')).toBe('dateofbirth');
    expect(headerKey('D.O.B.')).toBe('dob');
    expect(headerKey('NHS No.')).toBe('nhsno');
  });
  it('gives a field to the first column that names it and leaves a second one unmatched', () => {
    const guess = mapColumns(['Surname', 'Forename', 'Last name', 'DOB', 'NHS Number', 'Notes']);
    expect(guess.mapping).toEqual({ familyName: 0, givenNames: 1, dateOfBirth: 3, nationalNumber: 4 });
    expect(guess.unmatched).toEqual([
      { column: 2, header: 'Last name' },
      { column: 5, header: 'Notes' },
    ]);
  });
  it('says which required columns are missing and refuses a column number beyond the file', () => {
    expect(missingColumns({ familyName: 0, givenNames: 1 }, ['Surname', 'Forename'])).toEqual([
      'No column for the date of birth (e.g. "Date of Birth" or "DOB"). Columns in the file: "Surname", "Forename".',
      'No column for an identifier: the NHS number or a patient ID (e.g. "NHS Number", "Hospital number"). Columns in the file: "Surname", "Forename".',
    ]);
    expect(missingColumns({ fullName: 0, dateOfBirth: 1, clinicIdentifier: 7 }, ['Name', 'DOB'])).toEqual([
      'Patient ID (clinic or hospital number): column 8 does not exist (the file has 2).',
    ]);
  });
});

describe('one row', () => {
  const mapping = mapColumns(['CHI Number', 'Surname', 'Forename', 'DOB', 'Sex', 'Date of Death', 'Last Updated']).mapping;
  const options = { dateOrder: 'dmy' as const, nationalNumberFormat: 'chi' as const, today };

  it('checks the clinic’s national number format', () => {
    const ok = checkRegisterRow(['010101 1237', 'Reid', 'Ross', '01/01/2001', 'M', '', '2025-12-01T10:00:00+01:00'], mapping, 7, options);
    expect(ok).toMatchObject({ ok: true, patient: { nationalNumber: '0101011237' }, lastUpdated: '2025-12-01T09:00:00.000Z' });
    const otherBirthday = checkRegisterRow(['010101 1237', 'Reid', 'Ross', '02/01/2001', 'M', '', ''], mapping, 7, options);
    expect(otherBirthday).toMatchObject({ ok: false, reasons: ['CHI number 010101 1237 does not start with the date of birth (020101)'] });
    const bad = checkRegisterRow(['0101201234', 'Reid', 'Ross', '01/01/1950', 'M', '', ''], mapping, 7, options);
    expect(bad).toEqual({ ok: false, label: 'REID, Ross', reasons: ['0101201234 is not a valid CHI number: its check digit does not match'] });
  });
  it('refuses a date of death before birth or in the future, and a date of birth over 120 years ago', () => {
    const r = checkRegisterRow(['0101011237', 'Reid', 'Ross', '01/01/1900', 'M', '01/01/1899', ''], mapping, 7, options);
    expect(r).toMatchObject({ ok: false, reasons: ['Date of birth “01/01/1900” is more than 120 years ago'] });
    const death = checkRegisterRow(['0101011237', 'Reid', 'Ross', '01/01/2001', 'M', '01/01/2000', ''], mapping, 7, options);
    expect(death).toMatchObject({ ok: false, reasons: ['Date of death “01/01/2000” is before the date of birth'] });
  });
  it('refuses a second use of an identifier, naming where it was first used', () => {
    const seen = new DuplicateIdentifiers('nhs');
    const base = { familyName: 'A', givenNames: 'B', title: null, dateOfBirth: '1950-01-01', sex: 'male' as const, diabetesType: 'unknown' as const, diagnosisYear: null, phone: null, mobile: null, email: null, address: null, gpPractice: null, usualGp: null, preferredLanguage: null, interpreterNeeded: null, dateOfDeath: null };
    expect(seen.check({ ...base, nationalNumber: '9434765919', clinicIdentifier: 'Ä1' }, 'line 1')).toEqual([]);
    expect(seen.check({ ...base, nationalNumber: '9434765919', clinicIdentifier: 'a1' }, 'line 2')).toEqual([
      'NHS number 943 476 5919 is already used by line 1',
      'Patient ID a1 is already used by line 1',
    ]);
    expect(seen.check({ ...base, nationalNumber: null, clinicIdentifier: 'A2' }, 'line 3')).toEqual([]);
  });
});
