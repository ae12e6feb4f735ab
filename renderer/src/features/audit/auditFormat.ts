import { auditActionLabels, auditActions, type AuditAction } from '#shared/domain/audit';
import { contactKindLabels, contactKinds, type ContactKind } from '#shared/domain/recall';
import { formatDate, formatDateTime } from '../../app/format';

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
  registrationNumberChanged: 'registration number changed',
  patientsRecalculated: 'patients with a new due date',
  patientId: 'patient record',
  version: 'version',
  iwgdf2023: 'IWGDF 2023 category',
  nice: 'NICE NG19 category',
  amends: 'amends screening',
  reason: 'reason',
  role: 'role',
  from: 'from',
  to: 'to',
  rows: 'rows',
  dataset: 'data',
  letters: 'letters',
  contactsRecorded: 'contacts recorded',
  contactedOn: 'contacted on',
  contactId: 'contact record',
  note: 'with a note',
};

/** "contactId" or "no_answer" as words ("contact id", "no answer"), for a key or value this screen has no words for yet. */
function asWords(code: string): string {
  return code
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** The clinic's words for the record fields an entry names as changed. */
const recordFieldWords: Readonly<Record<string, string>> = {
  familyName: 'family name', givenNames: 'given names', dateOfBirth: 'date of birth', sex: 'sex', clinicIdentifier: 'clinic identifier',
  nationalNumber: 'national number', diabetesType: 'diabetes type', diagnosisYear: 'year of diagnosis', phone: 'phone', preferredLanguage: 'preferred language',
  notes: 'notes', title: 'title', addressLine1: 'address', addressLine2: 'address', addressLine3: 'address', town: 'town', postcode: 'postcode',
  mobilePhone: 'mobile phone', email: 'email', gpPractice: 'GP practice', gpPracticeCode: 'GP practice code', interpreterNeeded: 'interpreter needed',
  relevantConditions: 'relevant conditions', medicines: 'medicines',
  clinicName: 'clinic name', idleLockMinutes: 'screen lock time', clinicPhone: 'clinic phone', clinicAddress: 'clinic address', emergencyNumber: 'emergency number',
  nationalNumberFormat: 'national number format', dateOrder: 'date order', reportFileNaming: 'report file names', referralDestinations: 'referral destinations',
  guideline: 'recall guideline', niceMonths: 'NICE intervals', iwgdfMonths: 'IWGDF intervals', incompleteMonths: 'interval for incomplete screens', bookingText: 'booking text',
};

function listWords(items: readonly string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? 'nothing';
  return `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1] ?? ''}`;
}

/**
 * What the entry recorded, as a sentence: "Changed: family name, phone and postcode." Fields
 * never recorded are left out rather than shown as "null"; the raw record stays in the details
 * disclosure of the log screen.
 */
export function formatDetails(details: Readonly<Record<string, unknown>>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(details)) {
    if (value === null || value === undefined) continue;
    if (key === 'fields' && Array.isArray(value)) {
      parts.push(value.length === 0 ? 'Nothing changed' : `Changed: ${listWords(value.map((f) => recordFieldWords[String(f)] ?? String(f)))}`);
      continue;
    }
    if (key === 'ruleSets' || key === 'patientIds') continue;
    parts.push(`${capitalise(fieldWords[key] ?? asWords(key))}: ${formatValue(key, value)}`);
  }
  return parts.length === 0 ? '' : `${parts.join('. ')}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatValue(key: string, value: unknown): string {
  if (key === 'bytes' && typeof value === 'number') return formatBytes(value);
  if (Array.isArray(value)) return value.map(String).join(', ') || 'nothing';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  if (typeof value !== 'string') return String(value);
  if (key === 'kind' && (contactKinds as readonly string[]).includes(value)) return contactKindLabels[value as ContactKind].toLowerCase();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
  return /^[a-z]+(?:[A-Z][a-z0-9]*|_[a-z0-9]+)+$/.test(value) ? asWords(value) : value;
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
