import { mnsiQuestionKeys, type MnsiQuestionKey, type MnsiQuestionnaire } from '../../domain/findingsForm';
import type { NdsBand } from './nds';

/**
 * Michigan Neuropathy Screening Instrument, patient history questionnaire (Feldman et al.,
 * Diabetes Care 1994;17:1281-9; University of Michigan public form; scoring as in
 * clinicedc/edc-mnsi `calculator.py`). The patient answers 15 questions yes or no.
 *
 * Scoring as published: 1 point for YES on questions 1-3, 5, 6, 8, 9, 11, 12, 14 and 15, and 1
 * point for NO on questions 7 and 13 (being able to tell hot from cold water, and to sense the
 * feet when walking, are the normal answers). Question 4 (muscle cramps: circulation) and
 * question 10 (weakness all over: general asthenia) are asked but not scored. Maximum 13.
 *
 * The total is given only when all 13 scored questions are answered; otherwise the unanswered
 * ones are listed. The publication's authors counted 7 or more as abnormal; later work suggested
 * 4 or more (Herman et al., Diabet Med 2012;29:937-44). Both are shown in words, neither decides
 * a risk category.
 */

export interface MnsiQuestion {
  key: MnsiQuestionKey;
  number: number;
  /** The question as printed on the public form. */
  text: string;
  /** The answer that scores a point; null for the two questions that are not scored. */
  scoresOn: 'yes' | 'no' | null;
}

const texts: Readonly<Record<MnsiQuestionKey, string>> = {
  q1: 'Are your legs and/or feet numb?',
  q2: 'Do you ever have any burning pain in your legs and/or feet?',
  q3: 'Are your feet too sensitive to touch?',
  q4: 'Do you get muscle cramps in your legs and/or feet?',
  q5: 'Do you ever have any prickling feelings in your legs or feet?',
  q6: 'Does it hurt when the bed covers touch your skin?',
  q7: 'When you get into the tub or shower, are you able to tell the hot water from the cold water?',
  q8: 'Have you ever had an open sore on your foot?',
  q9: 'Has your doctor ever told you that you have diabetic neuropathy?',
  q10: 'Do you feel weak all over most of the time?',
  q11: 'Are your symptoms worse at night?',
  q12: 'Do your legs hurt when you walk?',
  q13: 'Are you able to sense your feet when you walk?',
  q14: 'Is the skin on your feet so dry that it cracks open?',
  q15: 'Have you ever had an amputation?',
};

/** Questions whose NO scores a point. */
const reversed: ReadonlySet<MnsiQuestionKey> = new Set(['q7', 'q13']);
/** Questions asked but not scored. */
const notScored: ReadonlySet<MnsiQuestionKey> = new Set(['q4', 'q10']);

export const mnsiQuestions: readonly MnsiQuestion[] = mnsiQuestionKeys.map((key, i) => ({
  key,
  number: i + 1,
  text: texts[key],
  scoresOn: notScored.has(key) ? null : reversed.has(key) ? 'no' : 'yes',
}));

export const mnsiQuestionnaireMax = 13;
/** Original cut-off (Feldman 1994). */
export const mnsiQuestionnaireAbnormalAtOrAbove = 7;
/** Lower cut-off suggested later (Herman 2012). */
export const mnsiQuestionnaireLowerCutOff = 4;

export interface MnsiQuestionnaireScore {
  /** Points so far from the answered scored questions. */
  points: number;
  /** The total, only when every scored question is answered. */
  total: number | null;
  max: number;
  answered: number;
  /** Numbers of the scored questions not answered. */
  unansweredScored: number[];
  /** What the total means, in words (null while incomplete). */
  meaning: string | null;
}

export function scoreMnsiQuestionnaire(answers: MnsiQuestionnaire | undefined): MnsiQuestionnaireScore {
  let points = 0;
  let answered = 0;
  const unansweredScored: number[] = [];
  for (const q of mnsiQuestions) {
    const a = answers?.[q.key];
    if (a !== undefined) answered += 1;
    if (q.scoresOn === null) continue;
    if (a === undefined) unansweredScored.push(q.number);
    else if ((a && q.scoresOn === 'yes') || (!a && q.scoresOn === 'no')) points += 1;
  }
  const total = unansweredScored.length === 0 ? points : null;
  return { points, total, max: mnsiQuestionnaireMax, answered, unansweredScored, meaning: total === null ? null : mnsiQuestionnaireMeaning(total) };
}

export function mnsiQuestionnaireMeaning(total: number): string {
  if (total >= mnsiQuestionnaireAbnormalAtOrAbove) {
    return `${total} of ${mnsiQuestionnaireMax}: many symptoms of neuropathy (7 or more is abnormal in the original publication)`;
  }
  if (total >= mnsiQuestionnaireLowerCutOff) {
    return `${total} of ${mnsiQuestionnaireMax}: some symptoms of neuropathy (below the original cut-off of 7; 4 or more is the lower cut-off suggested later)`;
  }
  return `${total} of ${mnsiQuestionnaireMax}: few symptoms of neuropathy (below both published cut-offs)`;
}

/**
 * The NDS bands in words. The four bands are those of the public calculator the score's structure
 * comes from; it gives them no names, so the words say only where the score lies (more points =
 * more signs of neuropathy), not a severity grade the sources do not give.
 */
export const ndsBandMeaning: Readonly<Record<NdsBand, string>> = {
  '0-2': 'lowest of four bands (0–2): few or no signs of neuropathy',
  '3-4': 'second of four bands (3–4): some signs of neuropathy',
  '5-6': 'third of four bands (5–6): more signs of neuropathy',
  '7-10': 'highest of four bands (7–10): many signs of neuropathy',
};

/** The MNSI examination result in words: original score abnormal at 2.5 or more of 8. */
export function mnsiExamMeaning(total: number, max: number, cutOff: number | null): string {
  if (cutOff === null) return `${total} of ${max} (no published cut-off for this version)`;
  return total >= cutOff
    ? `${total} of ${max}: abnormal (${cutOff} or more suggests neuropathy)`
    : `${total} of ${max}: below the cut-off of ${cutOff} (neuropathy not suggested by the examination)`;
}
