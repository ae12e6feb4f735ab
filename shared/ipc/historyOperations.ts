import { z } from 'zod';
import { patientIdSchema } from '../domain/patient';
import {
  contactSchema,
  dashboardRequestSchema,
  dashboardSchema,
  exportCsvRequestSchema,
  exportCsvResponseSchema,
  jobIdSchema,
  jobProgressSchema,
  patientRecallSchema,
  printLettersRequestSchema,
  printLettersResponseSchema,
  recordContactRequestSchema,
  worklistRequestSchema,
  worklistResponseSchema,
} from '../domain/recall';
import { recallSettingsSchema } from '../domain/recallSettings';

/**
 * History, recall worklist, dashboard and export operations (issue 7), kept in their own file and
 * spread into the operation table. The patient history and the comparison of two exams need no
 * operation of their own: they are built in the renderer from listPatientExams and getExam.
 */
export const historyOperations = {
  /** A patient's next due date, why, and the contact attempts. */
  getPatientRecall: { request: z.object({ patientId: patientIdSchema }).strict(), response: patientRecallSchema, access: 'user' },
  recordContact: { request: recordContactRequestSchema, response: contactSchema, access: 'user' },
  listWorklist: { request: worklistRequestSchema, response: worklistResponseSchema, access: 'user' },
  /** One PDF with a letter for each chosen patient; progress through getJobProgress. */
  printInvitationLetters: { request: printLettersRequestSchema, response: printLettersResponseSchema, access: 'user' },
  /** How far a job this page started has got (null: no such job, or finished a while ago). */
  getJobProgress: { request: z.object({ jobId: jobIdSchema }).strict(), response: jobProgressSchema.nullable(), access: 'user' },
  getDashboard: { request: dashboardRequestSchema, response: dashboardSchema, access: 'user' },
  /** Every patient's record leaves the app: administrators only, and audited. */
  exportCsv: { request: exportCsvRequestSchema, response: exportCsvResponseSchema, access: 'administrator' },
  getRecallSettings: { request: z.object({}).strict(), response: recallSettingsSchema, access: 'user' },
  updateRecallSettings: { request: recallSettingsSchema, response: recallSettingsSchema, access: 'administrator' },
} as const;
