import { checkNationalNumber, chiMatchesDateOfBirth, displayNationalNumber, nationalNumberFormatTable, type NationalNumberFormat } from '../domain/nationalNumber';
import { maxAgeYears } from '../domain/patient';
import { ageInYears } from '../text/dates';
import { foldForSearch } from '../text/fold';
import { blankExchangePatient, type ExchangePatient, type PostalAddress } from './exchangePatient';
import { registerFieldTable, type ColumnMapping, type RegisterField } from './registerColumns';
import {
  cleanText,
  looksLikeFormula,
  normalisePostcode,
  parseDiabetesType,
  parseRegisterDate,
  parseSex,
  parseYearOrDate,
  parseYesNo,
  withoutFormulaGuard,
  type RegisterDateOrder,
} from './registerValues';

/**
 * One row of a register export (the cells, in file order) checked and turned into the patient as
 * it would be stored, or refused with every reason found. The same checks run on FHIR `Patient`
 * resources (see shared/fhir/patient.ts), so both kinds of file refuse the same things.
 */

export interface RegisterCheckOptions {
  dateOrder: RegisterDateOrder;
  nationalNumberFormat: NationalNumberFormat;
  /** The clinic's calendar date (ISO): dates of birth after it are refused. */
  today: string;
}

export type RowOutcome =
  | { ok: true; patient: ExchangePatient; lastUpdated: string | null; label: string }
  | { ok: false; reasons: string[]; label: string | null };

const orderWords: Readonly<Record<RegisterDateOrder, string>> = {
  dmy: 'day/month/year',
  mdy: 'month/day/year',
  ymd: 'year/month/day',
};

const maxNameLength = 100;
const maxIdentifierLength = 40;
const maxTextLength = 200;

/** The cell of a field, as text, with a neutralising apostrophe removed ("" when unmapped). */
function cellOf(cells: readonly string[], mapping: ColumnMapping, field: RegisterField): string {
  const column = mapping[field];
  if (column === undefined) return '';
  return withoutFormulaGuard(cells[column] ?? '');
}

/**
 * Checks one data row. `headerCount` is the number of header cells: a row with more non-empty
 * cells than that usually has an unquoted comma, which shifts every later column.
 */
