import * as z from 'zod';
import { allRecallCategories, recallCategories } from '../recall/recallRules';
import { isIsoDate } from '../text/dates';
import { deliveryModes, deliverySchema } from './files';
import { patientIdSchema } from './patient';
import { recallGuidelines } from './recallSettings';

/**
 * Recall worklist, contact attempts, invitation letters, dashboard and CSV export: the
 * shapes that cross between the renderer and the application.
 */

const isoDate = (message: string) => z.string().refine(isIsoDate, message);

// ---- Contact attempts ------------------------------------------------------------------------

export const contactKinds = ['phoned', 'letter', 'no_answer', 'declined'] as const;
export type ContactKind = (typeof contactKinds)[number];
export const contactKindLabels: Readonly<Record<ContactKind, string>> = {
  phoned: 'Phoned, spoke to the patient',
  letter: 'Invitation letter sent',
  no_answer: 'Phoned, no answer',
  declined: 'Declined screening',
};

export const recordContactRequestSchema = z
  .object({
    patientId: patientIdSchema,
    kind: z.enum(contactKinds, { error: 'Choose what happened' }),
    contactedOn: isoDate('Enter the date as year-month-day'),
    note: z
      .string()
      .trim()
      .max(500, 'At most 500 characters')
      .nullish()
      .transform((v): string | null => (v ? v : null)),
  })
  .strict();
export type RecordContactRequest = z.input<typeof recordContactRequestSchema>;

export const contactSchema = z.object({
  id: z.number().int(),
  patientId: z.number().int(),
  contactedOn: z.string(),
  kind: z.enum(contactKinds),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type Contact = z.infer<typeof contactSchema>;

// ---- A patient's recall ----------------------------------------------------------------------

export const patientRecallSchema = z.object({
  patientId: z.number().int(),
  guideline: z.enum(recallGuidelines),
  /** The examination the recall counts from (current signed version), or null: never screened. */
  lastExamId: z.number().int().nullable(),
  lastExaminedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  /** 0: active disease, due at once (referral, not recall). */
  months: z.number().int().nullable(),
  /** Why this date, in words: "NICE NG19 high risk: every 1 month (clinic setting)". */
  reason: z.string(),
  today: z.string(),
  contacts: z.array(contactSchema),
});
export type PatientRecall = z.infer<typeof patientRecallSchema>;

// ---- Worklist --------------------------------------------------------------------------------

export const worklistViews = ['overdue', 'due-soon', 'never-screened'] as const;
export type WorklistView = (typeof worklistViews)[number];
export const worklistViewLabels: Readonly<Record<WorklistView, string>> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'never-screened': 'Never screened',
};
export const worklistSorts = ['due', 'name'] as const;
export type WorklistSort = (typeof worklistSorts)[number];

export const worklistRequestSchema = z
  .object({
    view: z.enum(worklistViews),
    /** "Due in the next N days" (today included). */
    withinDays: z.number().int().min(1, 'At least 1 day').max(365, 'At most 365 days').default(30),
    /** A category of the clinic's recall guideline; null for all. Not used for never screened. */
    category: z.enum(allRecallCategories).nullable().default(null),
    /** Start of a name, clinic identifier or national number. */
    search: z.string().max(100).default(''),
    /** Due date (most overdue first) or name. Never screened is always by name. */
    sort: z.enum(worklistSorts).default('due'),
    cursor: z.string().max(500).nullable().default(null),
    limit: z.number().int().min(1).max(200).default(100),
  })
  .strict();
export type WorklistRequest = z.input<typeof worklistRequestSchema>;
export type ParsedWorklistRequest = z.output<typeof worklistRequestSchema>;

export const worklistItemSchema = z.object({
  patientId: z.number().int(),
  familyName: z.string(),
  givenNames: z.string(),
  dateOfBirth: z.string(),
  clinicIdentifier: z.string(),
  phone: z.string().nullable(),
  lastExamId: z.number().int().nullable(),
  lastExaminedOn: z.string().nullable(),
  examStatus: z.enum(['performed', 'declined', 'unsuitable']).nullable(),
  iwgdfCategory: z.enum(recallCategories.iwgdf).nullable(),
  niceCategory: z.enum(recallCategories.nice).nullable(),
  months: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  lastContact: z.object({ contactedOn: z.string(), kind: z.enum(contactKinds) }).nullable(),
  /** Contact attempts recorded since the last signed examination. */
  contactsSinceExam: z.number().int(),
});
export type WorklistItem = z.infer<typeof worklistItemSchema>;

export const worklistCountsSchema = z.object({ overdue: z.number().int(), dueSoon: z.number().int(), neverScreened: z.number().int() });
export type WorklistCounts = z.infer<typeof worklistCountsSchema>;

export const worklistResponseSchema = z.object({
  items: z.array(worklistItemSchema),
  nextCursor: z.string().nullable(),
  /** With the same category and search: the number on each tab. */
  counts: worklistCountsSchema,
  today: z.string(),
  guideline: z.enum(recallGuidelines),
});
export type WorklistResponse = z.infer<typeof worklistResponseSchema>;

// ---- Jobs with progress ----------------------------------------------------------------------

/** Chosen by the page, so it can ask for progress while the job's own request is still running. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/, 'A job id is 8-64 letters, digits or dashes');

export const jobProgressSchema = z.object({
  /** What the job is doing now, in words: "Writing rows", "Making the PDF". */
  step: z.string(),
  done: z.number().int(),
  /** Null while the total is not known. */
  total: z.number().int().nullable(),
  finished: z.boolean(),
});
export type JobProgress = z.infer<typeof jobProgressSchema>;

