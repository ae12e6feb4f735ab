import type { AppInfo } from '#shared/domain/appInfo';
import { isOperationName, operations, type ParsedRequestOf } from '#shared/ipc/operations';
import { fail, ok } from '#shared/ipc/result';
import { describeIssues, toFieldIssues } from '#shared/ipc/zodIssues';
import type { BackupOperations } from '../services/backup/backupManager';
import type { Dispatch } from './dispatch';

export interface RecoveryContext {
  info: AppInfo;
  problem: string;
  dataFile: string;
  backups: BackupOperations;
}

/** Who the audit log names for a restore made from the recovery screen (nobody can sign in there). */
const recoveryActor = { name: 'start-up recovery' };

/**
 * Dispatch while the database failed its start-up check. Nobody can sign in (the staff accounts
 * may be unreadable), so only what the recovery screen needs answers: the app's details, the
 * state ("recovery"), the list of automatic backups and restoring one of them. Restoring a file
 * from elsewhere needs a signed-in administrator, as it could bring in anyone's accounts.
 */
export function createRecoveryDispatch(r: RecoveryContext): Dispatch {
  return async (operation, payload, context) => {
    if (!isOperationName(operation)) return fail('unknown_operation', 'Unknown operation.');
    if (operation !== 'getAppInfo' && operation !== 'getAuthState' && operation !== 'listBackups' && operation !== 'restoreBackup') {
      return fail('unauthorized', 'The clinic database failed its start-up check. Restore a backup on the recovery screen first; nobody can sign in until then.');
    }
    const parsed = operations[operation].request.safeParse(payload);
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      return fail('bad_request', `The request was not accepted: ${describeIssues(issues)}`, issues);
    }
    switch (operation) {
      case 'getAppInfo':
        return ok(r.info);
      case 'getAuthState':
        return ok({ kind: 'recovery', problem: r.problem, dataFile: r.dataFile });
      case 'listBackups':
        return ok(r.backups.list());
      case 'restoreBackup': {
        // Narrowed by the case; TypeScript cannot correlate the parse with it (as in dispatch).
        const { source, recoveryCode } = parsed.data as ParsedRequestOf<'restoreBackup'>;
        if (source.kind !== 'automatic') {
          return fail('forbidden', 'While the database is damaged, only the automatic backups listed here can be restored.');
        }
        return r.backups.restore(source, recoveryActor, context.clientKey, recoveryCode);
      }
    }
  };
}
