import * as z from 'zod';
import { chosenFileSchema } from '../domain/backups';
import { examIdSchema } from '../domain/exam';
import { deliverySchema } from '../domain/files';
import { jobIdSchema } from '../domain/recall';
import { importBatchSchema, registerImportReportSchema, runRegisterImportRequestSchema, undoImportOutcomeSchema } from '../interop/registerImport';
import { emptyRequest, type OperationTable } from './operationTable';

/**
 * Register import: administrators bring a GP or hospital register (CSV, FHIR R4 Patients) into
 * the patient records, after a dry run with the mapping, refused rows and merge preview; the last
 * import can be undone. Progress through getJobProgress, cancel with cancelRegisterImport.
 */
export const interopOperations = {
  /** The OS open dialog on the desktop; the browser page uploads the file instead. */
  chooseRegisterFile: { request: emptyRequest, response: chosenFileSchema, access: 'administrator' },
  runRegisterImport: { request: runRegisterImportRequestSchema, response: registerImportReportSchema, access: 'administrator' },
  cancelRegisterImport: { request: z.object({ jobId: jobIdSchema }).strict(), response: z.object({ cancelled: z.boolean() }), access: 'administrator' },
  /** The last finished import (null when there has been none), for "Undo the last import". */
  getLastRegisterImport: { request: emptyRequest, response: importBatchSchema.nullable(), access: 'administrator' },
  undoRegisterImport: { request: z.object({ batchId: z.number().int().positive() }).strict(), response: undoImportOutcomeSchema, access: 'administrator' },
  /** One signed screening (any version) as a FHIR R4 transaction Bundle (JSON file: save dialog, or a download in the browser), audited. */
  exportScreeningFhir: { request: z.object({ examId: examIdSchema }).strict(), response: z.object({ delivery: deliverySchema }), access: 'user' },
} as const satisfies OperationTable;