// ---- Invitation letters ----------------------------------------------------------------------

/** More than this in one PDF keeps the computer busy for many seconds: print in batches. */
export const maxLettersPerPdf = 500;

export const printLettersRequestSchema = z
  .object({
    patientIds: z
      .array(patientIdSchema)
      .min(1, 'Choose at least one patient')
      .max(maxLettersPerPdf, `At most ${maxLettersPerPdf} letters at a time: choose fewer patients`)
      .refine((ids) => new Set(ids).size === ids.length, 'Each patient can be chosen once'),
    /** Record "invitation letter sent" for each patient, dated today. */
    recordContact: z.boolean().default(true),
    mode: z.enum(deliveryModes),
    jobId: jobIdSchema,
  })
  .strict();

export const printLettersResponseSchema = z.object({ delivery: deliverySchema, letters: z.number().int(), contactsRecorded: z.number().int() });

// ---- Dashboard -------------------------------------------------------------------------------

export const dashboardRequestSchema = z
  .object({
    from: isoDate('Enter the start date as year-month-day'),
    to: isoDate('Enter the end date as year-month-day'),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'The start date must be on or before the end date', path: ['to'] });

const countsOf = <T extends readonly [string, ...string[]]>(keys: T) => z.record(z.enum(keys), z.number().int());

export const dashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  today: z.string(),
  guideline: z.enum(recallGuidelines),
  /** Patients on the register now (not archived). */
  patients: z.number().int(),
  /** Of them, screened (a signed examination) in the 12 months up to `to`. */
  screened12Months: z.object({ screened: z.number().int(), windowFrom: z.string(), windowTo: z.string() }),
  /** Signed examinations (current versions) dated in the range, and how many patients they cover. */
  screenings: z.number().int(),
  patientsScreened: z.number().int(),
  categoryMix: z.object({ nice: countsOf(recallCategories.nice), iwgdf: countsOf(recallCategories.iwgdf) }),
  /** Today, whatever the range: a due date is about now. */
  overdueToday: z.number().int(),
  neverScreened: z.number().int(),
  /** Screenings in the range with NICE high or active, or IWGDF 3 or urgent; and of them, those with a referral letter made. */
  highRisk: z.object({ results: z.number().int(), withReferralLetter: z.number().int() }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

// ---- CSV export ------------------------------------------------------------------------------

export const exportDatasets = ['patients', 'exams', 'assessments'] as const;
export type ExportDataset = (typeof exportDatasets)[number];
export const exportDatasetLabels: Readonly<Record<ExportDataset, string>> = {
  patients: 'Patients',
  exams: 'Examinations with per-site results',
  assessments: 'Assessments (categories and reasons)',
};

export const exportCsvRequestSchema = z
  .object({
    dataset: z.enum(exportDatasets),
    /** Examinations dated in this range (both ends included); null for all. Ignored for patients. */
    from: isoDate('Enter the start date as year-month-day').nullable().default(null),
    to: isoDate('Enter the end date as year-month-day').nullable().default(null),
    jobId: jobIdSchema,
  })
  .strict();
export type ExportCsvRequest = z.output<typeof exportCsvRequestSchema>;

export const exportCsvResponseSchema = z.object({ delivery: deliverySchema, rows: z.number().int() });
