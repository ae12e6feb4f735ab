import * as z from 'zod';
import { assessmentSchema } from '../clinical/assessment';
import { siteProtocolIds } from '../clinical/protocols';
import { isIsoDate } from '../text/dates';
import { examStatuses, findingsSchema, sides } from './findings';

/**
 * A foot examination as the app keeps it: the findings, the assessment it was signed with, who
 * signed and when, and (while a draft) where the nurse was in the guided screen.
 */

export const examStates = ['draft', 'signed', 'superseded', 'discarded'] as const;
export type ExamState = (typeof examStates)[number];
export const examStateLabels: Readonly<Record<ExamState, string>> = {
  draft: 'Draft',
  signed: 'Signed',
  superseded: 'Replaced by an amendment',
  discarded: 'Discarded',
};

/**
 * The steps of the guided screen, in order. `neurology` (ankle reflexes, pin-prick, temperature
 * and the MNSI history questionnaire) is optional: it is shown only when chosen at the start.
 */
export const screeningSteps = ['setup', 'sensation', 'vibration', 'neurology', 'circulation', 'skin', 'deformity', 'history', 'symptoms', 'review'] as const;
export type ScreeningStep = (typeof screeningSteps)[number];

/**
 * Where the nurse is: the step, the foot and site in hand, and the answers given so far at that
 * site with the order of real and sham touches, so a reload resumes mid-site exactly.
 */
export const wizardPositionSchema = z
  .object({
    step: z.enum(screeningSteps),
    side: z.enum(sides).nullable(),
    site: z.string().max(40).nullable(),
    pending: z
      .object({
        sequence: z.array(z.enum(['real', 'sham'])).min(1).max(10),
        answers: z.array(z.enum(['yes', 'no'])).max(10),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type WizardPosition = z.infer<typeof wizardPositionSchema>;

const tri = z.enum(['true', 'false', 'unknown']);

export const examSummarySchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  seriesId: z.number().int(),
  version: z.number().int(),
  state: z.enum(examStates),
  examStatus: z.enum(examStatuses),
  protocol: z.enum(siteProtocolIds),
  examinedOn: z.string().nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  signedByName: z.string().nullable(),
  amendmentReason: z.string().nullable(),
  lops: tri.nullable(),
  pad: tri.nullable(),
  redFlag: z.boolean().nullable(),
  iwgdfCategory: z.enum(['0', '1', '2', '3', 'urgent', 'incomplete']).nullable(),
  niceCategory: z.enum(['low', 'moderate', 'high', 'active', 'incomplete']).nullable(),
  /** Insensate / tested monofilament or touch sites per foot (signed exams). */
  sites: z.object({
    right: z.object({ tested: z.number().int(), insensate: z.number().int() }).nullable(),
    left: z.object({ tested: z.number().int(), insensate: z.number().int() }).nullable(),
  }),
});
export type ExamSummary = z.infer<typeof examSummarySchema>;

export const examSchema = examSummarySchema.extend({
  findings: findingsSchema,
  /** The assessment as signed (null while a draft: the screen computes it live). */
  assessment: assessmentSchema.nullable(),
  wizard: wizardPositionSchema.nullable(),
});
export type Exam = z.infer<typeof examSchema>;

export const examIdSchema = z.number().int().positive();

export const examinedOnSchema = z
  .string()
  .refine(isIsoDate, 'Enter the date of the examination as year-month-day');

/** Amendments say why: the reason is printed with the new version. */
export const amendmentReasonSchema = z
  .string({ error: 'Say why the exam is being amended' })
  .trim()
  .min(3, 'Say why the exam is being amended')
  .max(500, 'At most 500 characters');