export function checkRegisterRow(
  cells: readonly string[],
  mapping: ColumnMapping,
  headerCount: number,
  options: RegisterCheckOptions,
): RowOutcome {
  const reasons: string[] = [];
  const extra = cells.slice(headerCount).filter((c) => c.trim() !== '').length;
  if (extra > 0) {
    reasons.push(`The row has ${headerCount + extra} cells but the header has ${headerCount}: is there a comma inside a cell without quotes?`);
  }
  // A formula cell is refused once, then read as blank, so it does not also count as "missing".
  const formulas = new Set<RegisterField>();
  for (const [field, column] of Object.entries(mapping) as [RegisterField, number][]) {
    const value = withoutFormulaGuard(cells[column] ?? '');
    if (looksLikeFormula(value)) {
      formulas.add(field);
      reasons.push(`${registerFieldTable[field].label} looks like a spreadsheet formula (${quote(value)}); it was not imported`);
    }
  }
  const text = (field: RegisterField): string => (formulas.has(field) ? '' : cellOf(cells, mapping, field));
  const missing = (field: RegisterField, message: string): void => {
    if (!formulas.has(field)) reasons.push(message);
  };

  const draft = blankExchangePatient();
  const names = readNames(text, missing, reasons);
  draft.familyName = names.family;
  draft.givenNames = names.given;
  draft.title = limited(text('title'), 'Title', 40, reasons);
  const label = names.family && names.given ? `${names.family.toUpperCase()}, ${names.given}` : names.family.toUpperCase() || names.given || null;

  draft.dateOfBirth = readDateOfBirth(text('dateOfBirth'), options, missing, reasons) ?? '';

  const sex = parseSex(text('sex'));
  if (sex === null) reasons.push(`Sex ${quote(text('sex'))} is not recognised: use Female, Male, Other or Unknown`);
  else draft.sex = sex;

  const typedNumber = text('nationalNumber').trim();
  if (typedNumber !== '') {
    const checked = checkNationalNumber(typedNumber, options.nationalNumberFormat);
    if (!checked.ok) reasons.push(checked.message);
    else if (options.nationalNumberFormat === 'chi' && draft.dateOfBirth !== '' && !chiMatchesDateOfBirth(checked.value, draft.dateOfBirth)) {
      // A CHI number starts with the date of birth: a mismatch means one of the two is wrong.
      reasons.push(`CHI number ${checked.display} does not start with the date of birth (${draft.dateOfBirth.slice(8)}${draft.dateOfBirth.slice(5, 7)}${draft.dateOfBirth.slice(2, 4)})`);
    } else draft.nationalNumber = checked.value;
  }
  const identifier = text('clinicIdentifier').replace(/\s+/g, '');
  if (identifier.length > maxIdentifierLength) reasons.push(`Patient ID can be at most ${maxIdentifierLength} characters`);
  else if (identifier !== '') draft.clinicIdentifier = identifier;
  if (typedNumber === '' && identifier === '' && !formulas.has('nationalNumber') && !formulas.has('clinicIdentifier')) {
    reasons.push(`No ${nationalNumberFormatTable[options.nationalNumberFormat].label} and no patient ID: the row cannot be matched to a patient`);
  }

  const diabetes = parseDiabetesType(text('diabetesType'));
  if (diabetes === null) reasons.push(`Diabetes type ${quote(text('diabetesType'))} is not recognised: use Type 1, Type 2, Gestational or Other`);
  else draft.diabetesType = diabetes;
  draft.diagnosisYear = readDiagnosisYear(text('diagnosisYear'), draft.dateOfBirth, options, reasons);

  draft.address = readAddress(text, reasons);
  draft.phone = limited(text('phone'), 'Telephone', 40, reasons);
  draft.mobile = limited(text('mobile'), 'Mobile', 40, reasons);
  draft.email = limited(text('email'), 'Email', maxTextLength, reasons);
  const practiceName = limited(text('gpPracticeName'), 'GP practice', maxTextLength, reasons);
  const practiceCode = limited(text('gpPracticeCode').replace(/\s+/g, '').toUpperCase(), 'GP practice code', 20, reasons);
  draft.gpPractice = practiceName || practiceCode ? { name: practiceName, code: practiceCode } : null;
  draft.usualGp = limited(text('usualGp'), 'Usual GP', maxTextLength, reasons);
  draft.preferredLanguage = limited(text('preferredLanguage'), 'Preferred language', 60, reasons);

  const interpreter = parseYesNo(text('interpreterNeeded'));
  if (interpreter === undefined) reasons.push(`Interpreter needed ${quote(text('interpreterNeeded'))} is not yes or no`);
  else draft.interpreterNeeded = interpreter;

  const deathText = text('dateOfDeath').trim();
  if (deathText !== '') {
    const death = parseRegisterDate(deathText, options.dateOrder, options.today);
    if (death === null) reasons.push(`Date of death ${quote(deathText)} is not a real date (read as ${orderWords[options.dateOrder]})`);
    else if (death > options.today) reasons.push(`Date of death ${quote(deathText)} is in the future`);
    else if (draft.dateOfBirth !== '' && death < draft.dateOfBirth) reasons.push(`Date of death ${quote(deathText)} is before the date of birth`);
    else draft.dateOfDeath = death;
  }

  const lastUpdated = readLastUpdated(text('lastUpdated'), options, reasons);
  if (reasons.length > 0) return { ok: false, reasons, label };
  return { ok: true, patient: draft, lastUpdated, label: label ?? '' };
}

function readNames(
  text: (field: RegisterField) => string,
  missing: (field: RegisterField, message: string) => void,
  reasons: string[],
): { family: string; given: string } {
  let family = cleanText(text('familyName')) ?? '';
  let given = cleanText(text('givenNames')) ?? '';
  const full = cleanText(text('fullName'));
  if (family === '' && given === '' && full !== null) {
    const comma = full.indexOf(',');
    if (comma > 0) {
      family = full.slice(0, comma).trim();
      given = full.slice(comma + 1).trim();
    } else {
      reasons.push(`Name ${quote(full)} cannot be split into family and given names: write it as "FAMILY, Given" or use separate columns`);
      return { family: '', given: '' };
    }
  }
  const middle = cleanText(text('middleNames'));
  if (middle !== null) given = given === '' ? middle : `${given} ${middle}`;
  if (family === '') missing(text('fullName') === '' ? 'familyName' : 'fullName', 'No family name');
  if (given === '') missing(text('fullName') === '' ? 'givenNames' : 'fullName', 'No given name');
  if (family.length > maxNameLength) reasons.push(`Family name can be at most ${maxNameLength} characters`);
  if (given.length > maxNameLength) reasons.push(`Given names can be at most ${maxNameLength} characters`);
  return { family, given };
}

function readDateOfBirth(
  typed: string,
  options: RegisterCheckOptions,
  missing: (field: RegisterField, message: string) => void,
  reasons: string[],
): string | null {
  const trimmed = typed.trim();
  if (trimmed === '') {
    missing('dateOfBirth', 'No date of birth');
    return null;
  }
  const date = parseRegisterDate(trimmed, options.dateOrder, options.today);
  if (date === null) {
    reasons.push(`Date of birth ${quote(trimmed)} is not a real date (read as ${orderWords[options.dateOrder]})`);
    return null;
  }
  if (date > options.today) {
    reasons.push(`Date of birth ${quote(trimmed)} is in the future`);
    return null;
  }
  // Anyone born on or after this day of the year 120 years ago is at most 120: skip the exact age.
  const surelyYoungEnough = date >= `${String(Number(options.today.slice(0, 4)) - maxAgeYears).padStart(4, '0')}${options.today.slice(4)}`;
  if (!surelyYoungEnough && ageInYears(date, options.today) > maxAgeYears) {
    reasons.push(`Date of birth ${quote(trimmed)} is more than ${maxAgeYears} years ago`);
    return null;
  }
  return date;
}

