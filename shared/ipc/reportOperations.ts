import * as z from 'zod';
import { examIdSchema } from '../domain/exam';
import { deliveryModes, deliverySchema } from '../domain/files';
import { reportPartAvailabilitySchema, reportParts } from '../report/reportParts';
import type { OperationTable } from './operationTable';

export const renderReportRequestSchema = z
  .object({
    examId: examIdSchema,
    parts: z
      .array(z.enum(reportParts))
      .min(1, 'Choose at least one part of the report')
      .max(reportParts.length)
      .refine((parts) => new Set(parts).size === parts.length, 'Each part can be chosen once'),
    /** Large type for the patient copy. */
    largePrint: z.boolean().default(false),
    /** One PDF with every part (true), or one PDF per part. */
    combined: z.boolean().default(true),
    mode: z.enum(deliveryModes),
    /** Print the details appendix after the clinician report (rule identifiers, long lists). */
    details: z.boolean().default(false),
    /**
     * The referral letter's addressee (an id from the clinic's referral destinations; null: the
     * service the result names) and the clinician's reason. Given, a letter can be made for any
     * signed screening, also one whose result does not call for a referral.
     */
    referral: z
      .object({
        destinationId: z.string().trim().min(1).max(40).nullable(),
        reason: z.string().trim().max(500, 'At most 500 characters'),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The report pack of a signed screening: clinician report, patient copy, referral letter. */
export const reportOperations = {
  /** Which parts an exam's report pack has (the referral letter only when warranted, with why). */
  listReportParts: {
    request: z.object({ examId: examIdSchema }).strict(),
    response: z.object({ examId: z.number().int(), parts: z.array(reportPartAvailabilitySchema) }),
    access: 'user',
  },
  /** Renders the chosen parts of a signed exam's report and delivers the PDF(s): several files give several deliveries. */
  renderReport: {
    request: renderReportRequestSchema,
    response: z.object({ deliveries: z.array(deliverySchema) }),
    access: 'user',
  },
} as const satisfies OperationTable;
