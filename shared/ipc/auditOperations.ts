import { auditLogPageSchema, auditVerificationSchema, listAuditLogRequestSchema } from '../domain/auditLog';
import { emptyRequest, type OperationTable } from './operationTable';

/** Reading the audit log and checking its hash chain: administrators only. */
export const auditOperations = {
  listAuditLog: { request: listAuditLogRequestSchema, response: auditLogPageSchema, access: 'administrator' },
  verifyAuditLog: { request: emptyRequest, response: auditVerificationSchema, access: 'administrator' },
} as const satisfies OperationTable;
