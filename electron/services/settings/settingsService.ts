import {
  clinicSettingsSchema,
  defaultClinicSettings,
  defaultRecallSettings,
  recallSettingsSchema,
  type ClinicSettings,
  type RecallSettings,
} from '#shared/domain/settings';
import { ok, type Result } from '#shared/ipc/result';
import type { Clock } from '../clock';
import type { Actor } from '../actor';
import type { Store } from '../../db/store';

const clinicKey = 'clinic';
const recallKey = 'recall';

/** Clinic-wide settings (clinic name, idle lock ...), with defaults for anything never set. */
export class SettingsService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Read on every operation (idle lock), so kept in memory; only updateClinic changes it. */
  private cached: ClinicSettings | null = null;

  clinic(): ClinicSettings {
    if (this.cached) return this.cached;
    this.cached = this.load();
    return this.cached;
  }

  private load(): ClinicSettings {
    const stored = clinicSettingsSchema.partial().safeParse(this.store.settings.get(clinicKey) ?? {});
    return { ...defaultClinicSettings, ...(stored.success ? stored.data : {}) };
  }

  updateClinic(next: ClinicSettings, actor: Actor): Result<ClinicSettings> {
    const now = this.clock.now().toISOString();
    const before = this.clinic();
    this.cached = null;
    this.store.db.transaction(() => {
      this.store.settings.put(clinicKey, next, now);
      // Compared as JSON: the referral directory is a list, equal in content but never the same object.
      const changed = (Object.keys(next) as (keyof ClinicSettings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
      this.store.audit.append({ at: now, actor: actor.name, action: 'settings.update', entity: 'settings', entityId: clinicKey, details: { fields: changed } });
    })();
    return ok(this.clinic());
  }

  // Recall intervals. Read at every sign-off and worklist page, so kept in memory too.
  private cachedRecall: RecallSettings | null = null;

  recall(): RecallSettings {
    if (this.cachedRecall) return this.cachedRecall;
    const stored = recallSettingsSchema.partial().safeParse(this.store.settings.get(recallKey) ?? {});
    this.cachedRecall = { ...defaultRecallSettings, ...(stored.success ? stored.data : {}) };
    return this.cachedRecall;
  }

  /**
   * Saves new intervals and recomputes every patient's due date with them, in one transaction
   * with the audit entry: the worklist never shows dates from the old intervals beside the new.
   */
  updateRecall(next: RecallSettings, actor: Actor): Result<RecallSettings> {
    const now = this.clock.now().toISOString();
    const before = this.recall();
    this.cachedRecall = null;
    this.store.db.transaction(() => {
      this.store.settings.put(recallKey, next, now);
      const changed = (Object.keys(next) as (keyof RecallSettings)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]));
      const dueDatesChanged = changed.some((k) => k !== 'bookingText');
      const patients = dueDatesChanged ? this.store.recall.refreshAllDueDates(next) : 0;
      this.store.audit.append({ at: now, actor: actor.name, action: 'settings.update', entity: 'settings', entityId: recallKey, details: { fields: changed, patientsRecalculated: patients } });
    }).immediate();
    return ok(this.recall());
  }
}
