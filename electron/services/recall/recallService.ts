import * as z from 'zod';
import type { ExamStatus } from '#shared/domain/findings';
import {
  contactKinds,
  type Contact,
  type ContactKind,
  type ParsedWorklistRequest,
  type PatientRecall,
  type WorklistItem,
  type WorklistResponse,
} from '#shared/domain/recall';
import { fail, ok, type Result } from '#shared/ipc/result';
import { recallDecision, type IwgdfCategoryText, type NiceCategoryText, type PossibleIwgdf, type PossibleNice, type RecallBasis } from '#shared/recall/recallRules';
import { addDays } from '#shared/text/dates';
import { searchKey } from '#shared/text/fold';
import {
  maxExtraWorklistWords,
  type ContactRow,
  type PatientRecallRow,
  type WorklistFilter,
  type WorklistPageParams,
  type WorklistRow,
} from '../../db/repositories/recallRepository';
import { localIsoDate, type Clock } from '../clock';
import type { Actor } from '../actor';
import type { SettingsService } from '../settings/settingsService';
import { writeTransaction } from '../transaction';
import type { Store } from '../../db/store';

const afterEveryContinuation = '\u{10FFFF}';
const cursorSchema = z.tuple([z.string().max(200), z.number().int()]);

/** The basis stored on the patient row, or null when never screened. CHECK constraints guarantee the values. */
export function basisOf(row: PatientRecallRow): RecallBasis | null {
  if (row.recall_exam_id === null || row.recall_examined_on === null) return null;
  return {
    examinedOn: row.recall_examined_on,
    examStatus: (row.recall_exam_status ?? 'performed') as ExamStatus,
    iwgdf: (row.recall_iwgdf ?? 'incomplete') as IwgdfCategoryText,
    nice: (row.recall_nice ?? 'incomplete') as NiceCategoryText,
    possibleIwgdf: possibleOf(row.recall_iwgdf_possible, possibleIwgdf),
    possibleNice: possibleOf(row.recall_nice_possible, possibleNice),
  };
}

const possibleIwgdf: readonly PossibleIwgdf[] = ['0', '1', '2', '3', 'urgent'];
const possibleNice: readonly PossibleNice[] = ['low', 'moderate', 'high', 'active'];

