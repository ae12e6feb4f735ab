import type { DiabetesType, Sex } from '../domain/patient';
import { isValidCalendarDate, toIsoDate } from '../text/dates';

/**
 * Reading the cells of a register export: dates in the clinic's order, sex and diabetes type in
 * the words systems use, yes/no, postcodes, and cells that a spreadsheet would run as a formula.
 * Pure functions: the same code checks a CSV row, a FHIR `Patient` and (later) a typed form.
 */

/** The order of day, month and year in typed or exported dates. ISO `YYYY-MM-DD` is always read too. */
export const registerDateOrders = ['dmy', 'mdy', 'ymd'] as const;
export type RegisterDateOrder = (typeof registerDateOrders)[number];

const monthNames: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

/** A time after the date ("03/07/1956 00:00", "1956-07-03T00:00:00.000Z"): exports add midnight to dates of birth. */
const trailingTime = /(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s?[AaPp][Mm])?(?:Z|[+-]\d{2}:?\d{2})?)$/;

/**
 * Reads a date as registers write it and returns ISO `YYYY-MM-DD`, or null when it is not a real
 * date: ISO (with or without a time), day/month/year in the given order with `/`, `.`, `-` or
 * spaces, month names ("03-Jul-1956", "3 July 1956", "Jul 3, 1956"), and eight digits without
 * separators in the given order. A two-digit year is the latest year not after `today` (the dates
 * read here are dates of birth, death and diagnosis, all in the past).
 */
export function parseRegisterDate(text: string, order: RegisterDateOrder, today: string): string | null {
  const trimmed = text.trim().replace(trailingTime, '').trim();
  if (trimmed === '') return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (m) return dateOf(Number(m[1]), Number(m[2]), Number(m[3]));

  m = /^(\d{1,4})[/.\- ](\d{1,2})[/.\- ](\d{1,4})$/.exec(trimmed);
  if (m) {
    const [a, b, c] = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    switch (order) {
      case 'dmy':
        return a.length <= 2 ? dateOf(year(c, today), Number(b), Number(a)) : null;
      case 'mdy':
        return a.length <= 2 ? dateOf(year(c, today), Number(a), Number(b)) : null;
      case 'ymd':
        return c.length <= 2 ? dateOf(year(a, today), Number(b), Number(c)) : null;
    }
  }

  // Month names: "03-Jul-1956", "3 July 1956", "3rd July 1956", "Jul 3, 1956", "July 3 1956".
  const words = trimmed.toLowerCase().replace(/,/g, ' ').replace(/(\d)(st|nd|rd|th)\b/g, '$1');
  m = /^(\d{1,2})[\s\-/.]+([a-z]+)\.?[\s\-/.]+(\d{2}|\d{4})$/.exec(words);
  if (m) {
    const month = monthNames[m[2] ?? ''];
    return month === undefined ? null : dateOf(year(m[3] ?? '', today), month, Number(m[1]));
  }
  m = /^([a-z]+)\.?\s+(\d{1,2})\s+(\d{2}|\d{4})$/.exec(words);
  if (m) {
    const month = monthNames[m[1] ?? ''];
    return month === undefined ? null : dateOf(year(m[3] ?? '', today), month, Number(m[2]));
  }

  m = /^(\d{8})$/.exec(trimmed);
  if (m) {
    const d = m[1] ?? '';
    switch (order) {
      case 'ymd':
        return dateOf(Number(d.slice(0, 4)), Number(d.slice(4, 6)), Number(d.slice(6)));
      case 'dmy':
        return dateOf(Number(d.slice(4)), Number(d.slice(2, 4)), Number(d.slice(0, 2)));
      case 'mdy':
        return dateOf(Number(d.slice(4)), Number(d.slice(0, 2)), Number(d.slice(2, 4)));
    }
  }
  return null;
}

function year(text: string, today: string): number {
  if (text.length === 4) return Number(text);
  if (text.length !== 2) return Number.NaN;
  const thisYear = Number(today.slice(0, 4));
  const candidate = 2000 + Number(text);
  return candidate > thisYear ? candidate - 100 : candidate;
}

function dateOf(y: number, m: number, d: number): string | null {
  return isValidCalendarDate(y, m, d) ? toIsoDate(y, m, d) : null;
}

