/**
 * The names of every operation, on their own so the preload can build `window.api` without
 * bundling the schemas. `operations.ts` is checked against this list at compile time.
 */
export const operationNames = [
  'getAppInfo',
  'getAuthState',
  'createFirstAdministrator',
  'signIn',
  'signOut',
  'lockSession',
  'unlockSession',
  'changeOwnPassword',
  'listUsers',
  'createUser',
  'updateUser',
  'resetUserPassword',
  'getClinicSettings',
  'updateClinicSettings',
  'searchPatients',
  'getPatient',
  'createPatient',
  'updatePatient',
  'archivePatient',
  'restorePatient',
  'startScreening',
  'getExam',
  'saveExamDraft',
  'signExam',
  'discardExamDraft',
  'amendExam',
  'listPatientExams',
  // Audit log and backups (issue 8).
  'listAuditLog',
  'verifyAuditLog',
  'backUpNow',
  'listBackups',
  'chooseBackupFile',
  'restoreBackup',
  // Report pack (issue 6): shared/ipc/reportOperations.ts
  'listReportParts',
  'renderReport',
  // History, recall worklist, dashboard and export (issue 7): shared/ipc/historyOperations.ts
  'getPatientRecall',
  'recordContact',
  'listWorklist',
  'printInvitationLetters',
  'getJobProgress',
  'getDashboard',
  'exportCsv',
  'getRecallSettings',
  'updateRecallSettings',
] as const;
export type OperationName = (typeof operationNames)[number];

export function isOperationName(name: string): name is OperationName {
  return (operationNames as readonly string[]).includes(name);
}
