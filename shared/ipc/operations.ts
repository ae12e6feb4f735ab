import { z } from 'zod';
import { siteProtocolIds } from '../clinical/protocols';
import { amendmentReasonSchema, examIdSchema, examinedOnSchema, examSchema, examSummarySchema, wizardPositionSchema } from '../domain/exam';
import { findingsInputSchema } from '../domain/findings';
import { auditLogPageSchema, auditVerificationSchema, listAuditLogRequestSchema } from '../domain/auditLog';
import { backupListSchema, chosenFileSchema, restoreOutcomeSchema, restoreSourceSchema } from '../domain/backups';
import { deliverySchema } from '../domain/files';
import { patientIdSchema, patientInputSchema, patientSchema } from '../domain/patient';
import { searchPatientsRequestSchema, searchPatientsResponseSchema } from '../domain/patientSearch';
import { clinicSettingsSchema } from '../domain/settings';
import {
  authStateSchema,
  displayNameSchema,
  newPasswordSchema,
  newUserSchema,
  passwordSchema,
  roles,
  usernameSchema,
  userSchema,
} from '../domain/users';
import type { OperationName } from './operationNames';
import { historyOperations } from './historyOperations';
import { reportOperations } from './reportOperations';
import type { Result } from './result';

/**
 * The contract between the renderer and the application: one row per operation, with the zod
 * schema of its request and of its response and who may call it. The Electron IPC handlers, the
 * preload, the loopback harness and the renderer's `window.api` type are all derived from it.
 *
 * Access: `public` needs no sign-in (auth screens); `user` needs a signed-in, unlocked member of
 * staff; `administrator` needs the administrator role.
 */
export type Access = 'public' | 'user' | 'administrator';

interface OperationSchemas {
  request: z.ZodType;
  response: z.ZodType;
  access: Access;
}

const empty = z.object({}).strict();
const byId = z.object({ id: patientIdSchema }).strict();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Where the clinic's records live, shown in Settings so staff know what to back up. */
  dataFile: z.string(),
  /** `desktop` in Electron, `browser` in the loopback harness. */
  shell: z.enum(['desktop', 'browser']),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const operations = {
  getAppInfo: { request: empty, response: appInfoSchema, access: 'public' },

  getAuthState: { request: empty, response: authStateSchema, access: 'public' },
  createFirstAdministrator: {
    request: z.object({ username: usernameSchema, displayName: displayNameSchema, password: newPasswordSchema }).strict(),
    response: authStateSchema,
    access: 'public',
  },
  signIn: { request: z.object({ username: z.string().max(100), password: passwordSchema }).strict(), response: authStateSchema, access: 'public' },
  signOut: { request: empty, response: authStateSchema, access: 'public' },
  lockSession: { request: empty, response: authStateSchema, access: 'public' },
  unlockSession: { request: z.object({ password: passwordSchema }).strict(), response: authStateSchema, access: 'public' },
  changeOwnPassword: {
    request: z.object({ currentPassword: passwordSchema, newPassword: newPasswordSchema }).strict(),
    response: userSchema,
    access: 'user',
  },
  listUsers: { request: empty, response: z.array(userSchema), access: 'administrator' },
  createUser: { request: newUserSchema, response: userSchema, access: 'administrator' },
  updateUser: {
    request: z.object({ id: z.number().int().positive(), displayName: displayNameSchema, role: z.enum(roles), disabled: z.boolean() }).strict(),
    response: userSchema,
    access: 'administrator',
  },
  resetUserPassword: {
    request: z.object({ id: z.number().int().positive(), password: newPasswordSchema }).strict(),
    response: userSchema,
    access: 'administrator',
  },
  getClinicSettings: { request: empty, response: clinicSettingsSchema, access: 'user' },
  updateClinicSettings: { request: clinicSettingsSchema, response: clinicSettingsSchema, access: 'administrator' },

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
  listPatientExams: { request: z.object({ patientId: patientIdSchema }).strict(), response: z.array(examSummarySchema), access: 'user' },
  // Audit log and backups (issue 8). In recovery mode listBackups and restoreBackup (automatic
  // backups only) answer without sign-in: see electron/ipc/recoveryDispatch.ts.
  listAuditLog: { request: listAuditLogRequestSchema, response: auditLogPageSchema, access: 'administrator' },
  verifyAuditLog: { request: empty, response: auditVerificationSchema, access: 'administrator' },
  backUpNow: { request: empty, response: deliverySchema, access: 'administrator' },
  listBackups: { request: empty, response: backupListSchema, access: 'administrator' },
  chooseBackupFile: { request: empty, response: chosenFileSchema, access: 'administrator' },
  restoreBackup: { request: z.object({ source: restoreSourceSchema }).strict(), response: restoreOutcomeSchema, access: 'administrator' },

  // Report pack (issue 6).
  ...reportOperations,
  // History, recall worklist, dashboard and export (issue 7).
  ...historyOperations,
} as const satisfies Record<OperationName, OperationSchemas>;

export type Operations = typeof operations;
/** What a caller sends (defaults may be left out). */
export type RequestOf<K extends OperationName> = z.input<Operations[K]['request']>;
/** What a handler receives after parsing (defaults filled in, text trimmed). */
export type ParsedRequestOf<K extends OperationName> = z.output<Operations[K]['request']>;
export type ResponseOf<K extends OperationName> = z.output<Operations[K]['response']>;

/** The renderer's whole view of the application: one async function per operation. */
export type Api = { [K in OperationName]: (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>> };
