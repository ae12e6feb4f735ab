import { describe, expect, it } from 'vitest';
import type { Findings } from '#shared/domain/findings';
import {
  answer,
  applicableSteps,
  chooseProtocol,
  goToStep,
  initialState,
  findingOfReason,
  jumpTo,
  markNotTestable,
  nextStep,
  recordNone,
  sensationSites,
  setExamStatus,
  setFootStatus,
  targetOf,
  touchSequence,
  undo,
  type ScreeningState,
} from './screeningState';

const blank = (): Findings => ({
  schemaVersion: 1,
  examStatus: 'performed',
  feet: {
    right: { status: 'present', monofilament: { protocol: 'iwgdf-3', sites: {} } },
    left: { status: 'present', monofilament: { protocol: 'iwgdf-3', sites: {} } },
  },
});

/** A deterministic "random": returns the given values in turn. */
function sequence(...values: number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
}

/** Answers "correctly" for whatever touch is asked: yes to real, no to sham. */
function answerCorrectly(state: ScreeningState, random: () => number): ScreeningState {
  const pending = state.position.pending;
  if (!pending) throw new Error('nothing asked');
  const touch = pending.sequence[pending.answers.length];
  return answer(state, touch === 'sham' ? 'no' : 'yes', random);
}

describe('touch order', () => {
  it('puts one sham among two real touches, at a random place', () => {
    expect(touchSequence('iwgdf-3', () => 0)).toEqual(['sham', 'real', 'real']);
    expect(touchSequence('iwgdf-3', () => 0.5)).toEqual(['real', 'sham', 'real']);
    expect(touchSequence('iwgdf-3', () => 0.99)).toEqual(['real', 'real', 'sham']);
    expect(touchSequence('ipswich', () => 0.5)).toEqual(['real']);
  });
});

describe('monofilament step', () => {
  it('walks right then left through the protocol sites, storing raw answers with the sham', () => {
    const random = sequence(0.1, 0.5, 0.9);
    let s = goToStep(initialState(blank(), null), 'sensation', random);
    expect(s.position).toMatchObject({ step: 'sensation', side: 'right', site: 'hallux' });
    for (let i = 0; i < 18; i++) s = answerCorrectly(s, random);
    expect(s.position.step).toBe('vibration');
    expect(Object.keys(s.findings.feet.left.monofilament?.sites ?? {})).toEqual(['hallux', 'mth1', 'mth5']);
    expect(s.findings.feet.right.monofilament?.sites.hallux).toEqual({
      applications: [
        { sham: true, response: 'no' },
        { sham: false, response: 'yes' },
        { sham: false, response: 'yes' },
      ],
    });
  });

  it('counts a sham answered "yes" as given: the raw answer is kept for the engine', () => {
    let s = goToStep(initialState(blank(), null), 'sensation', () => 0);
    s = answer(s, 'yes', () => 0); // the sham
    s = answer(s, 'yes', () => 0);
    s = answer(s, 'no', () => 0);
    expect(s.findings.feet.right.monofilament?.sites.hallux).toEqual({
      applications: [
        { sham: true, response: 'yes' },
        { sham: false, response: 'yes' },
        { sham: false, response: 'no' },
      ],
    });
    expect(s.position.site).toBe('mth1');
  });

  it('marks a site not testable with its reason and moves on', () => {
    let s = goToStep(initialState(blank(), null), 'sensation', () => 0);
    s = markNotTestable(s, 'ulcer', () => 0);
    expect(s.findings.feet.right.monofilament?.sites.hallux).toEqual({ result: 'not_tested', reason: 'ulcer' });
    expect(s.position.site).toBe('mth1');
  });

  it('undoes the last answer, then reopens the previous site with its answers minus the last', () => {
    const random = () => 0.99; // sham last
    let s = goToStep(initialState(blank(), null), 'sensation', random);
    s = answer(s, 'yes', random);
    s = undo(s, random);
    expect(s.position.pending?.answers).toEqual([]);
    for (let i = 0; i < 3; i++) s = answerCorrectly(s, random);
    expect(s.position.site).toBe('mth1');
    s = undo(s, random);
    expect(s.position).toMatchObject({ site: 'hallux', pending: { sequence: ['real', 'real', 'sham'], answers: ['yes', 'yes'] } });
    expect(s.findings.feet.right.monofilament?.sites.hallux).toBeUndefined();
  });

  it('lets the protocol change before the first answer only', () => {
    let s = initialState(blank(), null);
    s = chooseProtocol(s, '10-site');
    expect(sensationSites(s)).toHaveLength(20);
    s = chooseProtocol(s, 'ipswich');
    expect(s.findings.feet.left.touchTest).toEqual({ protocol: 'ipswich', sites: {} });
    expect(s.findings.feet.left.monofilament).toBeUndefined();
    s = goToStep(s, 'sensation', () => 0);
    s = answer(s, 'no', () => 0);
    expect(s.findings.feet.right.touchTest?.sites.toe1).toBe('not_felt');
    expect(chooseProtocol(s, 'iwgdf-3')).toBe(s);
  });
});

