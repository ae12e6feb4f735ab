import * as z from 'zod';
import { patientIdSchema, patientInputSchema, patientSchema } from '../domain/patient';
import { searchPatientsRequestSchema, searchPatientsResponseSchema } from '../domain/patientSearch';
import type { OperationTable } from './operationTable';

const byId = z.object({ id: patientIdSchema }).strict();

/** The patient register: search, open, add, edit, archive and restore. */
export const patientOperations = {
  searchPatients: { request: searchPatientsRequestSchema.strict(), response: searchPatientsResponseSchema, access: 'user' },
  getPatient: { request: byId, response: patientSchema, access: 'user' },
  createPatient: { request: z.object({ patient: patientInputSchema }).strict(), response: patientSchema, access: 'user' },
  updatePatient: {
    request: z
      .object({
        id: patientIdSchema,
        /** The `updatedAt` the form was loaded with: a save over someone else's change is refused. */
        expectedUpdatedAt: z.string().max(40),
        patient: patientInputSchema,
      })
      .strict(),
    response: patientSchema,
    access: 'user',
  },
  archivePatient: { request: byId, response: patientSchema, access: 'user' },
  restorePatient: { request: byId, response: patientSchema, access: 'user' },
} as const satisfies OperationTable;
