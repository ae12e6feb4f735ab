import type { Findings } from '#shared/domain/findings';
import { vignetteFindings } from '#shared/report/fixtures/reportInputs';
import { seedPatient, type RunningHarness, type SeedPatient } from './harness';

/** A worked case with a known category (shared/clinical/fixtures/vignettes.json), a fresh copy each time. */
export function vignette(id: string): Findings {
  return vignetteFindings(id);
}

/** The categories of the vignettes the specs use, as the test's own truth (not asked of the app). */
export const vignetteCategories: Readonly<Record<string, { nice: string; iwgdf: string }>> = {
  V01: { nice: 'low', iwgdf: '0' },
  V04: { nice: 'moderate', iwgdf: '1' },
  V10: { nice: 'high', iwgdf: '2' },
  V14: { nice: 'high', iwgdf: '3' },
  V21: { nice: 'active', iwgdf: 'urgent' },
};

/** Signs a screening with a vignette's findings on a date, through the app's own operations. */
export async function signedExam(harness: RunningHarness, patientId: number, examinedOn: string, findings: Findings): Promise<number> {
  const exam = await harness.call('startScreening', { patientId, protocol: 'iwgdf-3', examinedOn });
  await harness.call('signExam', { id: exam.id, findings });
  return exam.id;
}

export async function amendedExam(harness: RunningHarness, examId: number, findings: Findings): Promise<number> {
  const draft = await harness.call('amendExam', { id: examId, reason: 'Result entered on the wrong foot' });
  await harness.call('signExam', { id: draft.id, findings });
  return draft.id;
}

let serial = 0;
export async function patient(harness: RunningHarness, familyName: string, givenNames = 'Anna', extra: Partial<SeedPatient> = {}): Promise<number> {
  serial += 1;
  const p = await seedPatient(harness, { familyName, givenNames, dateOfBirth: '1951-04-09', clinicIdentifier: `W-${serial}-${familyName.slice(0, 3)}`, ...extra });
  return p.id;
}

/** The computer's calendar date, as the app's recall counts it (the harness runs on this machine). */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Calendar arithmetic written out here, independently of the app's own. */
export function shiftDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function shiftMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** "3 Mar 2026" as the screen shows dates in the en-GB locale the specs run in. */
export function shown(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