/** Words for recorded sex in GP, hospital and FHIR exports (administrative gender). */
const sexWords: Readonly<Record<string, Sex>> = {
  f: 'female', female: 'female', w: 'female', woman: 'female', girl: 'female',
  m: 'male', male: 'male', man: 'male', boy: 'male',
  o: 'other', other: 'other', i: 'other', indeterminate: 'other', x: 'other', 'not specified': 'other',
  u: 'unknown', unknown: 'unknown', 'not known': 'unknown', 'not stated': 'unknown', 'not recorded': 'unknown',
  '0': 'unknown', '1': 'male', '2': 'female', '9': 'other',
};

/**
 * Recorded sex from a cell; a blank cell is "unknown" (not recorded). Null when the word is not
 * one systems use, so the row is refused rather than guessed. Digits follow the sex codes of the
 * NHS Data Dictionary and ISO/IEC 5218 (0 not known, 1 male, 2 female, 9 not specified, i.e.
 * indeterminate).
 */
export function parseSex(text: string): Sex | null {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (key === '') return 'unknown';
  return sexWords[key] ?? null;
}

const diabetesWords: ReadonlyArray<readonly [RegExp, DiabetesType]> = [
  [/^(type ?1|t1|t1dm|1|dm ?type ?1|type i|iddm|insulin[- ]dependent)( diabetes( mellitus)?)?$/, 'type1'],
  [/^(type ?2|t2|t2dm|2|dm ?type ?2|type ii|niddm|non[- ]insulin[- ]dependent)( diabetes( mellitus)?)?$/, 'type2'],
  [/^(gestational|gdm)( diabetes( mellitus)?)?$/, 'gestational'],
  [/^(other|mody|lada|secondary|cfrd|pancreatic|type 3c|t3c)( diabetes( mellitus)?)?$/, 'other'],
  [/^(unknown|not known|not recorded|unspecified)$/, 'unknown'],
];

/** Diabetes type from a cell; blank is "not recorded". Null when the text is not recognised. */
export function parseDiabetesType(text: string): DiabetesType | null {
  const key = text.trim().toLowerCase().replace(/[_]+/g, ' ').replace(/\s+/g, ' ');
  if (key === '') return 'unknown';
  for (const [pattern, type] of diabetesWords) if (pattern.test(key)) return type;
  return null;
}

const yesWords = new Set(['y', 'yes', 'true', '1', 'required', 'needed']);
const noWords = new Set(['n', 'no', 'false', '0', 'not required', 'not needed', 'none']);

/** Yes/no from a cell: null when blank, undefined when it is neither. */
export function parseYesNo(text: string): boolean | null | undefined {
  const key = text.trim().toLowerCase();
  if (key === '') return null;
  if (yesWords.has(key)) return true;
  if (noWords.has(key)) return false;
  return undefined;
}

/** A four-digit year, or the year of a date ("2015", "12/03/2015"). Null when neither. */
export function parseYearOrDate(text: string, order: RegisterDateOrder, today: string): number | null {
  const trimmed = text.trim();
  if (/^\d{4}$/.test(trimmed)) return Number(trimmed);
  const date = parseRegisterDate(trimmed, order, today);
  return date === null ? null : Number(date.slice(0, 4));
}

/** UK postcodes: outward code, one space, inward code (digit + two letters). */
const ukPostcode = /^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$/;

/**
 * A postcode as stored: capitals and single spaces; a UK postcode typed without its space gets
 * it ("sw1a1aa" becomes "SW1A 1AA"). Other countries' codes are kept as typed otherwise.
 */
export function normalisePostcode(text: string): string | null {
  const upper = text.trim().toUpperCase().replace(/\s+/g, ' ');
  if (upper === '') return null;
  const m = ukPostcode.exec(upper);
  return m ? `${m[1] ?? ''} ${m[2] ?? ''}` : upper;
}

/**
 * Text as stored: spaces at the ends removed and runs of white space (including line breaks
 * inside a quoted cell) made one space; null when nothing is left.
 */
export function cleanText(text: string): string | null {
  const cleaned = text.replace(/\s+/g, ' ').trim();
  return cleaned === '' ? null : cleaned;
}

/**
 * Cells a spreadsheet would run as a formula start with `=` or `@` (OWASP "CSV injection"). A
 * register cell never legitimately does, so such a row is refused rather than stored and later
 * opened by someone in a spreadsheet. (`+` and `-` start phone numbers and are data.)
 */
export function looksLikeFormula(text: string): boolean {
  return /^\s*[=@]/.test(text);
}

/**
 * Exports that neutralise formulas (this app's own CSV among them) put an apostrophe before a
 * leading `= + - @`; reading the file back removes it so the value is what was recorded.
 */
export function withoutFormulaGuard(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}
