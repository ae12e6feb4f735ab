import { describe, expect, it } from 'vitest';
import type { Findings } from '../domain/findings';
import { assess } from './assess';
import type { Assessment } from './assessment';
import { insensate, normalIndices, normalWith, pulsesAbsent } from './fixtures/findingsBuilders';

/**
 * Cases of the same kind as the worked cases, written from the IWGDF 2023 and NICE NG19 tables and
 * the app's conventions (revision 2; docs/clinical-rules.md).
 */

function summary(findings: Findings): { lops: unknown; pad: unknown; iwgdf2023: unknown; nice: unknown; redFlag: boolean } {
  const a = assess(findings);
  return { lops: a.lops, pad: a.pad, iwgdf2023: a.iwgdf2023.category, nice: a.nice.category, redFlag: a.redFlag };
}

function warningIds(a: Assessment): string[] {
  return a.warnings.map((w) => w.id);
}

describe('IWGDF and NICE tables', () => {
  it('PAD + deformity: IWGDF 2, NICE high', () => {
    const f = normalWith((d) => (pulsesAbsent(d.feet.left), (d.feet.left.deformity = { present: true, types: ['hammer toes'] })));
    expect(summary(f)).toEqual({ lops: false, pad: true, iwgdf2023: 2, nice: 'high', redFlag: false });
  });

  it('PAD + callus: IWGDF 1, NICE high (guidelines disagree)', () => {
    const f = normalWith((d) => (pulsesAbsent(d.feet.right), d.feet.right.skin && (d.feet.right.skin.callus = true)));
    expect(summary(f)).toMatchObject({ pad: true, iwgdf2023: 1, nice: 'high' });
  });

  it('deformity + callus without LOPS or PAD: IWGDF 0, NICE moderate', () => {
    const f = normalWith((d) => ((d.feet.left.deformity = { present: true, types: ['bunion'] }), d.feet.left.skin && (d.feet.left.skin.callus = true)));
    expect(summary(f)).toMatchObject({ iwgdf2023: 0, nice: 'moderate' });
  });

  it('LOPS + PAD + minor amputation: IWGDF 3, NICE high', () => {
    const f = normalWith((d) => {
      insensate(d.feet.left);
      pulsesAbsent(d.feet.left);
      d.history = { ...d.history, previousAmputation: 'minor' };
    });
    expect(summary(f)).toMatchObject({ lops: true, pad: true, iwgdf2023: 3, nice: 'high' });
  });

  it('ESRD (no dialysis) + PAD: IWGDF 3, NICE moderate', () => {
    const f = normalWith((d) => (pulsesAbsent(d.feet.left), (d.history = { ...d.history, endStageRenalDisease: true })));
    const a = assess(f);
    expect(summary(f)).toMatchObject({ iwgdf2023: 3, nice: 'moderate' });
    expect(warningIds(a)).toContain('esrd-not-on-renal-replacement');
  });

  it('dialysis, LOPS and PAD ruled out firmly: NICE high, IWGDF 0 with the history warning (decision 5)', () => {
    const f = normalWith((d) => (normalIndices(d), (d.history = { ...d.history, endStageRenalDisease: true, onDialysis: true })));
    const a = assess(f);
    expect(summary(f)).toEqual({ lops: false, pad: false, iwgdf2023: 0, nice: 'high', redFlag: false });
    expect(warningIds(a)).toContain('history-without-lops-or-pad');
    expect(a.iwgdf2023.because.map((b) => b.ruleId)).toEqual(['IWGDF-0', 'IWGDF-0-HISTORY']);
    expect(a.iwgdf2023.conventionsApplied.map((c) => c.id)).toContain('C5');
  });

  it('dialysis with PAD ruled out by the pulses only: IWGDF undecided between 0 and 3 (decision 5)', () => {
    const a = assess(normalWith((d) => (d.history = { ...d.history, endStageRenalDisease: true, onDialysis: true })));
    expect([a.pad, a.iwgdf2023.category, a.nice.category]).toEqual([false, 'incomplete', 'high']);
    expect(a.iwgdf2023.possibleCategories).toEqual([0, 3]);
    expect(a.iwgdf2023.toSettle).toEqual([
      expect.objectContaining({ fact: 'pad', findings: ['feet.right.abi', 'feet.right.tbi', 'feet.right.waveforms', 'feet.left.abi', 'feet.left.tbi', 'feet.left.waveforms'] }),
    ]);
    expect(a.iwgdf2023.conventionsApplied.map((c) => c.id)).toEqual(expect.arrayContaining(['C5', 'C6']));
    expect(a.iwgdf2023.reviewIntervalMonths).toEqual({ min: 1, max: 3 });
  });

  it('LOPS ruled out by the monofilament alone is not firm with an ulcer history (decision 5)', () => {
    const a = assess(normalWith((d) => (normalIndices(d), delete d.feet.left.vibration, (d.history = { ...d.history, previousUlcer: true }))));
    expect([a.lops, a.iwgdf2023.category]).toEqual([false, 'incomplete']);
    expect(a.iwgdf2023.toSettle).toEqual([expect.objectContaining({ fact: 'lops', findings: ['feet.left.vibration'] })]);
  });

  it('ESRD without dialysis, firmly no LOPS or PAD: IWGDF 0 with the warning, NICE low (NICE counts RRT only)', () => {
    const a = assess(normalWith((d) => (normalIndices(d), (d.history = { ...d.history, endStageRenalDisease: true }))));
    expect([a.iwgdf2023.category, a.nice.category]).toEqual([0, 'low']);
    expect(warningIds(a)).toEqual(expect.arrayContaining(['history-without-lops-or-pad', 'esrd-not-on-renal-replacement']));
  });

  it('previous ulcer, firmly no LOPS or PAD: IWGDF 0 with warning, NICE high (decision 5)', () => {
    const a = assess(normalWith((d) => (normalIndices(d), (d.history = { ...d.history, previousUlcer: true }))));
    expect([a.iwgdf2023.category, a.nice.category]).toEqual([0, 'high']);
    expect(warningIds(a)).toContain('history-without-lops-or-pad');
  });

  it('a foot recorded absent counts as a major amputation whatever the history says (decision 1)', () => {
    const a = assess(normalWith((d) => ((d.feet.left = { status: 'absent' }), (d.feet.right.vibration = { method: 'tuning-fork-128', result: 'absent' }))));
    expect([a.iwgdf2023.category, a.nice.category]).toEqual([3, 'high']);
    expect(a.riskFactors.find((f) => f.id === 'previousAmputation')).toMatchObject({ value: true, findings: ['feet.left.status'], conventions: ['C1'] });
    expect(warningIds(a)).toContain('absent-foot-without-amputation-history');
  });

  it('both feet absent with "no amputation" in the history: NICE high, not low (decision 1)', () => {
    const a = assess(normalWith((d) => ((d.feet.left = { status: 'absent' }), (d.feet.right = { status: 'absent' }))));
    expect([a.iwgdf2023.category, a.nice.category]).toEqual([0, 'high']);
  });

  it('a kidney transplant is renal replacement therapy for NICE (D6)', () => {
    const a = assess(normalWith((d) => (d.history = { ...d.history, kidneyTransplant: true })));
    expect(a.nice.category).toBe('high');
    expect(a.nice.conventionsApplied.map((c) => c.id)).toContain('D6');
  });

  it('dialysis with ESRD ticked "no" counts as ESRD for IWGDF, with a warning (D6)', () => {
    const f = normalWith((d) => (insensate(d.feet.left), (d.history = { ...d.history, onDialysis: true, endStageRenalDisease: false })));
    const a = assess(f);
    expect([a.iwgdf2023.category, a.nice.category]).toEqual([3, 'high']);
    expect(warningIds(a)).toContain('dialysis-without-esrd');
  });

  it('intervals and actions follow the category', () => {
    const a = assess(normalWith((d) => insensate(d.feet.left)));
    expect(a.iwgdf2023).toMatchObject({ category: 1, interval: 'Every 6-12 months', reviewIntervalMonths: { min: 6, max: 12 }, ruleSet: 'IWGDF-2023' });
    expect(a.nice).toMatchObject({ category: 'moderate', reviewIntervalMonths: { min: 3, max: 6 }, firstAssessmentWeeks: { min: 6, max: 8 }, ruleSet: 'NICE-NG19' });
    expect(a.nice.action).toContain('foot protection service');
    expect(a.iwgdf2023.ruleSetVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('LOPS (decision 2)', () => {
  it('VPT 25 V is LOPS', () => {
    const f = normalWith((d) => (d.feet.left.vibration = { method: 'vpt', voltage: 25 }));
    expect(summary(f)).toMatchObject({ lops: true, iwgdf2023: 1, nice: 'moderate' });
  });

  it('VPT 24 V with all sites felt is no LOPS', () => {
    expect(summary(normalWith((d) => (d.feet.left.vibration = { method: 'vpt', voltage: 24 })))).toMatchObject({ lops: false, iwgdf2023: 0 });
  });

  it('Ipswich 2 of 6 insensate is LOPS', () => {
    const f = normalWith((d) => {
      delete d.feet.left.monofilament;
      delete d.feet.right.monofilament;
      d.feet.left.touchTest = { protocol: 'ipswich', sites: { toe1: 'not_felt', toe3: 'not_felt', toe5: 'felt' } };
      d.feet.right.touchTest = { protocol: 'ipswich', sites: { toe1: 'felt', toe3: 'felt', toe5: 'felt' } };
    });
    expect(summary(f)).toMatchObject({ lops: true, iwgdf2023: 1, nice: 'moderate' });
  });

  it('normal monofilament + absent vibration is LOPS (any abnormal test, C2)', () => {
    const a = assess(normalWith((d) => (d.feet.right.vibration = { method: 'tuning-fork-128', result: 'absent' })));
    expect(a.lops).toBe(true);
    expect(a.iwgdf2023.because[0]?.findings).toEqual(['feet.right.vibration.result']);
    expect(a.iwgdf2023.because[0]?.conventions).toContain('C2');
  });

  it('LOPS on the left and deformity on the right combine per person (C1)', () => {
    const a = assess(normalWith((d) => (insensate(d.feet.left), (d.feet.right.deformity = { present: true, types: ['claw toes'] }))));
    expect([a.iwgdf2023.category, a.nice.category]).toEqual([2, 'high']);
    expect(a.iwgdf2023.because[0]?.conventions).toContain('C1');
    expect(a.nice.conventionsApplied.map((c) => c.id)).toContain('C1');
  });
});

describe('PAD (decisions 3, 4, 7)', () => {
  it('a single absent pulse leaves PAD unknown with a warning', () => {
    const a = assess(normalWith((d) => (d.feet.left.pulses = { dorsalisPedis: 'not_palpable', posteriorTibial: 'palpable' })));
    expect([a.pad, a.iwgdf2023.category, a.nice.category]).toEqual(['unknown', 'incomplete', 'incomplete']);
    expect(a.iwgdf2023.possibleCategories).toEqual([0, 1]);
    expect(a.nice.possibleCategories).toEqual(['low', 'moderate']);
    expect(a.iwgdf2023.toSettle[0]).toMatchObject({ fact: 'pad', findings: ['feet.left.abi', 'feet.left.tbi'] });
    expect(warningIds(a)).toContain('single-non-palpable-pulse');
  });

  it('ABI 0.95 with one absent pulse is no PAD (C3)', () => {
    const f = normalWith((d) => ((d.feet.left.pulses = { dorsalisPedis: 'not_palpable', posteriorTibial: 'palpable' }), (d.feet.left.abi = 0.95)));
    const a = assess(f);
    expect(summary(f)).toMatchObject({ pad: false, iwgdf2023: 0, nice: 'low' });
    expect(a.iwgdf2023.conventionsApplied.map((c) => c.id)).toContain('C3');
    expect(warningIds(a)).not.toContain('single-non-palpable-pulse');
  });

  it('ABI 1.35 with palpable pulses leaves PAD undecided, asking for a TBI or waveforms (decision 4)', () => {
    const a = assess(normalWith((d) => (d.feet.left.abi = 1.35)));
    expect([a.pad, a.iwgdf2023.category, a.nice.category]).toEqual(['unknown', 'incomplete', 'incomplete']);
    expect(a.iwgdf2023.toSettle[0]).toMatchObject({ fact: 'pad', findings: ['feet.left.tbi', 'feet.left.waveforms'] });
    expect(warningIds(a)).toContain('abi-non-compressible');
  });

  it('ABI 1.35 with a normal TBI or a biphasic waveform: no PAD (decision 4)', () => {
    expect(assess(normalWith((d) => ((d.feet.left.abi = 1.35), (d.feet.left.tbi = 0.8)))).pad).toBe(false);
    expect(assess(normalWith((d) => ((d.feet.left.abi = 1.35), (d.feet.left.waveforms = { dorsalisPedis: 'biphasic' })))).pad).toBe(false);
  });

  it('palpable pulses with ABI 0.8 is PAD, with a warning', () => {
    const a = assess(normalWith((d) => (d.feet.right.abi = 0.8)));
    expect([a.pad, a.iwgdf2023.category]).toEqual([true, 1]);
    expect(warningIds(a)).toContain('palpable-pulses-low-abi');
  });

  it('claudication with palpable pulses and no index: PAD undecided, with a warning (decision 7)', () => {
    const a = assess(normalWith((d) => (d.symptoms = { ...d.symptoms, claudication: true })));
    expect([a.pad, a.iwgdf2023.category, a.nice.category]).toEqual(['unknown', 'incomplete', 'incomplete']);
    expect(warningIds(a)).toContain('claudication-without-index');
    expect(warningIds(a)).not.toContain('rest-pain-palpable-pulses');
  });

  it('claudication with palpable pulses and a normal ABI: no PAD (decision 7)', () => {
    const a = assess(normalWith((d) => (normalIndices(d), (d.symptoms = { ...d.symptoms, claudication: true }))));
    expect([a.pad, a.iwgdf2023.category, a.nice.category]).toEqual([false, 0, 'low']);
    expect(warningIds(a)).not.toContain('claudication-without-index');
  });

  it('rest pain with absent pulses is critical ischaemia: urgent / active (C7)', () => {
    const f = normalWith((d) => (pulsesAbsent(d.feet.left), (d.symptoms = { ...d.symptoms, restPain: true })));
    const a = assess(f);
    expect(summary(f)).toMatchObject({ pad: true, iwgdf2023: 'urgent', nice: 'active' });
    expect(a.iwgdf2023.because.map((b) => b.ruleId)).toEqual(['IWGDF-URGENT-REST-PAIN']);
    expect(a.iwgdf2023.because[0]?.findings).toEqual(['symptoms.restPain', 'feet.left.pulses.dorsalisPedis', 'feet.left.pulses.posteriorTibial']);
  });

  it('rest pain with palpable pulses and no index: PAD undecided, urgent possible, urgent vascular warning (decision 7)', () => {
    const a = assess(normalWith((d) => (d.symptoms = { ...d.symptoms, restPain: true })));
    expect([a.pad, a.iwgdf2023.category, a.nice.category]).toEqual(['unknown', 'incomplete', 'incomplete']);
    expect(a.iwgdf2023.possibleCategories).toEqual([0, 'urgent']);
    expect(warningIds(a)).toEqual(expect.arrayContaining(['claudication-without-index', 'rest-pain-palpable-pulses']));
    expect(a.warnings.find((w) => w.id === 'rest-pain-palpable-pulses')?.message).toContain('If the pain is ischaemic, arrange an urgent vascular assessment');
  });
});

describe('active disease (convention 5 of the engine list)', () => {
  it.each([
    ['infection', (d: Findings): void => void (d.feet.left.skin = { ...d.feet.left.skin, infection: true })],
    ['gangrene', (d: Findings): void => void (d.feet.left.skin = { ...d.feet.left.skin, gangrene: true })],
    ['critical ischaemia', (d: Findings): void => void (d.feet.left.criticalIschaemia = true)],
    ['a hot swollen foot (possible acute Charcot)', (d: Findings): void => void (d.feet.left.hotSwollen = true)],
  ])('%s: IWGDF urgent, NICE active', (_name, change) => {
    expect(summary(normalWith(change))).toMatchObject({ iwgdf2023: 'urgent', nice: 'active' });
  });

  it('an active ulcer gives urgent / active whatever else is missing', () => {
    const f: Findings = {
      schemaVersion: 1,
      feet: { left: { status: 'present', skin: { activeUlcer: true } }, right: { status: 'present' } },
    };
    const a = assess(f);
    expect([a.iwgdf2023.category, a.nice.category]).toEqual(['urgent', 'active']);
    expect(a.iwgdf2023.reviewIntervalMonths).toBeNull();
    expect(a.nice.action).toContain('1 working day');
  });

  it('an unrecorded active-disease item keeps the category open, with urgent possible', () => {
    const a = assess(normalWith((d) => delete d.feet.left.criticalIschaemia));
    expect(a.iwgdf2023.category).toBe('incomplete');
    expect(a.iwgdf2023.possibleCategories).toEqual([0, 'urgent']);
    expect(a.iwgdf2023.toSettle.map((t) => t.fact)).toEqual(['criticalIschaemia']);
  });

  it('a supplementary item left out changes nothing (D11)', () => {
    expect(summary(normalWith(() => undefined))).toMatchObject({ iwgdf2023: 0, nice: 'low' });
  });
});

describe('other gaps', () => {
  it('fissures alone change no category, and the result says so (C8)', () => {
    const a = assess(normalWith((d) => (d.feet.left.skin = { ...d.feet.left.skin, fissures: true, fissureSites: ['heel'] })));
    expect([a.iwgdf2023.category, a.nice.category]).toEqual([0, 'low']);
    expect(a.iwgdf2023.conventionsApplied.map((c) => c.id)).toContain('C8');
    expect(a.nice.conventionsApplied.map((c) => c.id)).toContain('C8');
  });

  it('unrecorded history keeps IWGDF open when it could matter', () => {
    const a = assess(normalWith((d) => (insensate(d.feet.left), delete d.history)));
    expect(a.iwgdf2023.possibleCategories).toEqual([1, 3]);
    expect(a.iwgdf2023.toSettle.map((t) => t.fact)).toEqual(['previousUlcer', 'previousAmputation', 'endStageRenalDisease']);
    expect(a.nice.possibleCategories).toEqual(['moderate', 'high']);
  });

  it('unrecorded history does not matter to IWGDF when LOPS and PAD are ruled out firmly', () => {
    const a = assess(normalWith((d) => (normalIndices(d), delete d.history)));
    expect(a.iwgdf2023.category).toBe(0);
    expect(a.nice.category).toBe('incomplete');
  });

  it('unrecorded history keeps IWGDF open (0 or 3) when PAD is ruled out by the pulses only (decision 5)', () => {
    const a = assess(normalWith((d) => delete d.history));
    expect(a.iwgdf2023.possibleCategories).toEqual([0, 3]);
  });

  it('unrecorded callus matters to NICE only', () => {
    const a = assess(normalWith((d) => (insensate(d.feet.left), d.feet.left.skin && delete d.feet.left.skin.callus)));
    expect(a.iwgdf2023.category).toBe(1);
    expect(a.nice).toMatchObject({ category: 'incomplete', possibleCategories: ['moderate', 'high'] });
    expect(a.nice.toSettle).toEqual([expect.objectContaining({ fact: 'callus', findings: ['feet.left.skin.callus'] })]);
  });

  it('red flags: any of the four is a red flag; weight loss prompts but is not one', () => {
    expect(summary(normalWith((d) => (d.redFlags = { ...d.redFlags, markedAsymmetry: true }))).redFlag).toBe(true);
    const a = assess(normalWith((d) => (d.redFlags = { ...d.redFlags, weightLoss: true })));
    expect(a.redFlag).toBe(false);
    expect(a.otherCausesToConsider.map((c) => c.id)).toContain('malignancy-vasculitis');
  });
});
