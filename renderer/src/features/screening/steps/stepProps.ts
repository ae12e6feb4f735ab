import type { Assessment } from '#shared/clinical/assessment';
import type { ScreeningState } from '../model/screeningState';

export interface StepProps {
  state: ScreeningState;
  update: (change: (state: ScreeningState) => ScreeningState) => void;
  assessment: Assessment;
}

/** Randomness for the sham's place; Math.random is enough (it only has to be unpredictable to the patient). */
export const random = (): number => Math.random();

export function parseNumber(text: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
