import type { User } from '#shared/domain/users';
import type { OperationName } from '#shared/ipc/operationNames';
import type { ParsedRequestOf, ResponseOf } from '#shared/ipc/operations';
import { fail, ok, type Result } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import type { Actor } from '../services/patients/patientService';
import { createHistoryHandlers } from './historyHandlers';
import { createReportHandlers } from './reportHandlers';

/** Which client is calling: set by the transport (desktop window, or browser tab of the harness). */
export interface CallContext {
  /** `desktop:<webContents id>` or `browser:<random per-tab key>`; sessions are kept per client. */
  clientKey: string;
}

/** What a handler knows about the caller once dispatch has checked access. */
export interface HandlerContext extends CallContext {
  /** The signed-in user; never null for `user` and `administrator` operations. */
  user: User | null;
  /** For the audit log. */
  actor: Actor;
}

export type Handlers = {
  [K in OperationName]: (request: ParsedRequestOf<K>, context: HandlerContext) => Result<ResponseOf<K>> | Promise<Result<ResponseOf<K>>>;
};

function signedIn(c: HandlerContext): User {
  if (!c.user) throw new Error('dispatch let a signed-out call through');
  return c.user;
}

/** One handler per operation: a line that calls the service. No logic lives here. */
export function createHandlers(services: AppServices): Handlers {
  const { patients, auth, settings, exams } = services;
  return {
    getAppInfo: () => ok(services.info),

    getAuthState: (_r, c) => ok(auth.state(c.clientKey)),
    createFirstAdministrator: (r, c) => auth.createFirstAdministrator(c.clientKey, r),
    signIn: (r, c) => auth.signIn(c.clientKey, r.username, r.password),
    signOut: (_r, c) => auth.signOut(c.clientKey),
    lockSession: (_r, c) => auth.lock(c.clientKey),
    unlockSession: (r, c) => auth.unlock(c.clientKey, r.password),
    changeOwnPassword: (r, c) => auth.changeOwnPassword(signedIn(c).id, r.currentPassword, r.newPassword),
    listUsers: () => ok(auth.listUsers()),
    createUser: (r, c) => auth.createUser(r, c.actor),
    updateUser: (r, c) => auth.updateUser(r.id, r, { ...c.actor, userId: signedIn(c).id }),
    resetUserPassword: (r, c) => auth.setPassword(r.id, r.password, c.actor),
    getClinicSettings: () => ok(settings.clinic()),
    updateClinicSettings: (r, c) => settings.updateClinic(r, c.actor),

    searchPatients: (r) => patients.search(r),
    getPatient: (r) => patients.get(r.id),
    createPatient: (r, c) => patients.create(r.patient, c.actor),
    updatePatient: (r, c) => patients.update(r.id, r.expectedUpdatedAt, r.patient, c.actor),
    archivePatient: (r, c) => patients.archive(r.id, c.actor),
    restorePatient: (r, c) => patients.restore(r.id, c.actor),

    startScreening: (r, c) => exams.start(r.patientId, r.protocol, r.examinedOn, signedIn(c)),
    getExam: (r) => exams.get(r.id),
    saveExamDraft: (r) => exams.saveDraft(r.id, r.findings, r.wizard),
    signExam: (r, c) => exams.sign(r.id, r.findings, signedIn(c)),
    discardExamDraft: (r, c) => exams.discard(r.id, signedIn(c)),
    amendExam: (r, c) => exams.amend(r.id, r.reason, signedIn(c)),
    listPatientExams: (r) => ok(exams.listForPatient(r.patientId)),
    listAuditLog: (r) => ok(services.auditLog.list(r)),
    verifyAuditLog: () => ok(services.auditLog.verify()),
    backUpNow: (_r, c) => services.backups.backUpNow(c.actor),
    listBackups: () => ok(services.backups.list()),
    chooseBackupFile: (_r, c) => services.backups.chooseFile(c.clientKey),
    restoreBackup: (r, c) => services.backups.restore(r.source, c.actor, c.clientKey),

    // Report pack (issue 6).
    ...createReportHandlers(services),
    // History, recall worklist, dashboard and export (issue 7).
    ...createHistoryHandlers(services),
  };
}

export { fail };
