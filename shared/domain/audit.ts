/** What the audit log records (issue 8): every change to a medical record, and who made it. */
export const auditActions = [
  'patient.create',
  'patient.update',
  'patient.archive',
  'patient.restore',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditActionLabels: Readonly<Record<AuditAction, string>> = {
  'patient.create': 'Patient added',
  'patient.update': 'Patient details changed',
  'patient.archive': 'Patient archived',
  'patient.restore': 'Patient restored from archive',
};