describe('vibration step', () => {
  it('records the fork answers per foot, then goes on to circulation', () => {
    const random = () => 0.5;
    let s = goToStep(initialState(blank(), null), 'vibration', random);
    expect(s.position).toMatchObject({ step: 'vibration', side: 'right', site: 'tuningFork' });
    for (let i = 0; i < 6; i++) s = answerCorrectly(s, random);
    expect(s.findings.feet.left.vibration).toEqual({
      method: 'tuning-fork-128',
      site: 'hallux',
      applications: [
        { sham: false, response: 'yes' },
        { sham: true, response: 'no' },
        { sham: false, response: 'yes' },
      ],
    });
    expect(s.position.step).toBe('circulation');
  });
});

describe('feet and exam states', () => {
  it('skips an absent foot and leaves only history steps for a declined exam', () => {
    let s = setFootStatus(initialState(blank(), null), 'right', 'absent', 'below-knee amputation 2019');
    expect(s.findings.feet.right).toMatchObject({ status: 'absent', statusReason: 'below-knee amputation 2019' });
    expect(sensationSites(s).every((site) => site.side === 'left')).toBe(true);
    s = setExamStatus(s, 'declined', 'patient in a hurry');
    expect(applicableSteps(s.findings)).toEqual(['setup', 'history', 'symptoms', 'review']);
    expect(s.findings.examStatusReason).toBe('patient in a hurry');
    s = setExamStatus(s, 'performed', '');
    expect(s.findings.examStatusReason).toBeUndefined();
  });
});

describe('"none of these"', () => {
  it('writes an explicit false for every item, never leaves it unrecorded', () => {
    let s = goToStep(initialState(blank(), null), 'skin', () => 0);
    s = recordNone(s, 'skin', () => 0);
    expect(s.findings.feet.right.skin).toEqual({
      activeUlcer: false,
      infection: false,
      gangrene: false,
      callus: false,
      fissures: false,
      dryness: false,
      interdigitalMaceration: false,
      preUlcerativeLesion: false,
    });
    expect(s.findings.feet.right.oedema).toBe(false);
    expect(s.findings.feet.right.nails).toEqual({ thickened: false, ingrown: false, fungal: false });
    expect(s.position.step).toBe('deformity');
    s = recordNone(s, 'history', () => 0);
    expect(s.findings.history).toEqual({
      previousUlcer: false,
      previousAmputation: 'none',
      endStageRenalDisease: false,
      onDialysis: false,
      underVascularClinic: false,
      previousVascularIntervention: false,
    });
  });
});

