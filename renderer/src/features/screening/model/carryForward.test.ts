import { describe, expect, it } from 'vitest';
import type { ExamSummary } from '#shared/domain/exam';
import { blankFindings } from '#shared/domain/examProtocol';
import type { Findings } from '#shared/domain/findings';
import { carriedItems, confirmNext, pendingItems, previousSignedExam } from './carryForward';
import { initialState, recordNone } from './screeningState';

const blank = (): Findings => ({
  schemaVersion: 1,
  examStatus: 'performed',
  feet: { right: { status: 'present' }, left: { status: 'present' } },
});

const earlier: Findings = {
  ...blank(),
  history: { previousUlcer: true, previousUlcerSide: 'left', previousUlcerDate: '2024-03', previousAmputation: 'minor', endStageRenalDisease: false, smoking: 'former', underVascularClinic: true },
  selfCare: { ability: 'needs_help', impairedVision: true },
  feet: { right: { status: 'present', previousAmputation: 'none' }, left: { status: 'present', previousAmputation: 'minor' } },
};

describe('carrying the history forward', () => {
  it('offers only what the last screening recorded, in words', () => {
    const items = carriedItems(earlier);
    expect(items.map((i) => [i.id, i.words])).toEqual([
      ['history.previousUlcer', 'yes'],
      ['history.previousUlcerSide', 'left'],
      ['history.previousUlcerDate', '2024-03'],
      ['feet.right.previousAmputation', 'none'],
      ['feet.left.previousAmputation', 'minor (toes, forefoot)'],
      ['history.endStageRenalDisease', 'no'],
      ['history.underVascularClinic', 'yes'],
      ['history.smoking', 'former smoker'],
      ['selfCare.ability', 'needs help'],
      ['selfCare.impairedVision', 'yes'],
    ]);
    expect(carriedItems(blank())).toEqual([]);
  });

  it('records nothing until confirmed: offered items leave the new findings untouched', () => {
    const now = blank();
    const items = carriedItems(earlier);
    expect(pendingItems(items, now)).toHaveLength(items.length);
    expect(now.history).toBeUndefined();
    expect(now.selfCare).toBeUndefined();
  });

  it('one confirmation records exactly one earlier answer, and it is no longer offered', () => {
    const items = carriedItems(earlier);
    const once = confirmNext(items, blank());
    expect(once.history).toEqual({ previousUlcer: true });
    expect(pendingItems(items, once).map((i) => i.id)[0]).toBe('history.previousUlcerSide');
    let all = blank();
    for (let i = 0; i < items.length; i++) all = confirmNext(items, all);
    expect(pendingItems(items, all)).toEqual([]);
    expect(all.history).toEqual({ ...earlier.history, previousAmputation: 'minor' });
    expect(all.selfCare).toEqual(earlier.selfCare);
    expect(all.feet.left.previousAmputation).toBe('minor');
    expect(confirmNext(items, all)).toBe(all);
  });

  it('a changed answer is recorded as given and the earlier one is no longer offered', () => {
    const items = carriedItems(earlier);
    const ulcer = items.find((i) => i.id === 'history.previousUlcer');
    const changed = ulcer?.opposite?.(blank());
    expect(changed?.history?.previousUlcer).toBe(false);
    expect(pendingItems(items, changed ?? blank()).some((i) => i.id === 'history.previousUlcer')).toBe(false);
  });

  it('"none of these" (N) never answers an item still waiting for confirmation', () => {
    const items = carriedItems(earlier);
    const state = { ...initialState(blank(), null), position: { step: 'history' as const, side: null, site: null, pending: null } };
    const keep = new Set(pendingItems(items, state.findings).map((i) => i.id));
    const after = recordNone(state, 'history', () => 0.5, keep).findings;
    // The carried "previous ulcer: yes" is not overwritten by a silent "no".
    expect(after.history?.previousUlcer).toBeUndefined();
    expect(after.history?.previousAmputation).toBeUndefined();
    expect(after.feet.left.previousAmputation).toBeUndefined();
    // Items the last screening did not record are answered "no" as usual.
    expect(after.history?.onDialysis).toBe(false);
    expect(after.history?.previousVascularIntervention).toBe(false);
    // Still waiting after N.
    expect(pendingItems(items, after).map((i) => i.id)).toContain('history.previousUlcer');
  });
});

