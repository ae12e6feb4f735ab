/**
 * Calendar dates (no time zone) as ISO `YYYY-MM-DD` strings, the form dates of birth are stored in
 *, and the typed forms a nurse uses.
 */

export type DateOrder = 'dmy' | 'mdy';

const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1 || year < 1 || year > 9999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function toIsoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isIsoDate(text: string): boolean {
  const m = isoPattern.exec(text);
  return m !== null && isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Today's calendar date in UTC as `YYYY-MM-DD`. */
export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * Reads a typed date: `1956-07-03`, or day, month and year separated by `/`, `.` or `-` in the
 * given order (`03/07/1956` is 3 July 1956 with `dmy`, 7 March 1956 with `mdy`). Two-digit years
 * are taken as the most recent year not after `today` (dates of birth are in the past).
 * Returns null when the text is not a date.
 */
export function parseTypedDate(text: string, order: DateOrder, today: string): string | null {
  const trimmed = text.trim();
  const iso = isoPattern.exec(trimmed);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    return isValidCalendarDate(y, m, d) ? toIsoDate(y, m, d) : null;
  }
  const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(trimmed);
  if (!parts) return null;
  const first = Number(parts[1]);
  const second = Number(parts[2]);
  const yearText = parts[3] ?? '';
  const [day, month] = order === 'dmy' ? [first, second] : [second, first];
  let year = Number(yearText);
  if (yearText.length === 2) {
    const thisYear = Number(today.slice(0, 4));
    year = 2000 + year;
    if (year > thisYear) year -= 100;
  }
  return isValidCalendarDate(year, month, day) ? toIsoDate(year, month, day) : null;
}

/** Whole years between a date of birth and a day (both ISO dates). */
export function ageInYears(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined || y === undefined || m === undefined || d === undefined) {
    return Number.NaN;
  }
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** Adds whole days to an ISO date. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDateOf(date);
}

/** Adds calendar months to an ISO date, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return isoDate;
  const targetMonthIndex = y * 12 + (m - 1) + months;
  const ty = Math.floor(targetMonthIndex / 12);
  const tm = (targetMonthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return toIsoDate(ty, tm, Math.min(d, lastDay));
}
