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
  'backup.create',
  'backup.restore',
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
  'backup.create': 'Backup made',
  'backup.restore': 'Database restored from a backup',
};
