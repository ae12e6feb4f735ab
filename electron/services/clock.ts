/** Where services read the time, so tests can fix it. Times are stored as UTC ISO strings. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