/** The possible categories stored as the assessment's JSON array (IWGDF ones as numbers), known values only. */
function possibleOf<C extends string>(json: string | null, known: readonly C[]): C[] {
  if (json === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.map((v) => String(v)).filter((v): v is C => (known as readonly string[]).includes(v));
}

export function toContact(row: ContactRow): Contact {
  return {
    id: row.id,
    patientId: row.patient_id,
    contactedOn: row.contacted_on,
    kind: row.kind as ContactKind,
    note: row.note,
    recordedBy: row.recorded_by,
    recordedAt: row.recorded_at,
  };
}

function lastContactOf(text: string | null): WorklistItem['lastContact'] {
  if (text === null) return null;
  const [contactedOn = '', kind = ''] = text.split(' ');
  return (contactKinds as readonly string[]).includes(kind) ? { contactedOn, kind: kind as ContactKind } : null;
}

function toItem(row: WorklistRow): WorklistItem {
  return {
    patientId: row.id,
    familyName: row.family_name,
    givenNames: row.given_names,
    dateOfBirth: row.date_of_birth,
    clinicIdentifier: row.clinic_identifier,
    phone: row.phone,
    lastExamId: row.recall_exam_id,
    lastExaminedOn: row.recall_examined_on,
    examStatus: row.recall_exam_status as WorklistItem['examStatus'],
    iwgdfCategory: row.recall_iwgdf as WorklistItem['iwgdfCategory'],
    niceCategory: row.recall_nice as WorklistItem['niceCategory'],
    months: row.recall_months,
    dueOn: row.recall_due_on,
    lastContact: lastContactOf(row.last_contact),
    contactsSinceExam: row.contacts_since_exam,
  };
}

/**
 * Who is due for a foot screen: each patient's recall, the worklist's three views with
 * filters, search and keyset pages, and the contact attempts made to bring patients in.
 */
export class RecallService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: Pick<SettingsService, 'recall'>,
  ) {}

  today(): string {
    return localIsoDate(this.clock.now());
  }

  /** A patient's next due date, why, and the contact attempts (newest first). */
  forPatient(patientId: number): Result<PatientRecall> {
    const row = this.store.recall.ofPatient(patientId);
    if (!row) return fail('not_found', 'No patient with that id.');
    const settings = this.settings.recall();
    const decision = recallDecision(basisOf(row), settings);
    return ok({
      patientId,
      guideline: settings.guideline,
      lastExamId: row.recall_exam_id,
      lastExaminedOn: row.recall_examined_on,
      // The stored date is what the worklist shows; the rules only add the words.
      dueOn: row.recall_due_on,
      months: row.recall_months,
      reason: decision.kind === 'never-screened' ? 'Never screened: no signed foot screening yet.' : decision.reason,
      today: this.today(),
      contacts: this.store.recall.contactsOf(patientId, 50).map(toContact),
    });
  }

  worklist(request: ParsedWorklistRequest): Result<WorklistResponse> {
    const settings = this.settings.recall();
    const today = this.today();
    let after: [string, number] = ['', 0];
    if (request.cursor !== null) {
      const decoded = decodeCursor(request.cursor);
      if (!decoded) return fail('bad_request', 'The worklist position is not valid; load the list again.');
      after = decoded;
    }
    const filter = worklistFilter(settings.guideline, request.view === 'never-screened' ? null : request.category, request.search);
    // "Due within N days" includes day N: the range ends before the day after it.
    const dueSoonBefore = addDays(today, request.withinDays + 1);
    const page: WorklistPageParams = {
      ...filter,
      dueFrom: request.view === 'overdue' ? '' : today,
      dueBefore: request.view === 'overdue' ? today : dueSoonBefore,
      afterKey: after[0],
      afterId: after[1],
      limit: request.limit + 1,
    };
    let rows: WorklistRow[];
    let keyOf: (row: WorklistRow) => string;
    if (request.view === 'never-screened') {
      rows = this.store.recall.pageNeverScreened(page);
      keyOf = (r) => r.sort_name;
    } else if (request.sort === 'name') {
      rows = this.store.recall.pageByName(page);
      keyOf = (r) => r.sort_name;
    } else {
      rows = this.store.recall.pageByDue(page);
      keyOf = (r) => r.recall_due_on ?? '';
    }
    const items = rows.slice(0, request.limit);
    const last = items[items.length - 1];
    const countFilter = worklistFilter(settings.guideline, request.category, request.search);
    return ok({
      items: items.map(toItem),
      nextCursor: rows.length > request.limit && last ? JSON.stringify([keyOf(last), last.id]) : null,
      counts: {
        overdue: this.store.recall.countDue(countFilter, '', today),
        dueSoon: this.store.recall.countDue(countFilter, today, dueSoonBefore),
        neverScreened: this.store.recall.countNeverScreened({ ...countFilter, category: null }),
      },
      today,
      guideline: settings.guideline,
    });
  }

  /** Records a phone call, letter, no answer or refusal, with its audit entry. */
  recordContact(request: { patientId: number; kind: ContactKind; contactedOn: string; note: string | null }, actor: Actor): Result<Contact> {
    const now = this.clock.now().toISOString();
    if (request.contactedOn > this.today()) return fail('validation_failed', 'The date of a contact attempt cannot be in the future.', [{ path: 'contactedOn', message: 'Cannot be in the future' }]);
    return writeTransaction(this.store.db, () => {
      const patient = this.store.patients.findById(request.patientId);
      if (!patient) return fail('not_found', 'No patient with that id.');
      const row = this.store.recall.insertContact({ ...request, recordedBy: actor.name, recordedAt: now });
      // The note may hold anything the nurse typed: the audit entry says what kind, not what.
      this.store.audit.append({
        at: now,
        actor: actor.name,
        action: 'contact.record',
        entity: 'patient',
        entityId: String(request.patientId),
        details: { contactId: row.id, kind: request.kind, contactedOn: request.contactedOn, note: request.note !== null },
      });
      return ok(toContact(row));
    });
  }

  /** "Invitation letter sent" for each patient, inside the caller's transaction (letters.print). */
  recordLettersSent(patientIds: readonly number[], contactedOn: string, actor: Actor, now: string): number {
    for (const patientId of patientIds) {
      this.store.recall.insertContact({ patientId, contactedOn, kind: 'letter', note: null, recordedBy: actor.name, recordedAt: now });
    }
    return patientIds.length;
  }
}

/** The worklist search: start of a name, clinic identifier or national number; the longest word drives. */
export function worklistFilter(guideline: string, category: string | null, search: string): WorklistFilter {
  const words = [...new Set(search.trim().split(/\s+/).map(searchKey).filter((w) => w !== ''))].sort((a, b) => b.length - a.length);
  const [driving = '', ...others] = words;
  const [w1 = '', w2 = ''] = others.slice(0, maxExtraWorklistWords);
  const hi = (w: string): string => (w === '' ? '' : w + afterEveryContinuation);
  return { guideline, category, search: driving, searchHi: hi(driving), w1, w1Hi: hi(w1), w2, w2Hi: hi(w2) };
}

function decodeCursor(cursor: string): [string, number] | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(cursor));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
