import * as z from 'zod';
import { patientSummarySchema } from './patient';

export const dateOrders = ['dmy', 'mdy'] as const;

export const searchPatientsRequestSchema = z.object({
  query: z.string().max(200, 'The search can be at most 200 characters'),
  includeArchived: z.boolean().default(false),
  /** How to read 03/07/1956: from the user's locale, shown on screen. */
  dateOrder: z.enum(dateOrders).default('dmy'),
  limit: z.number().int().min(1).max(200).default(50),
  /** Opaque position returned by the previous page; null for the first page. */
  cursor: z.string().max(1000).nullable().default(null),
});
export type SearchPatientsRequest = z.input<typeof searchPatientsRequestSchema>;

export const searchPatientsResponseSchema = z.object({
  items: z.array(patientSummarySchema),
  nextCursor: z.string().nullable(),
  /** The search as a sentence, e.g. `Patients with name or identifier starting with “smi”, born 3 July 1956`. */
  interpretation: z.string(),
});
export type SearchPatientsResponse = z.infer<typeof searchPatientsResponseSchema>;
