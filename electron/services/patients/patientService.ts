import * as z from 'zod';
import { checkNationalNumber, type NationalNumberFormat } from '#shared/domain/nationalNumber';
import type { Patient, PatientInput } from '#shared/domain/patient';
import { describePatientQuery, parsePatientQuery } from '#shared/domain/patientQuery';
import type { SearchPatientsResponse } from '#shared/domain/patientSearch';
import { fail, ok, type Result } from '#shared/ipc/result';
import type { DateOrder } from '#shared/text/dates';
import { isoDateOf } from '#shared/text/dates';
import { toSummary, type SearchPosition, type SummaryRow } from '../../db/repositories/patientRepository';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import { writeTransaction } from '../transaction';
import type { Store } from '../../db/store';

/** Who is acting; written to the audit log with every change. */
export interface SearchOptions {
  query: string;
  includeArchived: boolean;
  dateOrder: DateOrder;
  limit: number;
  cursor: string | null;
}

const positionSchema = z.tuple([z.string(), z.string(), z.number().int()]);

/**
 * How a save that was not typed into the patient form is recorded: which audit action, and what
 * else the entry says (never secrets). Brought in from the clinic's FHIR server, for example.
 */
export interface PatientSaveAudit {
  action: 'patient.fhir-pull';
  details: Record<string, string>;
}

