import * as z from 'zod';
import { auditActions } from './audit';

/** What the audit log screen asks for: filters, newest first, one page at a time. */
export const listAuditLogRequestSchema = z
  .object({
    action: z.enum(auditActions).nullable().default(null),
    /** Part of a username, any case. */
    actor: z.string().trim().max(100).nullable().default(null),
    entity: z.string().trim().max(40).nullable().default(null),
    /** UTC instants: entries at or after `from` and before `to`. The screen sends local midnights. */
    from: z.iso.datetime().nullable().default(null),
    to: z.iso.datetime().nullable().default(null),
    /** Continue below this entry id (the `nextBeforeId` of the previous page). */
    beforeId: z.number().int().positive().nullable().default(null),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListAuditLogRequest = z.infer<typeof listAuditLogRequestSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** Usually one of `auditActions`; kept as text so an entry written by a newer version still shows. */
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** What changed, as recorded (JSON object); never patient names or values. */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditLogPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextBeforeId: z.number().int().nullable(),
});
export type AuditLogPage = z.infer<typeof auditLogPageSchema>;

/** The result of walking the whole chain: intact, or the first entry where it breaks and why. */
export const auditVerificationSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    entries: z.number().int(),
    lastEntryAt: z.string().nullable(),
    /** What was checked, in sentences for the Verify screen. */
    checks: z.array(z.string()).optional(),
    /** The newest entry recorded outside the database that was found intact (null: none was available). */
    anchoredUpTo: z.number().int().nullable().optional(),
  }),
  z.object({ ok: z.literal(false), firstBrokenId: z.number().int(), reason: z.string() }),
]);
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

/** The kinds of record the log names, read from the action names (`patient.create` -> `patient`). */
export const auditEntities: readonly string[] = [...new Set(auditActions.map((a) => a.slice(0, a.indexOf('.'))))];
