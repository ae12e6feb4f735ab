import * as z from 'zod';
import { assertNever } from '../ipc/result';
import { referralDecision, referralOfferText } from './referral';
import type { ReportableExam } from './reportInput';

/** The parts of the report pack, in the order they are printed. */
export const reportParts = ['clinician', 'patient', 'referral'] as const;
export type ReportPart = (typeof reportParts)[number];

export const reportPartLabels: Readonly<Record<ReportPart, string>> = {
  clinician: 'Clinician report',
  patient: 'Patient copy',
  referral: 'Referral letter',
};

export const reportPartAvailabilitySchema = z.object({
  part: z.enum(reportParts),
  label: z.string(),
  available: z.boolean(),
  /** What the part is, or why it is (not) offered, in one or two sentences. */
  reason: z.string(),
});
export type ReportPartAvailability = z.infer<typeof reportPartAvailabilitySchema>;

/**
 * Which parts an exam has: the clinician report and the patient copy always; the referral letter
 * only when it is warranted (see referral.ts), with the reason either way.
 */
export function availableReportParts(exam: ReportableExam): ReportPartAvailability[] {
  const referral = referralDecision(exam.assessment, exam.examinedOn);
  return reportParts.map((part) => {
    switch (part) {
      case 'clinician':
        return { part, label: reportPartLabels[part], available: true, reason: 'Findings per foot, the diagram, categories with reasons, action and next review date.' };
      case 'patient':
        return { part, label: reportPartLabels[part], available: true, reason: 'Plain language: what was checked, what it means, foot care and when to get help.' };
      case 'referral':
        return { part, label: reportPartLabels[part], available: referral.warranted, reason: referralOfferText(referral) };
      default:
        return assertNever(part, 'report part');
    }
  });
}

/** Parts in print order without repeats, whatever order they were asked for in. */
export function orderedParts(parts: readonly ReportPart[]): ReportPart[] {
  return reportParts.filter((p) => parts.includes(p));
}
