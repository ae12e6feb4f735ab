import { ageInYears, isoDateOf } from '#shared/text/dates';
import type { DateOrder } from '#shared/text/dates';

/** Calendar dates follow the OS locale; ISO dates have no time zone. */
const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatDateTime(isoInstant: string): string {
  return dateTimeFormat.format(new Date(isoInstant));
}

export function todayIso(): string {
  return isoDateOf(new Date());
}

export function formatAge(dateOfBirth: string): string {
  return `${ageInYears(dateOfBirth, todayIso())} y`;
}

let localeOrder: DateOrder | undefined;

/**
 * Day/month order for typed dates, from the OS locale unless the user chose one in Settings.
 * Worked out once: it is read on every render of the search page (each keystroke), and building
 * an `Intl.DateTimeFormat` costs more than the search query itself.
 */
export function localeDateOrder(): DateOrder {
  localeOrder ??= orderOfLocale();
  return localeOrder;
}

function orderOfLocale(): DateOrder {
  const parts = new Intl.DateTimeFormat(undefined).formatToParts(new Date(Date.UTC(2001, 10, 22)));
  const dayIndex = parts.findIndex((p) => p.type === 'day');
  const monthIndex = parts.findIndex((p) => p.type === 'month');
  return monthIndex >= 0 && dayIndex >= 0 && monthIndex < dayIndex ? 'mdy' : 'dmy';
}
