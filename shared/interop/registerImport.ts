import * as z from 'zod';
import { jobIdSchema } from '../domain/recall';
import { registerFields, type RegisterField } from './registerColumns';
import { registerDateOrders } from './registerValues';

/**
 * A register import as the administrator screen and the command line see it: what was asked
 * (file, date order, column corrections, dry run, whether to apply updates) and the report that
 * comes back (counts, preview of the first rows as stored, every refused row with its spreadsheet
 * row number and reasons, the merge preview of existing patients).
 */

const fieldShape = Object.fromEntries(registerFields.map((f) => [f, z.number().int().min(0).max(9999).nullable().optional()])) as Record<
  RegisterField,
  z.ZodOptional<z.ZodNullable<z.ZodNumber>>
>;
/** The mapping screen's corrections: field → column index (0-based), or null for "do not import". */
export const columnOverrideSchema = z.object(fieldShape).strict();

export const registerImportOptionsSchema = z
  .object({
    /** Day, month and year order of the file's dates; the clinic's setting by default. */
    dateOrder: z.enum(registerDateOrders).optional(),
    columns: columnOverrideSchema.optional(),
    /** Read and check everything, store nothing. */
    dryRun: z.boolean(),
    /** Update existing patients where the file is newer (the person agreed on the merge preview). */
    applyUpdates: z.boolean(),
  })
  .strict();
export type RegisterImportOptions = z.infer<typeof registerImportOptionsSchema>;

export const runRegisterImportRequestSchema = registerImportOptionsSchema
  .extend({
    /** The file chosen with chooseRegisterFile (or uploaded). */
    ref: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a chosen file'),
    /** The chosen file's name, for the report and the audit log. */
    fileName: z.string().trim().min(1).max(200),
    jobId: jobIdSchema,
  })
  .strict();

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const importActions = ['create', 'update', 'unchanged', 'older', 'declined'] as const;
export type ImportAction = (typeof importActions)[number];
export const importActionLabels: Readonly<Record<ImportAction, string>> = {
  create: 'New patient',
  update: 'Update',
  unchanged: 'Already up to date',
  older: 'Kept: the record here is more recent',
  declined: 'Not updated (updates not chosen)',
};

export const importPreviewRowSchema = z.object({
  at: z.number().int(),
  where: z.string(),
  action: z.enum(importActions),
  /** The record as it will be stored (the register record fields). */
  record: z.record(z.string(), scalar),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const refusedRowSchema = z.object({ at: z.number().int(), where: z.string(), reasons: z.array(z.string()), label: z.string().nullable() });

export const mergePreviewSchema = z.object({
  at: z.number().int(),
  where: z.string(),
  patientId: z.number().int(),
  label: z.string(),
  /** The file's row is newer than the record here (its last-updated time, else the file's). */
  newer: z.boolean(),
  fileUpdated: z.string().nullable(),
  recordUpdated: z.string(),
  changes: z.array(z.object({ field: z.string(), label: z.string(), before: scalar, after: scalar })),
});
export type MergePreview = z.infer<typeof mergePreviewSchema>;

export const registerImportReportSchema = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'fhir']),
  /** CSV only: how the file was read, and its columns with the guessed (or corrected) mapping. */
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  mapping: z.record(z.string(), z.number().int()),
  unmatched: z.array(z.object({ column: z.number().int(), header: z.string() })),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  older: z.number().int(),
  declined: z.number().int(),
  refused: z.number().int(),
  preview: z.array(importPreviewRowSchema),
  refusedRows: z.array(refusedRowSchema),
  merges: z.array(mergePreviewSchema),
  /** How many existing patients the file would change (the merge preview shows the first ones). */
  mergeCount: z.number().int(),
  dryRun: z.boolean(),
  /** The stored batch (null for a dry run or when nothing was stored). */
  batchId: z.number().int().nullable(),
  /** The whole file was refused or the import cancelled: nothing from it was kept. */
  failed: z.object({ message: z.string(), at: z.number().int().nullable() }).nullable(),
});
export type RegisterImportReport = z.infer<typeof registerImportReportSchema>;

export const importBatchSchema = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  actor: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  refused: z.number().int(),
  undoneAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const undoImportOutcomeSchema = z.object({ batchId: z.number().int(), removed: z.number().int(), restored: z.number().int() });
export type UndoImportOutcome = z.infer<typeof undoImportOutcomeSchema>;
