import * as z from 'zod';
import { examDeliverySchema, fhirConnectionTestSchema, fhirServerSettingsInputSchema, fhirServerSettingsViewSchema } from '../domain/fhirServer';
import { emptyRequest, type OperationTable } from './operationTable';

const examRef = z.object({ examId: z.number().int().positive() }).strict();

/**
 * The clinic's FHIR server: its settings (administrators; secrets are written, never read back),
 * "Test connection", and where each signed screening is on its way there, with "Retry now".
 */
export const fhirServerOperations = {
  getFhirServerSettings: { request: emptyRequest, response: fhirServerSettingsViewSchema, access: 'administrator' },
  updateFhirServerSettings: { request: fhirServerSettingsInputSchema, response: fhirServerSettingsViewSchema, access: 'administrator' },
  /** GET [base]/metadata with the settings as typed (stored secrets for empty fields). */
  testFhirServerConnection: { request: fhirServerSettingsInputSchema, response: fhirConnectionTestSchema, access: 'administrator' },
  /** Null when the screening was never queued (sending was off when it was signed). */
  getExamDelivery: { request: examRef, response: examDeliverySchema.nullable(), access: 'user' },
  listPatientDeliveries: { request: z.object({ patientId: z.number().int().positive() }).strict(), response: z.array(examDeliverySchema), access: 'user' },
  retryExamDelivery: { request: examRef, response: examDeliverySchema, access: 'user' },
} as const satisfies OperationTable;
