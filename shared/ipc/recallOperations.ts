import * as z from 'zod';
import { patientIdSchema } from '../domain/patient';
import {
  contactSchema,
  patientRecallSchema,
  printLettersRequestSchema,
  printLettersResponseSchema,
  recordContactRequestSchema,
  worklistRequestSchema,
  worklistResponseSchema,
} from '../domain/recall';
import type { OperationTable } from './operationTable';

/** Recall: who is due, contact attempts, the worklist and invitation letters. */
export const recallOperations = {
  /** A patient's next due date, why, and the contact attempts. */
  getPatientRecall: { request: z.object({ patientId: patientIdSchema }).strict(), response: patientRecallSchema, access: 'user' },
  recordContact: { request: recordContactRequestSchema, response: contactSchema, access: 'user' },
  listWorklist: { request: worklistRequestSchema, response: worklistResponseSchema, access: 'user' },
  /** One PDF with a letter for each chosen patient; progress through getJobProgress. */
  printInvitationLetters: { request: printLettersRequestSchema, response: printLettersResponseSchema, access: 'user' },
} as const satisfies OperationTable;
