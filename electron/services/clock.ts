/** Where services read the time, so tests can fix it. Times are stored as UTC ISO strings. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The computer's own calendar date: the clinic's "today" (due dates are calendar dates). */
export function localIsoDate(instant: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${instant.getFullYear()}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}
