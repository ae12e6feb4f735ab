import type { DiabetesType, Sex } from '../domain/patient';

/**
 * A patient as it comes in from a register (CSV from a GP or hospital system, FHIR `Patient`
 * resources) and as it goes out in FHIR. It is the patient record plus the identity and contact
 * details registers carry and the record does not hold yet (postal address, mobile, email, GP
 * practice, interpreter, date of death); the database keeps these once the patient record gains
 * them. Every text is trimmed; empty means null.
 */
export interface PostalAddress {
  /** House, street and locality lines, in order; at most 5. */
  lines: string[];
  /** Post town or city. */
  city: string | null;
  /** County or region. */
  district: string | null;
  /** UK postcodes in capitals with one space before the last three characters ("SW1A 1AA"). */
  postcode: string | null;
}

export interface GpPractice {
  name: string | null;
  /** The practice's national organisation code (in England the ODS code, e.g. "A81001"). */
  code: string | null;
}

export interface ExchangePatient {
  familyName: string;
  givenNames: string;
  /** "Mrs", "Dr" ...: used for letters; not part of the name. */
  title: string | null;
  /** ISO `YYYY-MM-DD`. */
  dateOfBirth: string;
  sex: Sex;
  /** The clinic's format, normalised (no spaces or dashes) and checked. */
  nationalNumber: string | null;
  /** The clinic's or hospital's own patient identifier, without spaces. */
  clinicIdentifier: string | null;
  diabetesType: DiabetesType;
  diagnosisYear: number | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  address: PostalAddress | null;
  gpPractice: GpPractice | null;
  /** The patient's usual GP, as named in the register. */
  usualGp: string | null;
  preferredLanguage: string | null;
  interpreterNeeded: boolean | null;
  /** ISO date; a register may still list patients who have died. */
  dateOfDeath: string | null;
}

/** What a candidate row of an import carries besides the patient: where it was and how recent it is. */
export interface ImportedPatient {
  /** Where the row is in the file, counted as a person sees it (spreadsheet row, NDJSON line, Bundle entry). */
  at: number;
  /** "row 12", "line 3", "entry 4": the same place in words. */
  where: string;
  /** When the source system last changed this record (ISO date or instant), if the file says. */
  lastUpdated: string | null;
  patient: ExchangePatient;
}

/** A row that will not be imported, with every reason found. */
export interface RefusedImport {
  at: number;
  where: string;
  reasons: string[];
  /** A short label for the list of refusals ("SMITH, John"), when the row has one. */
  label: string | null;
}

/** Every field of an exchanged patient, empty: the base a row is built on. */
export function blankExchangePatient(): ExchangePatient {
  return {
    familyName: '',
    givenNames: '',
    title: null,
    dateOfBirth: '',
    sex: 'unknown',
    nationalNumber: null,
    clinicIdentifier: null,
    diabetesType: 'unknown',
    diagnosisYear: null,
    phone: null,
    mobile: null,
    email: null,
    address: null,
    gpPractice: null,
    usualGp: null,
    preferredLanguage: null,
    interpreterNeeded: null,
    dateOfDeath: null,
  };
}