/** The patient record: create, edit, find, archive. Knows nothing of Electron or HTTP. */
export class PatientService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** The clinic's national number format (Settings), read at every save. */
    private readonly nationalNumberFormat: () => NationalNumberFormat = () => 'nhs',
  ) {}

  get(id: number): Result<Patient> {
    const patient = this.store.patients.findById(id);
    return patient ? ok(patient) : fail('not_found', 'No patient with that id.');
  }

  create(typed: PatientInput, actor: Actor, how?: PatientSaveAudit): Result<Patient> {
    const now = this.clock.now().toISOString();
    const checked = this.checkedNumber(typed);
    if (!checked.ok) return checked;
    const input = checked.value;
    return writeTransaction(this.store.db, () => {
      const duplicate = this.duplicateIdentifier(input.clinicIdentifier, null);
      if (duplicate) return duplicate;
      const id = this.store.patients.insert(input, now);
      this.store.audit.append({ at: now, actor: actor.name, action: how?.action ?? 'patient.create', entity: 'patient', entityId: String(id), details: { ...how?.details } });
      return this.get(id);
    });
  }

  /**
   * Saves edited details. `expectedUpdatedAt` is the version the form was loaded from: if someone
   * else saved in between, nothing is written and the caller is told to reload.
   */
  update(id: number, expectedUpdatedAt: string, typed: PatientInput, actor: Actor, how?: PatientSaveAudit): Result<Patient> {
    const now = this.clock.now().toISOString();
    const checked = this.checkedNumber(typed);
    if (!checked.ok) return checked;
    const input = checked.value;
    return writeTransaction(this.store.db, () => {
      const before = this.store.patients.findById(id);
      if (!before) return fail('not_found', 'No patient with that id.');
      if (before.updatedAt !== expectedUpdatedAt) {
        return fail('conflict', 'These details were changed elsewhere since you opened them. Reload to see the latest version.');
      }
      const duplicate = this.duplicateIdentifier(input.clinicIdentifier, id);
      if (duplicate) return duplicate;
      const changed = changedFields(before, input);
      if (changed.length === 0) return ok(before);
      this.store.patients.update(id, input, now);
      // The audit log names the fields that changed; values stay in the record itself.
      this.store.audit.append({ at: now, actor: actor.name, action: how?.action ?? 'patient.update', entity: 'patient', entityId: String(id), details: { fields: changed, ...how?.details } });
      return this.get(id);
    });
  }

  /** Archiving hides a patient who left from the default search; nothing is deleted. */
  archive(id: number, actor: Actor): Result<Patient> {
    return this.setArchived(id, true, actor);
  }

  restore(id: number, actor: Actor): Result<Patient> {
    return this.setArchived(id, false, actor);
  }

  search(options: SearchOptions): Result<SearchPatientsResponse> {
    const query = parsePatientQuery(options.query, options.dateOrder, isoDateOf(this.clock.now()));
    let after: SearchPosition | null = null;
    if (options.cursor !== null) {
      const decoded = decodePosition(options.cursor);
      if (!decoded) return fail('bad_request', 'The search position is not valid; start the search again.');
      after = decoded;
    }
    // One row more than asked tells whether there is a next page without counting every match.
    const fetch = options.limit + 1;
    // The longest word is usually the most selective, so it drives the scan; a date of birth is
    // more selective still.
    const [driving, ...others] = [...query.words].sort((a, b) => b.length - a.length);
    let rows: (SummaryRow & { term?: string })[];
    if (query.dateOfBirth !== null) {
      rows = this.store.patients.byDateOfBirth(query.dateOfBirth, query.words, options.includeArchived, after, fetch);
    } else if (driving !== undefined) {
      rows = this.store.patients.byWords(driving, others, options.includeArchived, after, fetch);
    } else {
      rows = this.store.patients.browse(options.includeArchived, after, fetch);
    }
    const page = rows.slice(0, options.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > options.limit && last ? encodePosition({ term: last.term ?? '', sortName: last.sort_name, id: last.id }) : null;
    // A patient can match the driving prefix through two of their words ("Ann Annabel"): show once.
    const seen = new Set<number>();
    const items = [];
    for (const row of page) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      items.push(toSummary(row));
    }
    return ok({ items, nextCursor, interpretation: describePatientQuery(query) });
  }

  private setArchived(id: number, archived: boolean, actor: Actor): Result<Patient> {
    const now = this.clock.now().toISOString();
    return writeTransaction(this.store.db, () => {
      const before = this.store.patients.findById(id);
      if (!before) return fail('not_found', 'No patient with that id.');
      if ((before.archivedAt !== null) === archived) return ok(before);
      this.store.patients.setArchived({ id, archivedAt: archived ? now : null, now });
      this.store.audit.append({
        at: now,
        actor: actor.name,
        action: archived ? 'patient.archive' : 'patient.restore',
        entity: 'patient',
        entityId: String(id),
        details: {},
      });
      return this.get(id);
    });
  }

  /**
   * The national number checked against the clinic's format and kept as stored (digits only for
   * the UK formats), so "943 476 5919" and "943-476-5919" are one number. A number that fails its
   * check digit is refused with the reason: a mistyped number would link the record to someone else.
   */
  private checkedNumber(input: PatientInput): Result<PatientInput> {
    if (input.nationalNumber === null) return ok(input);
    const check = checkNationalNumber(input.nationalNumber, this.nationalNumberFormat());
    if (!check.ok) return fail('validation_failed', check.message, [{ path: 'nationalNumber', message: check.message }]);
    return ok({ ...input, nationalNumber: check.value });
  }

  private duplicateIdentifier(clinicIdentifier: string, selfId: number | null): Result<never> | null {
    const owner = this.store.patients.identifierOwner(clinicIdentifier);
    if (owner === null || owner === selfId) return null;
    return fail('conflict', `Clinic identifier ${clinicIdentifier} is already used by another patient.`, [
      { path: 'clinicIdentifier', message: 'This clinic identifier is already used by another patient' },
    ]);
  }
}

const comparedFields = [
  'familyName',
  'givenNames',
  'dateOfBirth',
  'sex',
  'clinicIdentifier',
  'nationalNumber',
  'diabetesType',
  'diagnosisYear',
  'phone',
  'preferredLanguage',
  'notes',
  'title',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'town',
  'postcode',
  'mobilePhone',
  'email',
  'gpPractice',
  'gpPracticeCode',
  'relevantConditions',
  'medicines',
  'interpreterNeeded',
] as const satisfies readonly (keyof PatientInput)[];

function changedFields(before: Patient, after: PatientInput): string[] {
  return comparedFields.filter((f) => before[f] !== after[f]);
}

function encodePosition(p: SearchPosition): string {
  return JSON.stringify([p.term, p.sortName, p.id]);
}

function decodePosition(cursor: string): SearchPosition | null {
  try {
    const parsed = positionSchema.safeParse(JSON.parse(cursor));
    return parsed.success ? { term: parsed.data[0], sortName: parsed.data[1], id: parsed.data[2] } : null;
  } catch {
    return null;
  }
}
