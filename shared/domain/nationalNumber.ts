import { assertNever } from '../ipc/result';
import { isValidCalendarDate } from '../text/dates';

/**
 * National health numbers: how a number typed with spaces or dashes is stored, and whether it can
 * be a real number of the chosen format. The clinic chooses its format in Settings; the NHS
 * number is the default.
 *
 * Sources (NHS Data Dictionary):
 * - NHS NUMBER (England, Wales, Isle of Man): ten digits, the tenth a modulus 11 check digit over
 *   the first nine with weights 10 down to 2 (remainder 0 gives check digit 0, a computed 10 means
 *   no valid number exists with those nine digits).
 * - COMMUNITY HEALTH INDEX NUMBER (Scotland): date of birth as DDMMYY, two further digits, a
 *   ninth digit even for females and odd for males, and the same arithmetical check digit.
 * - HEALTH AND CARE NUMBER (Northern Ireland): the NHS number's format and check digit, from the
 *   range reserved for Northern Ireland (320 000 001 to 399 999 999 plus check digit).
 */

export const nationalNumberFormats = ['nhs', 'chi', 'hcn', 'other'] as const;
export type NationalNumberFormat = (typeof nationalNumberFormats)[number];

export interface NationalNumberFormatInfo {
  readonly id: NationalNumberFormat;
  /** What the number is called on screen and in messages. */
  readonly label: string;
  /** Where it is used, for the Settings choice. */
  readonly usedIn: string;
  /** Digits in a complete number; null when the format has no fixed length. */
  readonly digits: number | null;
  /** A valid example for hints ("e.g. 943 476 5919"); null when there is none. */
  readonly example: string | null;
  readonly source: string;
}

export const nationalNumberFormatTable: Readonly<Record<NationalNumberFormat, NationalNumberFormatInfo>> = {
  nhs: {
    id: 'nhs',
    label: 'NHS number',
    usedIn: 'England, Wales and the Isle of Man',
    digits: 10,
    example: '943 476 5919',
    source: 'NHS Data Dictionary, NHS NUMBER (modulus 11 check digit)',
  },
  chi: {
    id: 'chi',
    label: 'CHI number',
    usedIn: 'Scotland',
    digits: 10,
    example: '010101 1237',
    source: 'NHS Data Dictionary, COMMUNITY HEALTH INDEX NUMBER (date of birth DDMMYY, sex digit, modulus 11 check digit)',
  },
  hcn: {
    id: 'hcn',
    label: 'Health and Care number',
    usedIn: 'Northern Ireland',
    digits: 10,
    example: '320 000 0015',
    source: 'NHS Data Dictionary, HEALTH AND CARE NUMBER (range 320 000 001 to 399 999 999, modulus 11 check digit)',
  },
  other: {
    id: 'other',
    label: 'National number',
    usedIn: 'Anywhere else (stored as typed, without a check)',
    digits: null,
    example: null,
    source: 'No check: the app cannot know every country’s rules',
  },
};

/** The longest national number kept (the patient record's limit). */
export const maxNationalNumberLength = 40;

/** Spaces (including no-break and thin spaces) and dashes (hyphen, en/em dash, minus) people type or paste. */
const separators = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\-\u2010-\u2015\u2212]/g;

/**
 * The number as stored and searched: separators removed, letters in capitals. "943 476 5919",
 * "943-476-5919" and "9434765919" are the same number.
 */
export function normaliseNationalNumber(text: string): string {
  return text.replace(separators, '').toUpperCase();
}

/**
 * The modulus 11 check digit of nine digits (weights 10 down to 2), or null when the remainder
 * makes it 10, which no valid number has.
 */
