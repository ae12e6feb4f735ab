import { clinicSettingsSchema, defaultClinicSettings, type ClinicSettings } from '../../../shared/domain/settings';
import { ok, type Result } from '../../../shared/ipc/result';
import { AuditRepository } from '../../db/repositories/auditRepository';
import { SettingRepository } from '../../db/repositories/settingRepository';
import type { Db } from '../../db/types';
import type { Clock } from '../clock';
import type { Actor } from '../patients/patientService';

const clinicKey = 'clinic';

/** Clinic-wide settings (clinic name, idle lock ...), with defaults for anything never set. */
export class SettingsService {
  private readonly settings: SettingRepository;
  private readonly audit: AuditRepository;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.settings = new SettingRepository(db);
    this.audit = new AuditRepository(db);
  }

  /** Read on every operation (idle lock), so kept in memory; only updateClinic changes it. */
  private cached: ClinicSettings | null = null;

  clinic(): ClinicSettings {
    if (this.cached) return this.cached;
    this.cached = this.load();
    return this.cached;
  }

  private load(): ClinicSettings {
    const stored = clinicSettingsSchema.partial().safeParse(this.settings.get(clinicKey) ?? {});
    return { ...defaultClinicSettings, ...(stored.success ? stored.data : {}) };
  }

  updateClinic(next: ClinicSettings, actor: Actor): Result<ClinicSettings> {
    const now = this.clock.now().toISOString();
    const before = this.clinic();
    this.cached = null;
    this.db.transaction(() => {
      this.settings.put(clinicKey, next, now);
      const changed = (Object.keys(next) as (keyof ClinicSettings)[]).filter((k) => before[k] !== next[k]);
      this.audit.append({ at: now, actor: actor.name, action: 'settings.update', entity: 'settings', entityId: clinicKey, details: { fields: changed } });
    })();
    return ok(this.clinic());
  }
}
