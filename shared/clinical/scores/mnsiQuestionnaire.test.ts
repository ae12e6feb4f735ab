import { describe, expect, it } from 'vitest';
import { mnsiQuestionKeys, type MnsiQuestionnaire } from '../../domain/findingsForm';
import { mnsiQuestions, scoreMnsiQuestionnaire } from './mnsiQuestionnaire';

/** Every question answered the same way. */
function all(answer: boolean): MnsiQuestionnaire {
  return Object.fromEntries(mnsiQuestionKeys.map((k) => [k, answer]));
}

describe('MNSI history questionnaire, scored as published', () => {
  it('scores YES on 1-3, 5, 6, 8, 9, 11, 12, 14, 15, NO on 7 and 13, and never 4 or 10', () => {
    expect(mnsiQuestions.filter((q) => q.scoresOn === 'yes').map((q) => q.number)).toEqual([1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15]);
    expect(mnsiQuestions.filter((q) => q.scoresOn === 'no').map((q) => q.number)).toEqual([7, 13]);
    expect(mnsiQuestions.filter((q) => q.scoresOn === null).map((q) => q.number)).toEqual([4, 10]);
  });

  it('all YES gives 11 (7 and 13 score on NO; 4 and 10 never score)', () => {
    expect(scoreMnsiQuestionnaire(all(true))).toMatchObject({ total: 11, max: 13, answered: 15, unansweredScored: [] });
  });

  it('all NO gives 2 (questions 7 and 13)', () => {
    expect(scoreMnsiQuestionnaire(all(false)).total).toBe(2);
  });

  it('the worst possible answers give 13, the best 0', () => {
    const worst = { ...all(true), q7: false, q13: false };
    const best = { ...all(false), q7: true, q13: true };
    expect(scoreMnsiQuestionnaire(worst).total).toBe(13);
    expect(scoreMnsiQuestionnaire(best).total).toBe(0);
  });

  it('questions 4 and 10 change nothing', () => {
    const best = { ...all(false), q7: true, q13: true };
    expect(scoreMnsiQuestionnaire({ ...best, q4: true, q10: true }).total).toBe(0);
  });

  it('gives no total while a scored question is unanswered, and names it', () => {
    const { q13: _q13, q4: _q4, ...partial } = { ...all(false), q7: true, q13: true };
    const s = scoreMnsiQuestionnaire(partial);
    expect(s.total).toBeNull();
    expect(s.unansweredScored).toEqual([13]);
    expect(s.meaning).toBeNull();
    // Question 4 is not scored, so leaving it out does not block the total.
    expect(scoreMnsiQuestionnaire({ ...partial, q13: true }).total).toBe(0);
  });

  it('explains the total against the published cut-offs (7, and the later 4)', () => {
    const seven = { ...all(false), q7: true, q13: true, q1: true, q2: true, q3: true, q5: true, q6: true, q8: true, q9: true };
    expect(scoreMnsiQuestionnaire(seven).meaning).toMatch(/^7 of 13: .*abnormal/);
    const four = { ...all(false), q7: true, q13: true, q1: true, q2: true, q3: true, q5: true };
    expect(scoreMnsiQuestionnaire(four).meaning).toMatch(/^4 of 13: .*below the original cut-off/);
    expect(scoreMnsiQuestionnaire(undefined)).toMatchObject({ total: null, answered: 0, unansweredScored: [1, 2, 3, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15] });
  });
});