export function mod11CheckDigit(nineDigits: string): number | null {
  if (!/^\d{9}$/.test(nineDigits)) throw new Error('mod11CheckDigit needs exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nineDigits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? null : check;
}

export type NationalNumberProblem = 'empty' | 'characters' | 'length' | 'check_digit' | 'date' | 'range' | 'placeholder';

export type NationalNumberCheck =
  | { ok: true; value: string; display: string }
  | { ok: false; problem: NationalNumberProblem; message: string };

/** How the number is shown: NHS and H&C numbers 3 3 4, CHI numbers DDMMYY then four digits. */
export function displayNationalNumber(value: string, format: NationalNumberFormat): string {
  if (!/^\d{10}$/.test(value)) return value;
  switch (format) {
    case 'nhs':
    case 'hcn':
      return `${value.slice(0, 3)} ${value.slice(3, 6)} ${value.slice(6)}`;
    case 'chi':
      return `${value.slice(0, 6)} ${value.slice(6)}`;
    case 'other':
      return value;
    default:
      return assertNever(format, 'national number format');
  }
}

/**
 * Checks a typed national number against the clinic's format. On success `value` is the number as
 * stored (digits only for the UK formats) and `display` as shown. Messages quote the number as
 * typed, so the person sees what they entered:
 * "943 476 5910 is not a valid NHS number: its check digit does not match".
 */
export function checkNationalNumber(text: string, format: NationalNumberFormat): NationalNumberCheck {
  const typed = text.trim();
  const info = nationalNumberFormatTable[format];
  const value = normaliseNationalNumber(typed);
  if (value === '') return refuse('empty', `Enter the ${info.label}`);
  if (format === 'other') {
    if (value.length > maxNationalNumberLength) {
      return refuse('length', `A national number can be at most ${maxNationalNumberLength} characters`);
    }
    if (!/^[\p{L}\p{N}/.]+$/u.test(value)) {
      return refuse('characters', `${typed} is not a valid national number: use letters and digits only`);
    }
    return { ok: true, value, display: value };
  }
  const name = `a valid ${info.label}`;
  if (!/^\d+$/.test(value)) return refuse('characters', `${typed} is not ${name}: it can only contain digits`);
  if (value.length !== 10) {
    return refuse('length', `${typed} is not ${name}: it has ${value.length} digit${value.length === 1 ? '' : 's'} instead of 10`);
  }
  if (/^(\d)\1{9}$/.test(value)) {
    return refuse('placeholder', `${typed} is not ${name}: a number of one repeated digit is a placeholder`);
  }
  if (format === 'chi' && chiBirthDate(value) === null) {
    return refuse('date', `${typed} is not ${name}: its first six digits are not a date of birth (DDMMYY)`);
  }
  if (format === 'hcn') {
    const base = Number(value.slice(0, 9));
    if (base < 320_000_001 || base > 399_999_999) {
      return refuse('range', `${typed} is not ${name}: Health and Care numbers start with 320 to 399`);
    }
  }
  if (mod11CheckDigit(value.slice(0, 9)) !== Number(value[9])) {
    return refuse('check_digit', `${typed} is not ${name}: its check digit does not match`);
  }
  return { ok: true, value, display: displayNationalNumber(value, format) };
}

/** Day and month of birth and the two-digit year of a CHI number, or null when they are not a date. */
export function chiBirthDate(chi: string): { day: number; month: number; yy: number } | null {
  if (!/^\d{6}/.test(chi)) return null;
  const day = Number(chi.slice(0, 2));
  const month = Number(chi.slice(2, 4));
  const yy = Number(chi.slice(4, 6));
  // Any century: a CHI number does not say which. 2000 is a leap year, so 29 February always fits.
  return isValidCalendarDate(2000 + yy, month, day) ? { day, month, yy } : null;
}

/**
 * Whether a CHI number starts with this date of birth (ISO `YYYY-MM-DD`). A mismatch usually means
 * the number or the date was typed wrong, or belongs to someone else.
 */
export function chiMatchesDateOfBirth(chi: string, dateOfBirth: string): boolean {
  const m = /^\d{2}(\d{2})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) return false;
  return chi.slice(0, 6) === `${m[3]}${m[2]}${m[1]}`;
}

function refuse(problem: NationalNumberProblem, message: string): NationalNumberCheck {
  return { ok: false, problem, message };
}

/**
 * A made-up NHS number for demonstration and test data: from the range 999 000 0000 to
 * 999 999 9999, which the NHS never issues to patients, with a correct check digit, so demo
 * patients pass the same check as real ones and can never be mistaken for a real person's number.
 */
export function syntheticNhsNumber(index: number): string {
  for (let base = 999_000_000 + (Math.abs(Math.trunc(index)) * 7919) % 1_000_000; ; base = base >= 999_999_999 ? 999_000_000 : base + 1) {
    const nine = String(base);
    const check = mod11CheckDigit(nine);
    if (check !== null) return displayNationalNumber(`${nine}${check}`, 'nhs');
  }
}
