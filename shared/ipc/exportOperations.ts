import { exportCsvRequestSchema, exportCsvResponseSchema } from '../domain/recall';
import type { OperationTable } from './operationTable';

/** CSV export of the records; progress through getJobProgress. */
export const exportOperations = {
  /** Every patient's record leaves the app: administrators only, and audited. */
  exportCsv: { request: exportCsvRequestSchema, response: exportCsvResponseSchema, access: 'administrator' },
} as const satisfies OperationTable;
