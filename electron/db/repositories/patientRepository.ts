import type { Patient, PatientInput, PatientSummary, Sex, DiabetesType } from '#shared/domain/patient';
import { foldForSearch, searchKey, searchWords } from '#shared/text/fold';
import type { Db } from '../types';

/** A row of the patient table (without the recall columns and the folded keys). */
export interface PatientRow {
  id: number;
  clinic_identifier: string;
  family_name: string;
  given_names: string;
  date_of_birth: string;
  sex: string;
  national_number: string | null;
  diabetes_type: string;
  diagnosis_year: number | null;
  phone: string | null;
  preferred_language: string | null;
  notes: string | null;
  title: string | null;
  address_line1: string | null;
  address_line2: string | null;
  address_line3: string | null;
  town: string | null;
  postcode: string | null;
  mobile_phone: string | null;
  email: string | null;
  gp_practice: string | null;
  gp_practice_code: string | null;
  relevant_conditions: string | null;
  medicines: string | null;
  interpreter_needed: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export type SummaryRow = Pick<PatientRow, 'id' | 'clinic_identifier' | 'family_name' | 'given_names' | 'date_of_birth' | 'sex' | 'archived_at'> & {
  sort_name: string;
};

/** Keyset position in a result list: the last row's ordering key. */
export interface SearchPosition {
  term: string;
  sortName: string;
  id: number;
}

interface PageParams {
  includeArchived: number;
  afterSortName: string;
  afterId: number;
  limit: number;
}

function pageParams(includeArchived: boolean, after: SearchPosition | null, limit: number): PageParams {
  return { includeArchived: includeArchived ? 1 : 0, afterSortName: after?.sortName ?? '', afterId: after?.id ?? 0, limit };
}

/** Highest code point: `term < prefix || U+10FFFF` holds for every term starting with the prefix. */
const afterEveryContinuation = '\u{10FFFF}';

/** How many extra words a name search checks besides the driving one (prepared statement variants). */
export const maxExtraSearchWords = 3;

const summaryColumns = 'p.id, p.clinic_identifier, p.family_name, p.given_names, p.date_of_birth, p.sex, p.archived_at, p.sort_name';

/** "smith anna" style key: the order the patient list is shown in. */
export function sortNameOf(p: Pick<PatientInput, 'familyName' | 'givenNames'>): string {
  return `${foldForSearch(p.familyName)}\u0001${foldForSearch(p.givenNames)}`;
}

/** Every word a search may start with: names, clinic identifier, national number (digits only too). */
export function searchTermsOf(p: Pick<PatientInput, 'familyName' | 'givenNames' | 'clinicIdentifier' | 'nationalNumber'>): string[] {
  const terms = new Set<string>([...searchWords(p.familyName), ...searchWords(p.givenNames)]);
  terms.add(searchKey(p.clinicIdentifier));
  if (p.nationalNumber) terms.add(searchKey(p.nationalNumber.replace(/\s+/g, '')));
  return [...terms].filter((t) => t !== '');
}

/** The named parameters of the patient row's insert and update. */
interface PatientParams {
  clinicIdentifier: string;
  clinicIdentifierFolded: string;
  familyName: string;
  givenNames: string;
  sortName: string;
  dateOfBirth: string;
  sex: string;
  nationalNumber: string | null;
  diabetesType: string;
  diagnosisYear: number | null;
  phone: string | null;
  preferredLanguage: string | null;
  notes: string | null;
  title: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  addressLine3: string | null;
  town: string | null;
  postcode: string | null;
  mobilePhone: string | null;
  email: string | null;
  gpPractice: string | null;
  gpPracticeCode: string | null;
  relevantConditions: string | null;
  medicines: string | null;
  interpreterNeeded: number;
  now: string;
}

/** Raw SQL with parameters only, every statement prepared once. */
export class PatientRepository {
  private readonly byIdStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly setArchivedStmt;
  private readonly identifierOwnerStmt;
  private readonly insertTermStmt;
  private readonly deleteTermsStmt;
  private readonly browseStmt;
  private readonly byDateStmts: ReturnType<Db['prepare']>[] = [];
  private readonly termSearchStmts: ReturnType<Db['prepare']>[] = [];