function readDiagnosisYear(typed: string, dateOfBirth: string, options: RegisterCheckOptions, reasons: string[]): number | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  const year = parseYearOrDate(trimmed, options.dateOrder, options.today);
  if (year === null) {
    reasons.push(`Year of diagnosis ${quote(trimmed)} is not a year or a date`);
    return null;
  }
  if (year > Number(options.today.slice(0, 4))) reasons.push(`Year of diagnosis ${quote(trimmed)} is in the future`);
  else if (dateOfBirth !== '' && year < Number(dateOfBirth.slice(0, 4))) reasons.push(`Year of diagnosis ${quote(trimmed)} is before the year of birth`);
  else return year;
  return null;
}

const addressLineFields = ['address1', 'address2', 'address3', 'address4', 'address5'] as const;
const maxAddressLines = 5;

function readAddress(text: (field: RegisterField) => string, reasons: string[]): PostalAddress | null {
  let lines = addressLineFields.map((f) => cleanText(text(f))).filter((l): l is string => l !== null);
  if (lines.length === 0) {
    // One "Address" cell: lines separated by commas or line breaks.
    lines = text('address').split(/[,\n\r]+/).map((l) => cleanText(l)).filter((l): l is string => l !== null);
  }
  if (lines.length > maxAddressLines) lines = [...lines.slice(0, maxAddressLines - 1), lines.slice(maxAddressLines - 1).join(', ')];
  if (lines.some((l) => l.length > maxTextLength)) reasons.push(`An address line can be at most ${maxTextLength} characters`);
  const city = limited(text('city'), 'Town or city', 100, reasons);
  const district = limited(text('district'), 'County', 100, reasons);
  const postcode = normalisePostcode(text('postcode'));
  if (postcode !== null && postcode.length > 20) reasons.push('Postcode can be at most 20 characters');
  if (lines.length === 0 && city === null && district === null && postcode === null) return null;
  return { lines, city, district, postcode };
}

function readLastUpdated(typed: string, options: RegisterCheckOptions, reasons: string[]): string | null {
  const trimmed = typed.trim();
  if (trimmed === '') return null;
  // An instant with a time zone is kept as the instant; otherwise the date.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed))) {
    return new Date(trimmed).toISOString();
  }
  const date = parseRegisterDate(trimmed, options.dateOrder, options.today);
  if (date === null) reasons.push(`Last updated ${quote(trimmed)} is not a date`);
  return date;
}

function limited(typed: string, label: string, max: number, reasons: string[]): string | null {
  const cleaned = cleanText(typed);
  if (cleaned !== null && cleaned.length > max) {
    reasons.push(`${label} can be at most ${max} characters`);
    return null;
  }
  return cleaned;
}

/** A value quoted for a message, shortened so a huge cell cannot flood the list of refusals. */
function quote(value: string): string {
  const trimmed = value.trim();
  return `“${trimmed.length > 40 ? `${trimmed.slice(0, 39)}…` : trimmed}”`;
}

/**
 * Refuses a second row that uses an identifier an earlier row of the same file already used: one
 * of the two is wrong, and importing both would make two patients share a number. The first row
 * keeps it; later rows are refused naming the first.
 */
export class DuplicateIdentifiers {
  private readonly nationalNumbers = new Map<string, string>();
  private readonly clinicIdentifiers = new Map<string, string>();

  constructor(private readonly format: NationalNumberFormat) {}

  /** Reasons to refuse this patient (none when its identifiers are new); records them if new. */
  check(patient: ExchangePatient, where: string): string[] {
    const reasons: string[] = [];
    const national = patient.nationalNumber;
    const clinicKey = patient.clinicIdentifier === null ? null : foldForSearch(patient.clinicIdentifier);
    const nationalOwner = national === null ? undefined : this.nationalNumbers.get(national);
    const clinicOwner = clinicKey === null ? undefined : this.clinicIdentifiers.get(clinicKey);
    if (national !== null && nationalOwner !== undefined) {
      const label = nationalNumberFormatTable[this.format].label;
      reasons.push(`${label} ${displayNationalNumber(national, this.format)} is already used by ${nationalOwner}`);
    }
    if (patient.clinicIdentifier !== null && clinicOwner !== undefined) {
      reasons.push(`Patient ID ${patient.clinicIdentifier} is already used by ${clinicOwner}`);
    }
    if (reasons.length === 0) {
      if (national !== null) this.nationalNumbers.set(national, where);
      if (clinicKey !== null) this.clinicIdentifiers.set(clinicKey, where);
    }
    return reasons;
  }
}
