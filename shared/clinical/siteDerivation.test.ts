import { describe, expect, it } from 'vitest';
import type { Application } from '../domain/findings';
import { decideAnswers, deriveMonofilamentSite, deriveTouchTestSite, isAmputatedSite, tallyAnswers } from './siteDerivation';

const real = (response: 'yes' | 'no'): Application => ({ sham: false, response });
const sham = (response: 'yes' | 'no'): Application => ({ sham: true, response });

describe('felt / not felt from raw answers (IWGDF procedure, convention D1)', () => {
  it('2 of 3 correct is felt', () => {
    expect(deriveMonofilamentSite({ applications: [real('yes'), sham('no'), real('yes')] }).state).toBe('felt');
    expect(deriveMonofilamentSite({ applications: [real('yes'), sham('no'), real('no')] }).state).toBe('felt');
  });

  it('2 of 3 wrong is not felt', () => {
    expect(deriveMonofilamentSite({ applications: [real('no'), sham('no'), real('no')] }).state).toBe('not_felt');
  });

  it('a sham answered "yes" is a wrong answer', () => {
    const site = deriveMonofilamentSite({ applications: [real('yes'), sham('yes'), real('no')] });
    expect(site.state).toBe('not_felt');
    expect(site.answers).toEqual({ real: 2, sham: 1, correct: 1, wrong: 2, shamAnsweredYes: 1 });
    expect(site.explanation).toContain('sham answered "yes"');
  });

  it('a patient answering "yes" to everything is not felt (the sham catches the guessing)', () => {
    expect(deriveMonofilamentSite({ applications: [real('yes'), sham('yes'), real('yes')] }).state).toBe('felt');
    // One sham answered yes of three: 1 wrong, still felt; two shams answered yes of four: 2 of 4 wrong.
    expect(deriveMonofilamentSite({ applications: [real('yes'), sham('yes'), real('yes'), sham('yes')] }).state).toBe('not_felt');
  });

  it('fewer answers than the procedure needs is pending, and says what is missing', () => {
    const none = deriveMonofilamentSite({ applications: [] });
    expect(none.state).toBe('pending');
    const two = deriveMonofilamentSite({ applications: [real('no'), real('no')] });
    expect(two.state).toBe('pending');
    expect(two.explanation).toContain('a sham application');
    const noSecondReal = deriveMonofilamentSite({ applications: [real('yes'), sham('no'), sham('no')] });
    expect(noSecondReal.state).toBe('pending');
    expect(noSecondReal.explanation).toContain('1 more real application');
  });

  it('beyond 3 answers: insensate when at least half are wrong (a tie is insensate)', () => {
    expect(decideAnswers(tallyAnswers([real('yes'), real('no'), sham('no'), sham('yes')]))).toBe('insensate');
    expect(decideAnswers(tallyAnswers([real('yes'), real('yes'), sham('no'), sham('yes')]))).toBe('sensate');
    expect(decideAnswers(tallyAnswers([real('yes'), real('yes'), sham('no'), sham('no')]))).toBe('sensate');
    expect(decideAnswers(tallyAnswers([real('yes'), real('yes'), real('no'), sham('no'), sham('no')]))).toBe('sensate');
    expect(decideAnswers(tallyAnswers([real('yes'), real('no'), real('no'), sham('no'), sham('yes')]))).toBe('insensate');
  });
});

describe('recorded site values', () => {
  it('reads the plain values', () => {
    expect(deriveMonofilamentSite('felt').state).toBe('felt');
    expect(deriveMonofilamentSite('not_felt').state).toBe('not_felt');
    expect(deriveMonofilamentSite('not_tested').state).toBe('not_tested');
  });

  it('keeps the reason a site was not testable', () => {
    const site = deriveMonofilamentSite({ result: 'not_tested', reason: 'ulcer', note: 'plantar ulcer' });
    expect(site).toMatchObject({ state: 'not_tested', reason: 'ulcer', note: 'plantar ulcer' });
    expect(site.explanation).toBe('Not tested: ulcer (plantar ulcer)');
    expect(isAmputatedSite(site)).toBe(false);
    expect(isAmputatedSite(deriveMonofilamentSite({ result: 'not_tested', reason: 'amputation' }))).toBe(true);
  });

  it('an unrecorded site is pending, not normal', () => {
    expect(deriveMonofilamentSite(undefined).state).toBe('pending');
    expect(deriveTouchTestSite(undefined).state).toBe('pending');
  });

  it('reads Ipswich toes', () => {
    expect(deriveTouchTestSite('not_felt').state).toBe('not_felt');
    expect(deriveTouchTestSite({ result: 'not_tested', reason: 'amputation' }).reason).toBe('amputation');
  });
});
