import type { DateOrder } from '#shared/text/dates';
import { useClinicSettingsOrDefaults } from './clinicSettings';

/**
 * How typed dates such as 03/07/1956 are read: a clinic setting (Settings > Clinic), the same on
 * every computer of the clinic, so a date typed at one desk means the same at another.
 */
export function useDateOrder(): readonly [DateOrder] {
  return [useClinicSettingsOrDefaults().dateOrder];
}
