import * as z from 'zod';
import { backupListSchema, chosenFileSchema, restoreOutcomeSchema, restoreSourceSchema } from '../domain/backups';
import { deliveryModes, deliverySchema } from '../domain/files';
import { emptyRequest, type OperationTable } from './operationTable';

/**
 * Backups and restores: administrators only. In recovery mode `listBackups` and `restoreBackup`
 * (automatic backups only) answer without sign-in: see electron/ipc/recoveryDispatch.ts.
 */
export const backupOperations = {
  backUpNow: { request: emptyRequest, response: deliverySchema, access: 'administrator' },
  listBackups: { request: emptyRequest, response: backupListSchema, access: 'administrator' },
  chooseBackupFile: { request: emptyRequest, response: chosenFileSchema, access: 'administrator' },
  restoreBackup: {
    // The recovery code (from the recovery sheet) of a backup made with another clinic key.
    request: z.object({ source: restoreSourceSchema, recoveryCode: z.string().max(200).optional() }).strict(),
    response: restoreOutcomeSchema,
    access: 'administrator',
  },
  /** The clinic key as a code on a printable page, to restore backups on another computer. */
  makeRecoverySheet: { request: z.object({ mode: z.enum(deliveryModes) }).strict(), response: deliverySchema, access: 'administrator' },
} as const satisfies OperationTable;
