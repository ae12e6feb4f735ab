import * as z from 'zod';
import { maxNationalNumberLength } from './nationalNumber';

/**
 * Looking a patient up on the clinic's FHIR server by NHS number, and bringing the record into
 * the local register. The look-up only reads; the server's record is shown as it would be stored
 * (a new patient, or what would change in the patient already here) and nothing is written until
 * the person confirms. The record confirmed is the one main kept from the look-up (by preview id),
 * never one sent back by the screen.
 */

/** Whether look-up is possible now, and if not, why (for the button's explanation). */
export const fhirLookupAvailabilitySchema = z.object({
  available: z.boolean(),
  /** Why not, in words; null when available. */
  reason: z.string().nullable(),
});
export type FhirLookupAvailability = z.infer<typeof fhirLookupAvailabilitySchema>;

export const fhirLookupRequestSchema = z
  .object({
    /** As typed: spaces and dashes allowed ("943 476 5919"). */
    nationalNumber: z.string().max(maxNationalNumberLength + 10, 'Too long for an NHS number'),
  })
  .strict();

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const fhirLookupActions = ['new', 'update', 'unchanged', 'refused'] as const;
export type FhirLookupAction = (typeof fhirLookupActions)[number];

/** The server's patient as it would be stored here. */
export const fhirLookupPreviewSchema = z.object({
  /** Hand back to pull; valid for a while, once. Null when there is nothing to pull. */
  previewId: z.string().nullable(),
  action: z.enum(fhirLookupActions),
  /** "SURNAME, Given" and the NHS number as shown. */
  label: z.string(),
  nationalNumber: z.string(),
  /** The local patient it matched, if any. */
  patientId: z.number().int().nullable(),
  /** The record as it would be stored, field by field (labels in the clinic's words). */
  fields: z.array(z.object({ label: z.string(), value: scalar })),
  /** For an update: each field that would change. */
  changes: z.array(z.object({ label: z.string(), before: scalar, after: scalar })),
  /** The server's last change to the record, when it says. */
  serverUpdated: z.string().nullable(),
  /** The local record was changed after the server's: updating replaces newer local details. */
  localIsNewer: z.boolean(),
  /** Why it cannot be brought in (refused). */
  reasons: z.array(z.string()),
});
export type FhirLookupPreview = z.infer<typeof fhirLookupPreviewSchema>;

/** What the server said. Problems with the server are answers, not errors: the screen explains them. */
export const fhirLookupAnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('found'), server: z.string(), preview: fhirLookupPreviewSchema }),
  z.object({ kind: z.literal('not-found'), server: z.string(), message: z.string() }),
  z.object({ kind: z.literal('ambiguous'), server: z.string(), message: z.string(), candidates: z.array(z.string()) }),
  z.object({ kind: z.literal('server-problem'), server: z.string(), message: z.string() }),
]);
export type FhirLookupAnswer = z.infer<typeof fhirLookupAnswerSchema>;

export const fhirPullRequestSchema = z.object({ previewId: z.string().min(1).max(100) }).strict();

export const fhirPullOutcomeSchema = z.object({
  patientId: z.number().int(),
  action: z.enum(['created', 'updated', 'unchanged']),
});
export type FhirPullOutcome = z.infer<typeof fhirPullOutcomeSchema>;