  constructor(db: Db) {
    this.byIdStmt = db.prepare<[number], PatientRow>('SELECT * FROM patient WHERE id = ?');
    this.identifierOwnerStmt = db.prepare<[string], { id: number }>('SELECT id FROM patient WHERE clinic_identifier_folded = ?');
    this.insertStmt = db.prepare<[PatientParams]>(
      `INSERT INTO patient (clinic_identifier, clinic_identifier_folded, family_name, given_names, sort_name, date_of_birth, sex,
         national_number, diabetes_type, diagnosis_year, phone, preferred_language, notes,
         title, address_line1, address_line2, address_line3, town, postcode, mobile_phone, email, gp_practice, gp_practice_code, relevant_conditions, medicines, interpreter_needed, created_at, updated_at, archived_at)
       VALUES (@clinicIdentifier, @clinicIdentifierFolded, @familyName, @givenNames, @sortName, @dateOfBirth, @sex,
         @nationalNumber, @diabetesType, @diagnosisYear, @phone, @preferredLanguage, @notes,
         @title, @addressLine1, @addressLine2, @addressLine3, @town, @postcode, @mobilePhone, @email, @gpPractice, @gpPracticeCode, @relevantConditions, @medicines, @interpreterNeeded, @now, @now, NULL)`,
    );
    this.updateStmt = db.prepare<[PatientParams & { id: number }]>(
      `UPDATE patient SET clinic_identifier = @clinicIdentifier, clinic_identifier_folded = @clinicIdentifierFolded,
         family_name = @familyName, given_names = @givenNames, sort_name = @sortName, date_of_birth = @dateOfBirth, sex = @sex,
         national_number = @nationalNumber, diabetes_type = @diabetesType, diagnosis_year = @diagnosisYear, phone = @phone,
         preferred_language = @preferredLanguage, notes = @notes,
         title = @title, address_line1 = @addressLine1, address_line2 = @addressLine2, address_line3 = @addressLine3, town = @town, postcode = @postcode, mobile_phone = @mobilePhone, email = @email, gp_practice = @gpPractice, gp_practice_code = @gpPracticeCode, relevant_conditions = @relevantConditions, medicines = @medicines, interpreter_needed = @interpreterNeeded, updated_at = @now
       WHERE id = @id`,
    );
    this.setArchivedStmt = db.prepare<[{ id: number; archivedAt: string | null; now: string }]>(
      'UPDATE patient SET archived_at = @archivedAt, updated_at = @now WHERE id = @id',
    );
    this.insertTermStmt = db.prepare<[{ term: string; sortName: string; patientId: number }]>(
      'INSERT OR IGNORE INTO patient_search_term (term, sort_name, patient_id) VALUES (@term, @sortName, @patientId)',
    );
    this.deleteTermsStmt = db.prepare<[{ patientId: number }]>('DELETE FROM patient_search_term WHERE patient_id = @patientId');

    this.browseStmt = db.prepare<[PageParams], SummaryRow>(
      `SELECT ${summaryColumns} FROM patient p
       WHERE (p.archived_at IS NULL OR @includeArchived = 1) AND (p.sort_name, p.id) > (@afterSortName, @afterId)
       ORDER BY p.sort_name, p.id LIMIT @limit`,
    );
    for (let words = 0; words <= maxExtraSearchWords + 1; words++) {
      this.byDateStmts.push(db.prepare(dateSearchSql(words)));
    }
    for (let extra = 0; extra <= maxExtraSearchWords; extra++) {
      this.termSearchStmts.push(db.prepare(termSearchSql(extra)));
    }
  }

  findById(id: number): Patient | null {
    const row = this.byIdStmt.get(id);
    return row ? toPatient(row) : null;
  }

  /** The id of the patient holding this clinic identifier (compared case-insensitively), if any. */
  identifierOwner(clinicIdentifier: string): number | null {
    return this.identifierOwnerStmt.get(foldForSearch(clinicIdentifier))?.id ?? null;
  }

  insert(p: PatientInput, now: string): number {
    const info = this.insertStmt.run(this.params(p, now));
    const id = Number(info.lastInsertRowid);
    this.writeTerms(id, p);
    return id;
  }

  update(id: number, p: PatientInput, now: string): void {
    this.updateStmt.run({ ...this.params(p, now), id });
    this.deleteTermsStmt.run({ patientId: id });
    this.writeTerms(id, p);
  }

  setArchived(change: { id: number; archivedAt: string | null; now: string }): void {
    this.setArchivedStmt.run(change);
  }

  /** All patients in name order, one page after `after`. */
  browse(includeArchived: boolean, after: SearchPosition | null, limit: number): SummaryRow[] {
    return this.browseStmt.all(pageParams(includeArchived, after, limit));
  }

  /**
   * Patients born on one day, in name order; each of `words` must start one of their words.
   * Driven by the date-of-birth index: a day holds few patients, however many words are typed.
   */
  byDateOfBirth(
    dateOfBirth: string,
    words: readonly string[],
    includeArchived: boolean,
    after: SearchPosition | null,
    limit: number,
  ): SummaryRow[] {
    const stmt = this.byDateStmts[words.length];
    if (!stmt) throw new RangeError(`at most ${maxExtraSearchWords + 1} search words`);
    return stmt.all({ ...pageParams(includeArchived, after, limit), dateOfBirth, ...wordParams(words) }) as SummaryRow[];
  }

