import { auditActionLabels, auditActions, type AuditAction } from '#shared/domain/audit';

export function isAuditAction(action: string): action is AuditAction {
  return (auditActions as readonly string[]).includes(action);
}

/** The clinic's words for an action; an action from a newer version shows as recorded. */
export function actionLabel(action: string): string {
  return isAuditAction(action) ? auditActionLabels[action] : action;
}

const entityLabels: Readonly<Record<string, string>> = {
  patient: 'Patient',
  user: 'Staff account',
  session: 'Sign-in',
  settings: 'Settings',
  backup: 'Backup',
  exam: 'Screening',
};

export function entityLabel(entity: string): string {
  return entityLabels[entity] ?? entity.charAt(0).toUpperCase() + entity.slice(1);
}

const fieldWords: Readonly<Record<string, string>> = {
  fields: 'changed',
  kind: 'kind',
  bytes: 'size',
  keptAsideAs: 'previous database kept as',
  schemaVersion: 'schema',
  migrated: 'brought up to date',
  firstAccount: 'first account',
  displayNameChanged: 'name changed',
};

/** "changed: familyName, phone · reason: wrong password": what the entry recorded, readably. */
export function formatDetails(details: Readonly<Record<string, unknown>>): string {
  return Object.entries(details)
    .map(([key, value]) => `${fieldWords[key] ?? key}: ${formatValue(key, value)}`)
    .join(' · ');
}

function formatValue(key: string, value: unknown): string {
  if (key === 'bytes' && typeof value === 'number') return formatBytes(value);
  if (Array.isArray(value)) return value.map(String).join(', ') || 'nothing';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A date typed in the filter (local calendar day) as the UTC instant the day starts. */
export function localDayStart(isoDate: string, plusDays = 0): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plusDays).toISOString();
}
