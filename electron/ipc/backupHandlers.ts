import type { backupOperations } from '#shared/ipc/backupOperations';
import { ok } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function backupHandlers({ backups, recoverySheet }: AppServices): HandlersOf<typeof backupOperations> {
  return {
    backUpNow: (_r, c) => backups.backUpNow(c.actor),
    listBackups: () => ok(backups.list()),
    chooseBackupFile: (_r, c) => backups.chooseFile(c.clientKey),
    restoreBackup: (r, c) => backups.restore(r.source, c.actor, c.clientKey, r.recoveryCode),
    makeRecoverySheet: (r, c) => recoverySheet.make(r.mode, c.actor),
  };
}
