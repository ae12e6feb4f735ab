import { describe, expect, it } from 'vitest';
import type { Application } from '../domain/findings';
import { deriveVibration } from './vibrationDerivation';

const real = (response: 'yes' | 'no'): Application => ({ sham: false, response });
const mock = (response: 'yes' | 'no'): Application => ({ sham: true, response });

describe('vibration (128 Hz fork and VPT)', () => {
  it('VPT: 25 V or more is abnormal and establishes LOPS; the voltage decides over the result', () => {
    expect(deriveVibration({ method: 'vpt', voltage: 25 }, 'left')).toMatchObject({ state: 'abnormal', establishesLops: true, findings: ['feet.left.vibration.voltage'] });
    expect(deriveVibration({ method: 'vpt', voltage: 24.9, result: 'absent' }, 'left')).toMatchObject({ state: 'normal', establishesLops: false });
    expect(deriveVibration({ method: 'vpt', voltage: null }, 'left').state).toBe('pending');
  });

  it('128 Hz fork: 2 of 3 answers wrong is absent vibration', () => {
    const v = deriveVibration({ method: 'tuning-fork-128', applications: [real('no'), mock('no'), real('no')] }, 'right');
    expect(v).toMatchObject({ state: 'absent', establishesLops: true, findings: ['feet.right.vibration.applications'] });
    expect(v.conventions).toContain('D1');
    const shamYes = deriveVibration({ method: 'tuning-fork-128', applications: [real('yes'), mock('yes'), real('no')] }, 'right');
    expect(shamYes.state).toBe('absent');
    const felt = deriveVibration({ method: 'tuning-fork-128', applications: [real('yes'), mock('no'), real('no')] }, 'right');
    expect(felt.state).toBe('normal');
  });

  it('incomplete fork answers are pending', () => {
    expect(deriveVibration({ method: 'tuning-fork-128', applications: [real('no')] }, 'left').state).toBe('pending');
  });

  it('reduced never establishes LOPS', () => {
    expect(deriveVibration({ method: 'tuning-fork-128', result: 'reduced' }, 'left').establishesLops).toBe(false);
  });

  it('result and answers both recorded: the more abnormal decides, a contradiction is flagged (D12)', () => {
    const v = deriveVibration({ method: 'tuning-fork-128', result: 'normal', applications: [real('no'), mock('no'), real('no')] }, 'left');
    expect(v).toMatchObject({ state: 'absent', conflict: true });
    expect(v.conventions).toContain('D12');
  });

  it('proximal site: absent counts, normal does not decide (D5)', () => {
    expect(deriveVibration({ method: 'tuning-fork-128', result: 'absent', site: 'malleolus' }, 'left')).toMatchObject({ establishesLops: true, atToe: false });
    expect(deriveVibration({ method: 'tuning-fork-128', result: 'normal', site: 'tibial-tuberosity' }, 'left')).toMatchObject({ establishesLops: false, atToe: false });
  });

  it('not recorded is pending; not tested is not tested', () => {
    expect(deriveVibration(undefined, 'left')).toMatchObject({ state: 'pending', method: null });
    expect(deriveVibration({ method: 'tuning-fork-128', result: 'not_tested' }, 'left').state).toBe('not_tested');
  });
});
