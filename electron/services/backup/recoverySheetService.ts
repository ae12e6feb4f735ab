import fs from 'node:fs/promises';
import type { Delivery, DeliveryMode } from '#shared/domain/files';
import { fail, ok, type Result } from '#shared/ipc/result';
import { recoverySheet, recoverySheetFileName } from '#shared/report/recoverySheet';
import type { Store } from '../../db/store';
import { renderReportPdf } from '../../pdf/reportPdf';
import { recoveryCodeOf, type ClinicKey } from '../../security/clinicKey';
import type { Actor } from '../actor';
import { localIsoDate, type Clock } from '../clock';
import type { FileSink } from '../files/fileSink';
import type { SettingsService } from '../settings/settingsService';

export interface RecoverySheetDeps {
  store: Store;
  clock: Clock;
  settings: Pick<SettingsService, 'clinic'>;
  files: FileSink;
  /** The clinic key now in use (a restore that brings its own key changes it). */
  clinicKey: () => ClinicKey | null;
}

/**
 * The administrator's recovery sheet: the clinic key as a code on one printable page, delivered
 * like any report (saved, or opened to print). Each sheet made is recorded in the audit log, as
 * it gives whoever holds it, with a backup, every record. The code itself is never logged.
 */
export class RecoverySheetService {
  constructor(private readonly deps: RecoverySheetDeps) {}

  async make(mode: DeliveryMode, actor: Actor): Promise<Result<Delivery>> {
    const key = this.deps.clinicKey();
    if (!key) return fail('conflict', 'No clinic key is in use, so there is no recovery code to print.');
    const now = this.deps.clock.now();
    const madeOn = localIsoDate(now);
    const bytes = await renderReportPdf(
      recoverySheet({
        clinicName: this.deps.settings.clinic().clinicName,
        recoveryCode: recoveryCodeOf(key),
        keyId: key.keyId,
        madeOn,
        madeBy: actor.name,
        generatedAt: now.toISOString(),
      }),
    );
    const delivery = await this.deps.files.deliver(recoverySheetFileName(madeOn), 'pdf', mode, (target) => fs.writeFile(target, bytes));
    if (delivery.kind === 'cancelled') return ok(delivery);
    this.deps.store.db.transaction(() => {
      this.deps.store.audit.append({
        at: this.deps.clock.now().toISOString(),
        actor: actor.name,
        action: 'security.recovery-sheet',
        entity: 'security',
        entityId: null,
        details: { keyId: key.keyId, mode },
      });
    })();
    return ok(delivery);
  }
}
