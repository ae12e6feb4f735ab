/** What the audit log records (issue 8): every change to a medical record, and who made it. */
export const auditActions = [
  'patient.create',
  'patient.update',
  'patient.archive',
  'patient.restore',
  'user.create',
  'user.update',
  'user.password',
  'session.sign-in',
  'session.sign-in-failed',
  'session.sign-out',
  'settings.update',
  'exam.start',
  'exam.sign',
  'exam.amend',
  'exam.discard',
  'backup.create',
  'backup.restore',
  // Report pack (issue 6): which parts of which exam were made, how, and by whom.
  'report.create',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: Readonly<Record<AuditAction, string>> = {
  'patient.create': 'Patient added',
  'patient.update': 'Patient details changed',
  'patient.archive': 'Patient archived',
  'patient.restore': 'Patient restored from archive',
  'user.create': 'Staff account created',
  'user.update': 'Staff account changed',
  'user.password': 'Password set',
  'session.sign-in': 'Signed in',
  'session.sign-in-failed': 'Sign-in refused',
  'session.sign-out': 'Signed out',
  'settings.update': 'Settings changed',
  'exam.start': 'Screening started',
  'exam.sign': 'Screening signed',
  'exam.amend': 'Amendment started',
  'exam.discard': 'Screening draft discarded',
  'backup.create': 'Backup made',
  'backup.restore': 'Database restored from a backup',
  'report.create': 'Report made',
};
