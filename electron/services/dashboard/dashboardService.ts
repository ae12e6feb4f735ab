import type { Dashboard } from '#shared/domain/recall';
import { ok, type Result } from '#shared/ipc/result';
import { recallCategories } from '#shared/recall/recallRules';
import { addDays, addMonths } from '#shared/text/dates';
import { localIsoDate, type Clock } from '../clock';
import type { SettingsService } from '../settings/settingsService';
import type { Store } from '../../db/store';

function countsOf<K extends string>(keys: readonly K[], counts: Readonly<Record<string, number>>): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, counts[k] ?? 0])) as Record<K, number>;
}

/**
 * The clinic dashboard for a date range:
 * - share screened: patients on the register now (not archived) with a signed exam in the 12
 *   months up to the end of the range, of all patients on the register;
 * - screenings in the range (current signed versions) by category, and the patients they cover;
 * - high-risk or active results in the range (NICE high/active or IWGDF 3/urgent) and how many had
 *   a referral letter made;
 * - overdue and never screened today (a due date is about now, whatever range is shown).
 */
export class DashboardService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: Pick<SettingsService, 'recall'>,
  ) {}

  figures(range: { from: string; to: string }): Result<Dashboard> {
    const today = localIsoDate(this.clock.now());
    // The 12 months up to and including the last day: 26 Nov 2025 to 25 Nov 2026.
    const windowFrom = addDays(addMonths(range.to, -12), 1);
    const register = this.store.dashboard.register();
    const mix = this.store.dashboard.mix(range);
    const nice = countsOf(recallCategories.nice, mix.nice);
    const iwgdf = countsOf(recallCategories.iwgdf, mix.iwgdf);
    const screened = this.store.dashboard.screenedInWindow(windowFrom, range.to);
    // The default range is the same 12 months: do not count the same patients twice over.
    const patientsScreened = range.from === windowFrom ? screened + this.store.dashboard.archivedScreenedInWindow(windowFrom, range.to) : this.store.dashboard.patientsScreened(range);
    return ok({
      from: range.from,
      to: range.to,
      today,
      guideline: this.settings.recall().guideline,
      patients: register.screened + register.never,
      screened12Months: { screened, windowFrom, windowTo: range.to },
      screenings: mix.screenings,
      patientsScreened,
      categoryMix: { nice, iwgdf },
      overdueToday: this.store.dashboard.overdue(today),
      neverScreened: register.never,
      highRisk: { results: mix.highRisk, withReferralLetter: this.store.dashboard.referred(range) },
    });
  }
}
