import { describe, expect, it } from 'vitest';
import type { Findings } from '../domain/findings';
import { assess } from './assess';
import { assessmentSchema } from './assessment';
import { insensate, normalWith } from './fixtures/findingsBuilders';

function checked(findings: Findings): ReturnType<typeof assess> {
  const a = assess(findings);
  expect(assessmentSchema.safeParse(a).success).toBe(true);
  return a;
}

describe('edge cases', () => {
  it('both feet absent: nothing to screen, not incomplete, with a warning (D13)', () => {
    const a = checked(
      normalWith((d) => {
        d.feet.left = { status: 'absent' };
        d.feet.right = { status: 'absent' };
        d.history = { ...d.history, previousAmputation: 'major' };
      }),
    );
    expect([a.lops, a.pad, a.iwgdf2023.category, a.nice.category]).toEqual([false, false, 0, 'high']);
    expect(a.warnings.map((w) => w.id)).toEqual(expect.arrayContaining(['no-feet-present', 'history-without-lops-or-pad']));
    expect(a.perFoot.left).toMatchObject({ role: 'absent', lops: null, pad: null });
    expect(a.scores.mnsiExam.total).toBeNull();
    expect(a.iwgdf2023.conventionsApplied.map((c) => c.id)).toContain('D13');
  });

  it('one foot absent: evaluated on the other foot only', () => {
    const a = checked(normalWith((d) => ((d.feet.right = { status: 'absent' }), (d.feet.left.tbi = 0.9), (d.history = { ...d.history, previousAmputation: 'major' }))));
    expect([a.lops, a.pad, a.iwgdf2023.category, a.nice.category]).toEqual([false, false, 0, 'high']);
    expect(a.perFoot.right.role).toBe('absent');
    expect(a.riskFactors.find((f) => f.id === 'lops')?.perFoot).toEqual({ left: false });
  });

  it('results recorded on an absent foot are not used, and flagged', () => {
    const a = checked(normalWith((d) => ((d.feet.right.status = 'absent'), insensate(d.feet.right), (d.history = { ...d.history, previousAmputation: 'major' }))));
    expect(a.lops).toBe(false);
    const warning = a.warnings.find((w) => w.id === 'results-on-absent-foot');
    expect(warning?.findings).toContain('feet.right.monofilament.sites.hallux');
  });

  it('every site not tested: LOPS unknown, both categories incomplete, with what to record', () => {
    const a = checked(
      normalWith((d) => {
        for (const foot of [d.feet.left, d.feet.right]) {
          foot.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'not_tested', mth1: 'not_tested', mth5: 'not_tested' } };
          foot.vibration = { method: 'tuning-fork-128', result: 'not_tested' };
        }
      }),
    );
    expect([a.lops, a.iwgdf2023.category, a.nice.category]).toEqual(['unknown', 'incomplete', 'incomplete']);
    expect(a.iwgdf2023.possibleCategories).toEqual([0, 1]);
    expect(a.iwgdf2023.toSettle[0]?.findings).toHaveLength(6);
    expect(a.iwgdf2023.because[0]?.reason).toContain('Category 0 (very low risk) or Category 1 (low risk)');
    expect(a.warnings.filter((w) => w.id === 'no-sensory-test')).toHaveLength(2);
  });

  it('declined exam: categories incomplete with the reason, history still counts (D8)', () => {
    const a = checked(
      normalWith((d) => {
        d.examStatus = 'declined';
        d.examStatusReason = 'patient declined today';
        d.history = { ...d.history, previousUlcer: true };
      }),
    );
    expect(a.examStatus).toBe('declined');
    expect(a.iwgdf2023.category).toBe('incomplete');
    expect(a.iwgdf2023.possibleCategories).toContain(3);
    expect(a.nice.category).toBe('incomplete');
    expect(a.nice.possibleCategories).toEqual(['high', 'active']);
    expect(a.perFoot.left.notExaminedBecause).toBe('Left foot not examined (examination declined: patient declined today)');
    expect(a.warnings.map((w) => w.id)).toEqual(expect.arrayContaining(['exam-not-performed', 'results-on-not-examined-foot']));
    expect(a.iwgdf2023.conventionsApplied.map((c) => c.id)).toContain('D8');
    expect(a.iwgdf2023.toSettle.flatMap((t) => t.findings)).toContain('feet.left.status');
  });

  it('declined exam with a recorded active ulcer is still urgent / active', () => {
    const a = checked(normalWith((d) => ((d.examStatus = 'unsuitable'), d.feet.left.skin && (d.feet.left.skin.activeUlcer = true))));
    expect([a.iwgdf2023.category, a.nice.category]).toEqual(['urgent', 'active']);
  });

  it('one foot declined: that foot is unknown, not excluded', () => {
    const a = checked(normalWith((d) => ((d.feet.right.status = 'unsuitable'), (d.feet.right.statusReason = 'plaster cast'))));
    expect([a.lops, a.pad, a.iwgdf2023.category]).toEqual(['unknown', 'unknown', 'incomplete']);
    expect(a.warnings.find((w) => w.id === 'foot-not-examined')?.message).toContain('plaster cast');
  });

  it('raw applications with a sham answered "yes": insensate site, LOPS, and a warning', () => {
    const a = checked(
      normalWith((d) => {
        d.feet.left.monofilament = {
          protocol: 'iwgdf-3',
          sites: {
            hallux: { applications: [{ sham: false, response: 'yes' }, { sham: true, response: 'yes' }, { sham: false, response: 'no' }] },
            mth1: 'felt',
            mth5: 'felt',
          },
        };
      }),
    );
    expect([a.lops, a.iwgdf2023.category, a.nice.category]).toEqual([true, 1, 'moderate']);
    expect(a.perFoot.left.monofilament.sites[0]).toMatchObject({ key: 'hallux', state: 'not_felt', answers: { wrong: 2, shamAnsweredYes: 1 } });
    expect(a.warnings.find((w) => w.id === 'sham-answered-yes')?.findings).toEqual(['feet.left.monofilament.sites.hallux']);
    expect(a.iwgdf2023.conventionsApplied.map((c) => c.id)).toContain('D1');
  });

  it('raw applications not complete: pending, LOPS open, and a warning', () => {
    const a = checked(normalWith((d) => (d.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: { applications: [{ sham: false, response: 'yes' }] }, mth1: 'felt', mth5: 'felt' } })));
    expect(a.lops).toBe('unknown');
    expect(a.perFoot.left.monofilament.sites[0]?.state).toBe('pending');
    expect(a.warnings.map((w) => w.id)).toContain('answers-pending');
  });

  it('a nearly empty record never throws and asks for everything', () => {
    const a = checked({ schemaVersion: 1, feet: { left: { status: 'present' }, right: { status: 'present' } } });
    expect([a.lops, a.pad, a.iwgdf2023.category, a.nice.category]).toEqual(['unknown', 'unknown', 'incomplete', 'incomplete']);
    expect(a.iwgdf2023.possibleCategories).toEqual([0, 1, 2, 3, 'urgent']);
    expect(a.redFlags.notRecorded).toHaveLength(4);
  });
});