  /**
   * Patients with a word starting with `driving` and, for each of `others`, a word starting with
   * it. Ordered by the matched word, then name.
   */
  byWords(
    driving: string,
    others: readonly string[],
    includeArchived: boolean,
    after: SearchPosition | null,
    limit: number,
  ): (SummaryRow & { term: string })[] {
    const stmt = this.termSearchStmts[others.length];
    if (!stmt) throw new RangeError(`at most ${maxExtraSearchWords + 1} search words`);
    const params = {
      ...pageParams(includeArchived, after, limit),
      ...wordParams(others),
      lo: driving,
      hi: driving + afterEveryContinuation,
      afterTerm: after?.term ?? '',
    };
    return stmt.all(params) as (SummaryRow & { term: string })[];
  }

  private writeTerms(id: number, p: PatientInput): void {
    const sortName = sortNameOf(p);
    for (const term of searchTermsOf(p)) this.insertTermStmt.run({ term, sortName, patientId: id });
  }

  private params(p: PatientInput, now: string): PatientParams {
    return {
      clinicIdentifier: p.clinicIdentifier,
      clinicIdentifierFolded: foldForSearch(p.clinicIdentifier),
      familyName: p.familyName,
      givenNames: p.givenNames,
      sortName: sortNameOf(p),
      dateOfBirth: p.dateOfBirth,
      sex: p.sex,
      nationalNumber: p.nationalNumber,
      diabetesType: p.diabetesType,
      diagnosisYear: p.diagnosisYear,
      phone: p.phone,
      preferredLanguage: p.preferredLanguage,
      notes: p.notes,
      title: p.title,
      addressLine1: p.addressLine1,
      addressLine2: p.addressLine2,
      addressLine3: p.addressLine3,
      town: p.town,
      postcode: p.postcode,
      mobilePhone: p.mobilePhone,
      email: p.email,
      gpPractice: p.gpPractice,
      gpPracticeCode: p.gpPracticeCode,
      relevantConditions: p.relevantConditions,
      medicines: p.medicines,
      interpreterNeeded: p.interpreterNeeded ? 1 : 0,
      now,
    };
  }
}

function wordParams(words: readonly string[]): Record<string, string> {
  const params: Record<string, string> = {};
  words.forEach((word, i) => {
    params[`lo${i}`] = word;
    params[`hi${i}`] = word + afterEveryContinuation;
  });
  return params;
}

/** `AND EXISTS` clauses: the patient has a word starting with each of the extra prefixes. */
function wordConditions(count: number, patientId: string): string {
  const exists: string[] = [];
  for (let i = 0; i < count; i++) {
    exists.push(
      `AND EXISTS (SELECT 1 FROM patient_search_term x${i} WHERE x${i}.patient_id = ${patientId} AND x${i}.term >= @lo${i} AND x${i}.term < @hi${i})`,
    );
  }
  return exists.join('\n      ');
}

export function dateSearchSql(words: number): string {
  return `SELECT ${summaryColumns} FROM patient p
    WHERE p.date_of_birth = @dateOfBirth AND (p.archived_at IS NULL OR @includeArchived = 1)
      AND (p.sort_name, p.id) > (@afterSortName, @afterId)
      ${wordConditions(words, 'p.id')}
    ORDER BY p.sort_name, p.id LIMIT @limit`;
}

/**
 * The name search: a range scan of one word's prefix over patient_search_term's primary key
 * (already in display order), each further word checked through the (patient_id, term) index.
 */
export function termSearchSql(extraWords: number): string {
  return `SELECT ${summaryColumns}, t.term AS term
    FROM patient_search_term t JOIN patient p ON p.id = t.patient_id
    WHERE t.term >= @lo AND t.term < @hi
      AND (t.term, t.sort_name, t.patient_id) > (@afterTerm, @afterSortName, @afterId)
      AND (p.archived_at IS NULL OR @includeArchived = 1)
      ${wordConditions(extraWords, 't.patient_id')}
    ORDER BY t.term, t.sort_name, t.patient_id
    LIMIT @limit`;
}

export function toSummary(row: SummaryRow): PatientSummary {
  return {
    id: row.id,
    familyName: row.family_name,
    givenNames: row.given_names,
    dateOfBirth: row.date_of_birth,
    // The CHECK constraints of the table guarantee these values.
    sex: row.sex as Sex,
    clinicIdentifier: row.clinic_identifier,
    archivedAt: row.archived_at,
  };
}

function toPatient(row: PatientRow): Patient {
  return {
    ...toSummary({ ...row, sort_name: '' }),
    nationalNumber: row.national_number,
    diabetesType: row.diabetes_type as DiabetesType,
    diagnosisYear: row.diagnosis_year,
    phone: row.phone,
    preferredLanguage: row.preferred_language,
    notes: row.notes,
    title: row.title,
    addressLine1: row.address_line1,
    addressLine2: row.address_line2,
    addressLine3: row.address_line3,
    town: row.town,
    postcode: row.postcode,
    mobilePhone: row.mobile_phone,
    email: row.email,
    gpPractice: row.gp_practice,
    gpPracticeCode: row.gp_practice_code,
    relevantConditions: row.relevant_conditions,
    medicines: row.medicines,
    interpreterNeeded: row.interpreter_needed === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