describe('jumping to a finding', () => {
  it('maps engine paths to the step and site that record them', () => {
    expect(targetOf('feet.left.monofilament.sites.mth5')).toEqual({ step: 'sensation', side: 'left', site: 'mth5' });
    expect(targetOf('feet.right.pulses.dorsalisPedis')).toEqual({ step: 'circulation', side: 'right', site: null });
    expect(targetOf('feet.right.abi')).toEqual({ step: 'circulation', side: 'right', site: null });
    expect(targetOf('history.previousUlcer')).toEqual({ step: 'history', side: null, site: null });
    expect(targetOf('redFlags.suddenOnset')).toEqual({ step: 'symptoms', side: null, site: null });
    const s = jumpTo(initialState(blank(), null), targetOf('feet.left.monofilament.sites.mth5'), () => 0);
    expect(s.position).toMatchObject({ step: 'sensation', side: 'left', site: 'mth5' });
  });

  it('moves through the steps in order', () => {
    let s = initialState(blank(), null);
    const seen: string[] = [s.position.step];
    for (let i = 0; i < 9; i++) {
      s = nextStep(s, () => 0);
      seen.push(s.position.step);
    }
    expect(seen).toEqual(['setup', 'sensation', 'vibration', 'circulation', 'skin', 'deformity', 'history', 'symptoms', 'review', 'review']);
  });
});

describe('"none" never overwrites an answer', () => {
  it('keeps a "yes" already recorded and fills only what was not answered', () => {
    let s = initialState(blank(), null);
    s = { ...s, findings: { ...s.findings, history: { previousUlcer: true } } };
    s = recordNone(goToStep(s, 'history', () => 0), 'history', () => 0);
    expect(s.findings.history).toEqual({
      previousUlcer: true,
      previousAmputation: 'none',
      endStageRenalDisease: false,
      onDialysis: false,
      underVascularClinic: false,
      previousVascularIntervention: false,
    });
  });
});

describe('leaving a site part-way and opening a finding from its reason', () => {
  const started = (): ScreeningState => goToStep(initialState(blank(), null), 'sensation', sequence(0));

  it('keeps the answers given at a site when another step is opened, and gives them back there', () => {
    let s = answer(started(), 'yes', sequence(0));
    expect(s.position.pending?.answers).toEqual(['yes']);
    s = goToStep(s, 'skin', sequence(0.9));
    expect(s.position.step).toBe('skin');
    s = goToStep(s, 'sensation', sequence(0.9));
    expect(s.position).toMatchObject({ side: 'right', site: 'hallux' });
    expect(s.position.pending?.answers).toEqual(['yes']);
    expect(s.parked).toBeUndefined();
  });

  it('opens a recorded site from a reason without starting a new test, and an unrecorded one ready to answer', () => {
    let s = started();
    for (let i = 0; i < 3; i++) s = answer(s, 'no', sequence(0));
    expect(s.findings.feet.right.monofilament?.sites.hallux).toBeDefined();
    const shown = jumpTo(s, targetOf('feet.right.monofilament.sites.hallux'), sequence(0));
    expect(shown.position).toEqual({ step: 'sensation', side: 'right', site: 'hallux', pending: null });
    expect(shown.findings).toBe(s.findings);
    const ready = jumpTo(s, targetOf('feet.left.monofilament.sites.mth5'), sequence(0));
    expect(ready.position.pending?.answers).toEqual([]);
  });

  it('a reason opens the finding that sets it apart: the last one recorded as abnormal', () => {
    const findings: Findings = { ...blank(), feet: { ...blank().feet, right: { ...blank().feet.right, skin: { callus: true } } } };
    expect(findingOfReason(findings, ['feet.left.monofilament.sites.hallux', 'feet.right.skin.callus', 'feet.left.skin.callus'])).toBe('feet.right.skin.callus');
    expect(findingOfReason(findings, ['feet.left.monofilament.sites.hallux', 'feet.left.skin.callus'])).toBe('feet.left.monofilament.sites.hallux');
  });
});
