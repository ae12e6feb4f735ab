import type { auditOperations } from '#shared/ipc/auditOperations';
import { ok } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function auditHandlers({ auditLog }: AppServices): HandlersOf<typeof auditOperations> {
  return {
    listAuditLog: (r) => ok(auditLog.list(r)),
    verifyAuditLog: () => ok(auditLog.verify()),
  };
}
