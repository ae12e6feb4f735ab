import { describe, expect, it } from 'vitest';
import type { FootFindings } from '../domain/findings';
import { assess } from './assess';
import { normalWith } from './fixtures/findingsBuilders';

function scoredFoot(foot: FootFindings): void {
  foot.skin = { ...foot.skin, dryness: false };
  foot.ankleReflex = 'present';
  foot.pinPrick = 'normal';
  foot.temperature = 'normal';
}

describe('MNSI examination', () => {
  it('is not scored when items are missing, and lists them', () => {
    const a = assess(normalWith(() => undefined));
    expect(a.scores.mnsiExam.total).toBeNull();
    expect(a.scores.mnsiExam.abnormal).toBeNull();
    expect(a.scores.mnsiExam.missingItems).toEqual(
      expect.arrayContaining(['feet.right.skin.dryness', 'feet.right.ankleReflex', 'feet.left.skin.dryness', 'feet.left.ankleReflex']),
    );
  });

  it('scores 0 for a normal exam', () => {
    const a = assess(normalWith((d) => (scoredFoot(d.feet.left), scoredFoot(d.feet.right))));
    expect(a.scores.mnsiExam).toMatchObject({ total: 0, abnormal: false, max: 8, missingItems: [] });
    expect(a.scores.mnsiExamWithMonofilament).toMatchObject({ total: 0, abnormal: null, max: 10 });
  });

  it('adds half points for reinforcement and decreased vibration; abnormal at 2.5', () => {
    const a = assess(
      normalWith((d) => {
        scoredFoot(d.feet.left);
        scoredFoot(d.feet.right);
        d.feet.left.ankleReflex = 'reinforcement';
        d.feet.left.vibration = { method: 'tuning-fork-128', result: 'reduced' };
        d.feet.right.ankleReflex = 'absent';
        d.feet.right.skin = { ...d.feet.right.skin, dryness: true };
      }),
    );
    expect(a.scores.mnsiExam.perFoot.map((f) => f.score)).toEqual([2, 1]);
    expect(a.scores.mnsiExam).toMatchObject({ total: 3, abnormal: true });
  });

  it('revised form: some sites not felt is "reduced" (0.5), none felt is absent (1)', () => {
    const a = assess(
      normalWith((d) => {
        scoredFoot(d.feet.left);
        scoredFoot(d.feet.right);
        d.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'not_felt', mth1: 'felt', mth5: 'felt' } };
        d.feet.right.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'not_felt', mth1: 'not_felt', mth5: 'not_felt' } };
      }),
    );
    expect(a.scores.mnsiExamWithMonofilament.perFoot.map((f) => f.score)).toEqual([1, 0.5]);
  });

  it('an absent foot leaves the bilateral total empty but scores the other foot', () => {
    const a = assess(normalWith((d) => ((d.feet.right = { status: 'absent' }), scoredFoot(d.feet.left))));
    expect(a.scores.mnsiExam.total).toBeNull();
    expect(a.scores.mnsiExam.perFoot).toEqual([expect.objectContaining({ side: 'left', score: 0 })]);
  });
});

describe('Neuropathy Disability Score (Young 1993)', () => {
  it('scores 0-10 with the calculator bands', () => {
    const a = assess(
      normalWith((d) => {
        scoredFoot(d.feet.left);
        scoredFoot(d.feet.right);
        d.feet.left.vibration = { method: 'tuning-fork-128', result: 'absent' };
        d.feet.left.pinPrick = 'abnormal';
        d.feet.left.ankleReflex = 'absent';
        d.feet.right.ankleReflex = 'reinforcement';
        d.feet.right.temperature = 'abnormal';
      }),
    );
    expect(a.scores.nds.perFoot.map((f) => f.score)).toEqual([2, 4]);
    expect(a.scores.nds).toMatchObject({ total: 6, band: '5-6', max: 10 });
  });

  it('VPT does not stand in for the 128 Hz fork', () => {
    const a = assess(normalWith((d) => (scoredFoot(d.feet.left), scoredFoot(d.feet.right), (d.feet.left.vibration = { method: 'vpt', voltage: 10 }))));
    expect(a.scores.nds.total).toBeNull();
    expect(a.scores.nds.missingItems).toEqual(['feet.left.vibration']);
  });
});
