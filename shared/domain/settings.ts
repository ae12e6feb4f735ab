import * as z from 'zod';
import { nationalNumberFormats } from './nationalNumber';
import { dateOrders } from './patientSearch';

/** The kinds of service a referral letter can be addressed to. */
export const referralServices = ['foot-protection', 'multidisciplinary-foot', 'medical-review', 'vascular', 'other'] as const;
export type ReferralService = (typeof referralServices)[number];
export const referralServiceLabels: Readonly<Record<ReferralService, string>> = {
  'foot-protection': 'Foot protection service',
  'multidisciplinary-foot': 'Multidisciplinary foot care service',
  'medical-review': 'Medical review (GP or physician)',
  vascular: 'Vascular service',
  other: 'Other service',
};

/** One place referral letters go to, kept by the clinic in Settings. */
export const referralDestinationSchema = z
  .object({
    /** Stable within the clinic's list (letters record which destination they went to). */
    id: z.string().trim().min(1).max(40),
    service: z.enum(referralServices),
    /** As the letter addresses it, e.g. "Podiatry: Foot Protection Team, Riverside Health Centre". */
    name: z.string().trim().min(1, 'Enter the name of the service').max(120, 'At most 120 characters'),
    /** Postal address as printed, one line per line. */
    address: z.string().trim().max(400, 'At most 400 characters'),
    phone: z.string().trim().max(40, 'At most 40 characters'),
    email: z.string().trim().max(120, 'At most 120 characters'),
  })
  .strict();
export type ReferralDestination = z.infer<typeof referralDestinationSchema>;

/** How saved and downloaded report files are named; never by the patient's name by default. */
export const reportFileNamings = ['identifier-date', 'date-identifier', 'name-identifier-date'] as const;
export type ReportFileNaming = (typeof reportFileNamings)[number];
/** How each naming reads in Settings. */
export const reportFileNamingLabels: Readonly<Record<ReportFileNaming, string>> = {
  'identifier-date': 'Clinic identifier, then the date',
  'date-identifier': 'Date, then the clinic identifier',
  'name-identifier-date': 'Patient name, clinic identifier and date (the name then shows in folders and e-mail attachments)',
};

/** An empty clinic phone or emergency number would leave a blank where a patient is told to call. */
export function missingClinicContacts(s: Pick<ClinicSettings, 'clinicPhone' | 'emergencyNumber'>): ('clinicPhone' | 'emergencyNumber')[] {
  const missing: ('clinicPhone' | 'emergencyNumber')[] = [];
  if (s.clinicPhone.trim() === '') missing.push('clinicPhone');
  if (s.emergencyNumber.trim() === '') missing.push('emergencyNumber');
  return missing;
}

/** Clinic-wide settings an administrator changes in Settings. */
export const clinicSettingsSchema = z
  .object({
    /** Printed at the top of every report. */
    clinicName: z.string().trim().max(120, 'At most 120 characters'),
    /** Lock the screen after this many minutes without a key press or click (1 to 120). */
    idleLockMinutes: z.number().int().min(1, 'At least 1 minute').max(120, 'At most 120 minutes'),
    /** The clinic's own phone number: printed wherever a patient is told to call (never a blank line). */
    clinicPhone: z.string().trim().max(40, 'At most 40 characters'),
    /** Postal address of the clinic, printed on letters as the referrer's address. */
    clinicAddress: z.string().trim().max(400, 'At most 400 characters'),
    /** The local emergency number (e.g. 999 or 112), printed on urgent patient copies. */
    emergencyNumber: z.string().trim().max(20, 'At most 20 characters'),
    /** Which national patient number the clinic uses, so it can be checked as typed. */
    nationalNumberFormat: z.enum(nationalNumberFormats),
    /** How typed dates such as 03/07/1956 are read (ISO year-month-day is always understood). */
    dateOrder: z.enum(dateOrders),
    reportFileNaming: z.enum(reportFileNamings),
    referralDestinations: z.array(referralDestinationSchema).max(50, 'At most 50 destinations'),
  })
  .strict();
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

export const defaultClinicSettings: ClinicSettings = {
  clinicName: '',
  idleLockMinutes: 5,
  clinicPhone: '',
  clinicAddress: '',
  emergencyNumber: '',
  nationalNumberFormat: 'nhs',
  dateOrder: 'dmy',
  reportFileNaming: 'identifier-date',
  referralDestinations: [],
};

// Recall: when each patient is due for the next screen, and what invitation letters say.
export * from './recallSettings';