describe('carrying stable findings of the feet forward', () => {
  /** Left foot amputated; right foot with hallux valgus and claw toes. */
  const stable: Findings = {
    ...blank(),
    feet: {
      right: { status: 'present', deformity: { present: true, types: ['hallux valgus', 'claw toes'] } },
      left: { status: 'absent', statusReason: 'Below-knee amputation 2021' },
    },
  };

  it('offers an absent foot at Start and the deformity types on the Deformity step, in words, before the history', () => {
    const items = carriedItems(stable);
    expect(items.map((i) => [i.id, i.step, i.words])).toEqual([
      ['feet.left.status', 'setup', 'absent (amputation or congenital): Below-knee amputation 2021'],
      ['feet.right.deformity', 'deformity', 'hallux valgus, claw toes'],
    ]);
    expect(items.map((i) => i.label)).toEqual(['Left foot', 'Deformity, right foot']);
  });

  it('does not offer what can change: a present foot, a foot without deformity, a foot not examined', () => {
    const changeable: Findings = {
      ...blank(),
      feet: { right: { status: 'present', deformity: { present: false, types: [] } }, left: { status: 'declined', statusReason: 'In a hurry', deformity: { present: true, types: ['pes cavus'] } } },
    };
    expect(carriedItems(changeable)).toEqual([]);
  });

  it('records nothing until confirmed, and each confirmation records exactly what was recorded before', () => {
    const items = carriedItems(stable);
    const now = blank();
    expect(pendingItems(items, now).map((i) => i.id)).toEqual(['feet.left.status', 'feet.right.deformity']);
    const once = confirmNext(items, now);
    expect(once.feet.left).toEqual({ status: 'absent', statusReason: 'Below-knee amputation 2021' });
    expect(once.feet.right).toEqual({ status: 'present' });
    const twice = confirmNext(items, once);
    expect(twice.feet.right.deformity).toEqual({ present: true, types: ['hallux valgus', 'claw toes'] });
    expect(pendingItems(items, twice)).toEqual([]);
  });

  it('an answer given instead ends the offer: the foot examined or given another status, the deformity answered', () => {
    const items = carriedItems(stable);
    const examinedLeft: Findings = { ...blank(), feet: { right: { status: 'present' }, left: { status: 'present', pulses: { dorsalisPedis: 'palpable' } } } };
    expect(pendingItems(items, examinedLeft).map((i) => i.id)).toEqual(['feet.right.deformity']);
    const declined: Findings = { ...blank(), feet: { right: { status: 'present' }, left: { status: 'unsuitable', statusReason: 'Cast' } } };
    expect(pendingItems(items, declined).map((i) => i.id)).toEqual(['feet.right.deformity']);
    const noDeformity: Findings = { ...blank(), feet: { right: { status: 'present', deformity: { present: false, types: [] } }, left: { status: 'present' } } };
    expect(pendingItems(items, noDeformity).map((i) => i.id)).toEqual(['feet.left.status']);
    // Choosing "present" at Start is the starting value, and a new screening's empty sensory test
    // records nothing: the offer stays until something is recorded on that foot.
    expect(pendingItems(items, blank())).toHaveLength(2);
    expect(pendingItems(items, blankFindings('iwgdf-3'))).toHaveLength(2);
    const oneSite = blankFindings('iwgdf-3');
    oneSite.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'felt' } };
    expect(pendingItems(items, oneSite).map((i) => i.id)).toEqual(['feet.right.deformity']);
  });

  it('N on the Deformity step leaves a deformity waiting for confirmation and answers the rest', () => {
    const items = carriedItems(stable);
    const state = { ...initialState(blank(), null), position: { step: 'deformity' as const, side: null, site: null, pending: null } };
    const keep = new Set(pendingItems(items, state.findings).map((i) => i.id));
    const after = recordNone(state, 'deformity', () => 0.5, keep).findings;
    expect(after.feet.right.deformity).toBeUndefined();
    expect(after.feet.right.activeCharcot).toBe(false);
    expect(after.feet.left.deformity).toEqual({ present: false, types: [] });
    expect(pendingItems(items, after).map((i) => i.id)).toContain('feet.right.deformity');
  });
});

describe('the screening to carry forward from', () => {
  const summary = (id: number, seriesId: number, state: ExamSummary['state'], examinedOn: string): ExamSummary => ({
    id,
    patientId: 1,
    seriesId,
    version: 1,
    state,
    examStatus: 'performed',
    protocol: 'iwgdf-3',
    examinedOn,
    startedAt: `${examinedOn}T09:00:00.000Z`,
    updatedAt: `${examinedOn}T09:00:00.000Z`,
    signedAt: state === 'draft' ? null : `${examinedOn}T10:00:00.000Z`,
    signedBy: null,
    signedByName: null,
    amendmentReason: null,
    lops: null,
    pad: null,
    redFlag: null,
    iwgdfCategory: null,
    niceCategory: null,
    sites: { right: null, left: null },
  });

  it('is the latest signed screening of another series; drafts, replaced versions and the same series are skipped', () => {
    const exams = [
      summary(1, 1, 'superseded', '2025-01-01'),
      summary(2, 1, 'signed', '2025-01-01'),
      summary(3, 3, 'signed', '2025-06-01'),
      summary(4, 4, 'discarded', '2025-09-01'),
      summary(5, 5, 'draft', '2025-12-01'),
    ];
    expect(previousSignedExam(exams, { id: 5, seriesId: 5 })?.id).toBe(3);
    expect(previousSignedExam(exams, { id: 6, seriesId: 3 })?.id).toBe(2);
    expect(previousSignedExam([summary(7, 7, 'draft', '2025-01-01')], { id: 7, seriesId: 7 })).toBeNull();
  });
});
