import { assess } from '../clinical/assess';
import type { Assessment } from '../clinical/assessment';
import type { Tri } from '../clinical/tri';
import type { Exam } from '../domain/exam';
import { protocolOfFindings } from '../domain/examProtocol';
import type { Findings } from '../domain/findings';
import type { Patient } from '../domain/patient';
import type { ReferralDestination } from '../domain/settings';
import { fail, ok, type Result } from '../ipc/result';
import type { PatientContacts } from './patientAdvice';

/**
 * What every report part is built from. Everything printed comes from here; the only time that is
 * not the exam's own is `generatedAt`, printed in the footer, so regenerating the report of a
 * signed exam with the same `generatedAt` gives the same document.
 */
export interface ReportInput {
  patient: Patient;
  exam: ReportableExam;
  /** From Settings; printed at the top of every part (may be empty). */
  clinicName: string;
  /**
   * The clinic's phone number and the local emergency number, printed wherever the patient is
   * told to call. Left out: the patient copy names who to call in words, never a blank line.
   */
  contacts?: PatientContacts;
  /** Who signed the exam, as the staff list holds them (role and professional registration). */
  examiner?: ReportExaminer;
  /** The clinic's postal address (Settings), printed on letters as the referrer's address. */
  clinicAddress?: string;
  /** The referral letter's addressee and reason, as chosen when the letter is made. */
  referral?: ReferralChoice;
  /** Print the details appendix after the clinician report (rule identifiers, long lists). */
  details?: boolean;
  /** When this file is made (ISO instant): footer only. */
  generatedAt: string;
  /** IANA time zone in which times are printed (signing, generation); default UTC. */
  timeZone?: string;
}

/** The signing clinician: name, role and professional registration number when recorded. */
export interface ReportExaminer {
  name: string;
  role: string | null;
  registrationNumber: string | null;
}

/** Where a referral letter goes and why, chosen by the clinician who makes it. */
export interface ReferralChoice {
  /** A destination from the clinic's directory; null: the service the follow-up names. */
  destination: ReferralDestination | null;
  /** The clinician's reason, printed first; empty: the reasons of the assessment only. */
  reason: string;
}

/** A signed (or since amended, "superseded") exam: it has its assessment, date and signature. */
export type ReportableExam = Exam & {
  state: 'signed' | 'superseded';
  assessment: Assessment;
  examinedOn: string;
  signedAt: string;
};

/** Only signed exams have reports: a draft can still change, and a report must say what was signed. */
export function reportableExam(exam: Exam): Result<ReportableExam> {
  if (exam.state === 'draft') return fail('conflict', 'This screening is still a draft. Sign it off first; reports are made from signed screenings only.');
  if (exam.state === 'discarded') return fail('not_found', 'This screening draft was discarded, so it has no report.');
  const { assessment, signedAt } = exam;
  if (assessment === null || signedAt === null) return fail('conflict', 'This screening has no signed assessment, so it has no report.');
  return ok({ ...exam, state: exam.state, assessment, signedAt, examinedOn: exam.examinedOn ?? signedAt.slice(0, 10) });
}

/** When and by whom a screening was done and signed. */
export interface Signing {
  /** The exam's id (also its series: a first version). */
  id: number;
  patientId: number;
  examinedOn: string;
  startedAt: string;
  signedAt: string;
  signedBy: string;
  signedByName: string;
}

const triColumn = (value: Tri): 'true' | 'false' | 'unknown' => (value === 'unknown' ? 'unknown' : value ? 'true' : 'false');

/**
 * A signed first version of a screening with these findings, as the app stores one: for reports
 * made outside the app (the report command) and for tests.
 */
export function signedExamOf(findings: Findings, signing: Signing): Exam {
  const assessment = assess(findings);
  return {
    id: signing.id,
    patientId: signing.patientId,
    seriesId: signing.id,
    version: 1,
    state: 'signed',
    examStatus: findings.examStatus ?? 'performed',
    protocol: protocolOfFindings(findings, 'iwgdf-3'),
    examinedOn: signing.examinedOn,
    startedAt: signing.startedAt,
    updatedAt: signing.signedAt,
    signedAt: signing.signedAt,
    signedBy: signing.signedBy,
    signedByName: signing.signedByName,
    amendmentReason: null,
    lops: triColumn(assessment.lops),
    pad: triColumn(assessment.pad),
    redFlag: assessment.redFlag,
    iwgdfCategory: String(assessment.iwgdf2023.category) as Exam['iwgdfCategory'],
    niceCategory: assessment.nice.category,
    sites: { right: null, left: null },
    findings,
    assessment,
    wizard: null,
  };
}
