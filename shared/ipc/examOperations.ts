import * as z from 'zod';
import { siteProtocolIds } from '../clinical/protocols';
import { amendmentReasonSchema, examIdSchema, examinedOnSchema, examSchema, examSummarySchema, wizardPositionSchema } from '../domain/exam';
import { findingsInputSchema } from '../domain/findings';
import { patientIdSchema } from '../domain/patient';
import type { OperationTable } from './operationTable';

/**
 * One screening of a patient's history: its summary and, for a signed exam whose category the
 * current rules would give differently, what they give ("Under the current rules: ..."), left
 * out when nothing differs. The record itself is never changed.
 */
export const examHistoryEntrySchema = examSummarySchema.extend({
  underCurrentRules: z
    .strictObject({
      text: z.string(),
      /** "IWGDF-2023 1.0.0, NICE-NG19 1.0.0, engine 1.0.0". */
      signedUnder: z.string(),
      currentRules: z.string(),
    })
    .optional(),
});
export type ExamHistoryEntry = z.infer<typeof examHistoryEntrySchema>;

/** Screenings: start or resume a draft, autosave it, sign it off, discard it, amend a signed one. */
export const examOperations = {
  /** Starts a screening, or returns the open draft (`resumed`) so the nurse carries on. */
  startScreening: {
    request: z.object({ patientId: patientIdSchema, protocol: z.enum(siteProtocolIds), examinedOn: examinedOnSchema }).strict(),
    response: examSchema.extend({ resumed: z.boolean() }),
    access: 'user',
  },
  getExam: { request: z.object({ id: examIdSchema }).strict(), response: examSchema, access: 'user' },
  // New input: out-of-range measurements are refused with the field named, before anything is saved.
  saveExamDraft: {
    request: z.object({ id: examIdSchema, findings: findingsInputSchema, wizard: wizardPositionSchema.nullable() }).strict(),
    response: z.object({ id: z.number().int(), updatedAt: z.string() }),
    access: 'user',
  },
  signExam: { request: z.object({ id: examIdSchema, findings: findingsInputSchema }).strict(), response: examSchema, access: 'user' },
  discardExamDraft: { request: z.object({ id: examIdSchema }).strict(), response: z.object({ id: z.number().int() }), access: 'user' },
  amendExam: { request: z.object({ id: examIdSchema, reason: amendmentReasonSchema }).strict(), response: examSchema, access: 'user' },
  listPatientExams: { request: z.object({ patientId: patientIdSchema }).strict(), response: z.array(examHistoryEntrySchema), access: 'user' },
} as const satisfies OperationTable;
