import { searchKey } from '../text/fold';
import { parseTypedDate, type DateOrder } from '../text/dates';
import { normaliseNationalNumber } from './nationalNumber';

/** The most words a search uses; more are ignored and the interpretation says so. */
export const maxSearchWords = 4;

export interface PatientQuery {
  /** Folded word prefixes; every one must start a word of the patient's names or identifiers. */
  words: string[];
  /** A date of birth typed in the query, as an ISO date. */
  dateOfBirth: string | null;
  /** Words beyond maxSearchWords, not used. */
  ignoredWords: string[];
}

/**
 * Reads what a nurse types into the patient search: name fragments, a clinic identifier or
 * national number, and/or a date of birth in a common typed form (`03/07/1956`, `1956-07-03`).
 * Punctuation inside a word is dropped, so `o'brien` and `smith-jones` find O'Brien and Smith-Jones.
 * A number typed in groups (`943 476 5919`, `943-476-5919`) is one number, as it is stored.
 */
export function parsePatientQuery(text: string, dateOrder: DateOrder, today: string): PatientQuery {
  const words: string[] = [];
  const ignoredWords: string[] = [];
  let dateOfBirth: string | null = null;
  for (const chunk of joinNumberGroups(text.trim().split(/\s+/), dateOrder, today)) {
    if (chunk === '') continue;
    const asDate: string | null = dateOfBirth === null ? parseTypedDate(chunk, dateOrder, today) : null;
    if (asDate !== null) {
      dateOfBirth = asDate;
      continue;
    }
    const word = searchKey(chunk);
    if (word === '' || words.includes(word)) continue;
    if (words.length < maxSearchWords) words.push(word);
    else ignoredWords.push(word);
  }
  return { words, dateOfBirth, ignoredWords };
}

/** Digits, possibly with dashes between groups: one group of a number typed in parts. */
const numberGroup = /^\d[\d\-\u2010-\u2015\u2212]*$/;
const dashOnly = /^[-\u2010-\u2015\u2212]+$/;

/**
 * Joins neighbouring digit groups into one number ("943", "476", "5919" -> "9434765919"), as
 * national numbers are printed and read aloud in groups. A date (`1956-07-03`, `03-07-1956`) is
 * never joined to its neighbours.
 */
export function joinNumberGroups(chunks: readonly string[], dateOrder: DateOrder, today: string): string[] {
  const out: string[] = [];
  let joining = false;
  for (const chunk of chunks) {
    // A lone dash between groups ("943 – 476") belongs to the number.
    if (joining && dashOnly.test(chunk)) continue;
    const isGroup = numberGroup.test(chunk) && parseTypedDate(chunk, dateOrder, today) === null;
    if (isGroup && joining) out[out.length - 1] += normaliseNationalNumber(chunk);
    else out.push(isGroup ? normaliseNationalNumber(chunk) : chunk);
    joining = isGroup;
  }
  return out;
}

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "3 July 1956": spelled out so a day/month mix-up is visible at a glance. */
export function spellDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${monthNames[(m ?? 1) - 1] ?? ''} ${y}`;
}

export function dateOrderHint(order: DateOrder): string {
  return order === 'dmy' ? 'Dates are read day/month/year (03/07/1956 = 3 July 1956).' : 'Dates are read month/day/year (07/03/1956 = 3 July 1956).';
}

/** The search as a sentence, shown under the search box. */
export function describePatientQuery(q: PatientQuery): string {
  const parts: string[] = [];
  if (q.words.length > 0) parts.push(`with a name or identifier starting with ${q.words.map((w) => `“${w}”`).join(' and ')}`);
  if (q.dateOfBirth) parts.push(`born ${spellDate(q.dateOfBirth)}`);
  let text = parts.length === 0 ? 'All patients, by name' : `Patients ${parts.join(', ')}`;
  if (q.ignoredWords.length > 0) text += ` (only the first ${maxSearchWords} words are used)`;
  return text;
}
