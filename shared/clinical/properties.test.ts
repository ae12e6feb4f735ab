import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  monofilamentSiteKeys,
  parseFindings,
  pedalArteries,
  touchTestSiteKeys,
  type Findings,
  type Side,
} from '../domain/findings';
import { assess } from './assess';
import { assessmentSchema, type Assessment } from './assessment';
import { findingsArb, seededFindings } from './fixtures/findingsArbitrary';
import { changed } from './fixtures/findingsBuilders';
import { iwgdfCategories } from './iwgdf2023';
import { niceCategories } from './niceNg19';

/**
 * Properties over generated findings (fast-check):
 * - assess never throws for valid findings, and its output is a valid stored Assessment;
 * - the same findings always give the same assessment;
 * - making one finding worse never lowers either category.
 *
 * Severity order: IWGDF 0 < 1 < 2 < 3 < urgent; NICE low < moderate < high < active. An
 * `incomplete` result is the range of its possible categories, a decided one a single point.
 * "Never lower" means neither end of that range goes down: worse findings can settle an
 * incomplete result upwards or widen it upwards, never move it down, and a decided result never
 * becomes a lower decided one.
 *
 * "Worse" covers every kind of finding and every way of getting there: recorded normal, not
 * tested, or not recorded at all, to abnormal.
 */

type Worsening = { name: string; apply: (f: Findings) => void };

const sideArb = fc.constantFrom<Side>('left', 'right');
const arteryArb = fc.constantFrom(...pedalArteries);

/** One finding made worse. Items already as bad are left alone by the change itself. */
const sensoryWorsening: fc.Arbitrary<Worsening> = fc.oneof(
  fc.tuple(sideArb, fc.constantFrom(...monofilamentSiteKeys)).map(([side, key]) => ({
    name: `${side} monofilament ${key} -> not felt`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      foot.monofilament ??= { protocol: 'iwgdf-3', sites: {} };
      foot.monofilament.sites[key] = 'not_felt';
    },
  })),
  fc.tuple(sideArb, fc.constantFrom(...touchTestSiteKeys)).map(([side, key]) => ({
    name: `${side} Ipswich ${key} -> not felt`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      foot.touchTest ??= { protocol: 'ipswich', sites: {} };
      foot.touchTest.sites[key] = 'not_felt';
    },
  })),
  sideArb.map((side) => ({
    name: `${side} vibration -> absent`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      const v = foot.vibration;
      if (v?.method === 'vpt') foot.vibration = { ...v, voltage: Math.max(v.voltage ?? 0, 30) };
      else foot.vibration = { ...v, method: 'tuning-fork-128', result: 'absent' };
    },
  })),
);

const vascularWorsening: fc.Arbitrary<Worsening> = fc.oneof(
  fc.tuple(sideArb, arteryArb).map(([side, artery]) => ({
    name: `${side} ${artery} pulse -> not palpable`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      foot.pulses = { ...foot.pulses, [artery]: 'not_palpable' };
    },
  })),
  fc.tuple(sideArb, arteryArb, fc.constantFrom('monophasic' as const, 'absent' as const)).map(([side, artery, wave]) => ({
    name: `${side} ${artery} waveform -> ${wave}`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      foot.waveforms = { ...foot.waveforms, [artery]: wave };
    },
  })),
  fc.tuple(sideArb, arteryArb).map(([side, artery]) => ({
    name: `${side} ${artery} waveform triphasic -> biphasic`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      if (foot.waveforms?.[artery] === 'triphasic') foot.waveforms = { ...foot.waveforms, [artery]: 'biphasic' };
    },
  })),
  fc.tuple(sideArb, fc.constantFrom(0.3, 0.6, 0.85, 0.89)).map(([side, abi]) => ({
    name: `${side} ABI -> ${abi} (PAD)`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      if (foot.abi === undefined || foot.abi === null || abi < foot.abi) foot.abi = abi;
    },
  })),
  fc.tuple(sideArb, fc.constantFrom(1.31, 1.5, 2.5)).map(([side, abi]) => ({
    name: `${side} ABI normal or not recorded -> ${abi} (non-compressible)`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      if (foot.abi === undefined || foot.abi === null || (foot.abi >= 0.9 && foot.abi <= 1.3)) foot.abi = abi;
    },
  })),
  fc.tuple(sideArb, fc.constantFrom(0, 0.3, 0.69, 0.72)).map(([side, tbi]) => ({
    name: `${side} TBI -> ${tbi} (lower)`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      if (foot.tbi === undefined || foot.tbi === null ? tbi < 0.7 : tbi < foot.tbi) foot.tbi = tbi;
    },
  })),
  fc.tuple(sideArb, fc.constantFrom(0, 15, 29, 29.9)).map(([side, mmHg]) => ({
    name: `${side} toe pressure -> ${mmHg} mmHg (lower)`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      if (foot.toePressure === undefined || foot.toePressure === null || mmHg < foot.toePressure) foot.toePressure = mmHg;
    },
  })),
  fc.tuple(sideArb, fc.constantFrom(10, 29)).map(([side, mmHg]) => ({
    name: `${side} toe pressure behind the TBI -> ${mmHg} mmHg (lower)`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      const toe = foot.pressures?.toe;
      if (toe === undefined || toe === null || mmHg < toe) foot.pressures = { ...foot.pressures, toe: mmHg };
    },
  })),
  sideArb.map((side) => ({ name: `${side} critical ischaemia`, apply: (f: Findings): void => void (f.feet[side].criticalIschaemia = true) })),
);

const historyWorsening: fc.Arbitrary<Worsening> = fc.oneof(
  fc.constant({ name: 'ulcer history', apply: (f: Findings): void => void (f.history = { ...f.history, previousUlcer: true }) }),
  fc.constant({ name: 'ESRD', apply: (f: Findings): void => void (f.history = { ...f.history, endStageRenalDisease: true }) }),
  fc.constant({ name: 'dialysis', apply: (f: Findings): void => void (f.history = { ...f.history, onDialysis: true }) }),
  fc.constant({ name: 'kidney transplant', apply: (f: Findings): void => void (f.history = { ...f.history, kidneyTransplant: true }) }),
  fc.constant({ name: 'metformin', apply: (f: Findings): void => void (f.history = { ...f.history, onMetformin: true }) }),
  fc.constantFrom('minor' as const, 'major' as const).map((level) => ({
    name: `${level} amputation`,
    apply: (f: Findings): void => {
      if (f.history?.previousAmputation !== 'major') f.history = { ...f.history, previousAmputation: level };
    },
  })),
  fc.tuple(sideArb, fc.constantFrom('minor' as const, 'major' as const)).map(([side, level]) => ({
    name: `${side} foot-level ${level} amputation`,
    apply: (f: Findings): void => {
      if (f.feet[side].previousAmputation !== 'major') f.feet[side].previousAmputation = level;
    },
  })),
  fc.constant({ name: 'claudication', apply: (f: Findings): void => void (f.symptoms = { ...f.symptoms, claudication: true }) }),
  fc.constant({ name: 'rest pain', apply: (f: Findings): void => void (f.symptoms = { ...f.symptoms, restPain: true }) }),
  fc.constant({ name: 'neuropathic symptoms', apply: (f: Findings): void => void (f.symptoms = { ...f.symptoms, neuropathic: true }) }),
  fc.constantFrom('suddenOnset' as const, 'rapidSpread' as const, 'markedAsymmetry' as const, 'motorWeakness' as const, 'weightLoss' as const).map((flag) => ({
    name: `red flag ${flag}`,
    apply: (f: Findings): void => void (f.redFlags = { ...f.redFlags, [flag]: true }),
  })),
);

const footWorsening: fc.Arbitrary<Worsening> = fc.oneof(
  sideArb.map((side) => ({
    name: `${side} deformity`,
    apply: (f: Findings): void => void (f.feet[side].deformity = { ...f.feet[side].deformity, present: true }),
  })),
  fc.tuple(sideArb, fc.constantFrom('callus' as const, 'fissures' as const, 'activeUlcer' as const, 'infection' as const, 'gangrene' as const)).map(([side, item]) => ({
    name: `${side} ${item}`,
    apply: (f: Findings): void => void (f.feet[side].skin = { ...f.feet[side].skin, [item]: true }),
  })),
  fc.tuple(sideArb, fc.constantFrom('activeCharcot' as const, 'hotSwollen' as const)).map(([side, item]) => ({
    name: `${side} ${item}`,
    apply: (f: Findings): void => void (f.feet[side][item] = true),
  })),
);

const worseningArb: fc.Arbitrary<Worsening> = fc.oneof(sensoryWorsening, vascularWorsening, historyWorsening, footWorsening);

function range(a: Assessment): { iwgdf: [number, number]; nice: [number, number] } {
  const i = a.iwgdf2023.possibleCategories.map((c) => iwgdfCategories.indexOf(c));
  const n = a.nice.possibleCategories.map((c) => niceCategories.indexOf(c));
  return { iwgdf: [Math.min(...i), Math.max(...i)], nice: [Math.min(...n), Math.max(...n)] };
}

function expectNotLower(before: Assessment, after: Assessment, what: string): void {
  const b = range(before);
  const a = range(after);
  const why = `${what}: before ${JSON.stringify(b)}, after ${JSON.stringify(a)}`;
  expect(a.iwgdf[0], why).toBeGreaterThanOrEqual(b.iwgdf[0]);
  expect(a.iwgdf[1], why).toBeGreaterThanOrEqual(b.iwgdf[1]);
  expect(a.nice[0], why).toBeGreaterThanOrEqual(b.nice[0]);
  expect(a.nice[1], why).toBeGreaterThanOrEqual(b.nice[1]);
  // Spelt out: a decided result never becomes a lower decided one.
  if (before.iwgdf2023.category !== 'incomplete' && after.iwgdf2023.category !== 'incomplete') {
    expect(iwgdfCategories.indexOf(after.iwgdf2023.category), why).toBeGreaterThanOrEqual(iwgdfCategories.indexOf(before.iwgdf2023.category));
  }
  if (before.nice.category !== 'incomplete' && after.nice.category !== 'incomplete') {
    expect(niceCategories.indexOf(after.nice.category), why).toBeGreaterThanOrEqual(niceCategories.indexOf(before.nice.category));
  }
}

describe('properties of assess', () => {
  it('generated findings are valid new input', () => {
    fc.assert(fc.property(findingsArb, (f) => parseFindings(f).ok), { numRuns: 300 });
  });

  it('never throws and always returns a valid assessment', () => {
    fc.assert(
      fc.property(findingsArb, (f) => {
        const a = assess(f);
        const parsed = assessmentSchema.safeParse(a);
        if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));
        expect(a.iwgdf2023.possibleCategories.length).toBeGreaterThan(0);
        expect(a.nice.possibleCategories.length).toBeGreaterThan(0);
        if (a.iwgdf2023.category !== 'incomplete') expect(a.iwgdf2023.possibleCategories).toEqual([a.iwgdf2023.category]);
        if (a.nice.category !== 'incomplete') expect(a.nice.possibleCategories).toEqual([a.nice.category]);
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic: the same findings give the same assessment', () => {
    fc.assert(
      fc.property(findingsArb, (f) => {
        expect(JSON.stringify(assess(changed(f, () => undefined)))).toBe(JSON.stringify(assess(f)));
      }),
      { numRuns: 200 },
    );
  });

  it('does not change the findings it reads', () => {
    fc.assert(
      fc.property(findingsArb, (f) => {
        const before = JSON.stringify(f);
        assess(f);
        expect(JSON.stringify(f)).toBe(before);
      }),
      { numRuns: 100 },
    );
  });

  it('making one finding worse never lowers either category (any finding, from normal, not tested or not recorded)', () => {
    fc.assert(
      fc.property(findingsArb, worseningArb, (f, worse) => {
        const after = changed(f, worse.apply);
        expect(parseFindings(after).ok, worse.name).toBe(true);
        expectNotLower(assess(f), assess(after), worse.name);
      }),
      { numRuns: 3000 },
    );
  });

  it('several findings made worse together never lower either category', () => {
    fc.assert(
      fc.property(findingsArb, fc.array(worseningArb, { minLength: 2, maxLength: 5 }), (f, worse) => {
        const after = changed(f, (d) => worse.forEach((w) => w.apply(d)));
        expectNotLower(assess(f), assess(after), worse.map((w) => w.name).join(', '));
      }),
      { numRuns: 1000 },
    );
  });

  it('with every item recorded normal, each kind of worse finding is tried from normal and from not tested', () => {
    // Next to the random check: a complete normal exam (every test recorded, normal indices) and
    // the same exam with every test marked not tested, each made worse in many ways.
    const worsenings = fc.sample(worseningArb, { seed: 11, numRuns: 400 });
    for (const [label, base] of [['normal', normalBaseline()], ['not tested', notTestedBaseline()]] as const) {
      const before = assess(base);
      for (const worse of worsenings) expectNotLower(before, assess(changed(base, worse.apply)), `${worse.name}, from ${label}`);
    }
  });
});

/** A complete normal exam with a normal ABI (PAD ruled out firmly). */
function normalBaseline(): Findings {
  return {
    schemaVersion: 1,
    history: { previousUlcer: false, previousAmputation: 'none', endStageRenalDisease: false, onDialysis: false },
    symptoms: { neuropathic: false, claudication: false, restPain: false },
    redFlags: { suddenOnset: false, rapidSpread: false, markedAsymmetry: false, motorWeakness: false },
    feet: {
      left: normalFootWithIndex(),
      right: normalFootWithIndex(),
    },
  };
}

function normalFootWithIndex(): Findings['feet']['left'] {
  return {
    status: 'present',
    monofilament: { protocol: 'iwgdf-3', sites: { hallux: 'felt', mth1: 'felt', mth5: 'felt' } },
    vibration: { method: 'tuning-fork-128', result: 'normal' },
    touchTest: { protocol: 'ipswich', sites: { toe1: 'felt', toe3: 'felt', toe5: 'felt' } },
    pulses: { dorsalisPedis: 'palpable', posteriorTibial: 'palpable' },
    abi: 1.05,
    tbi: 0.9,
    waveforms: { dorsalisPedis: 'triphasic', posteriorTibial: 'triphasic' },
    toePressure: 90,
    skin: { activeUlcer: false, infection: false, gangrene: false, callus: false, fissures: false },
    deformity: { present: false, types: [] },
    activeCharcot: false,
    criticalIschaemia: false,
  };
}

/** The same exam with every test marked "not tested". */
function notTestedBaseline(): Findings {
  return changed(normalBaseline(), (f) => {
    for (const side of ['left', 'right'] as const) {
      const foot = f.feet[side];
      foot.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'not_tested', mth1: 'not_tested', mth5: 'not_tested' } };
      foot.vibration = { method: 'tuning-fork-128', result: 'not_tested' };
      foot.touchTest = { protocol: 'ipswich', sites: { toe1: 'not_tested', toe3: 'not_tested', toe5: 'not_tested' } };
      foot.pulses = { dorsalisPedis: 'not_tested', posteriorTibial: 'not_tested' };
      foot.abi = null;
      foot.tbi = null;
      foot.waveforms = { dorsalisPedis: 'not_tested', posteriorTibial: 'not_tested' };
      foot.toePressure = null;
    }
  });
}

describe('10,000 seeded random findings', () => {
  const seed = 20261125;
  const findings = seededFindings(seed, 10_000);

  it('are all valid new input, boundary values included', () => {
    expect(findings.length).toBe(10_000);
    expect(findings.every((f) => parseFindings(f).ok)).toBe(true);
    const abis = new Set(findings.flatMap((f) => [f.feet.left.abi, f.feet.right.abi]));
    for (const boundary of [0.89, 0.9, 1.3, 1.31]) expect(abis.has(boundary)).toBe(true);
    const toe = new Set(findings.flatMap((f) => [f.feet.left.toePressure, f.feet.right.toePressure]));
    for (const boundary of [29, 30]) expect(toe.has(boundary)).toBe(true);
  });

  it('are scored without throwing, deterministically: the same seed gives the same findings and results', () => {
    const assessments = findings.map((f) => assess(f));
    expect(JSON.stringify(seededFindings(seed, 10_000))).toBe(JSON.stringify(findings));
    // Scoring again gives the same assessment, field for field (every 10th, to keep CI quick).
    for (let i = 0; i < findings.length; i += 10) {
      expect(JSON.stringify(assess(findings[i] as Findings))).toBe(JSON.stringify(assessments[i]));
    }
    // Every category of both guidelines occurs, so the run exercises the whole rule tables.
    const iwgdf = new Set(assessments.map((a) => a.iwgdf2023.category));
    const nice = new Set(assessments.map((a) => a.nice.category));
    for (const c of [...iwgdfCategories, 'incomplete' as const]) expect(iwgdf.has(c), String(c)).toBe(true);
    for (const c of [...niceCategories, 'incomplete' as const]) expect(nice.has(c), c).toBe(true);
    // Decision 6: every result has a follow-up: a review date, or a referral for active disease.
    for (const a of assessments) expect(a.followUp?.review.months !== null || a.followUp.referralWarranted).toBe(true);
    // CPU-bound (about 10,000 assessments): seconds on a free machine, more on a shared one; the
    // time itself is measured by `npm run bench` (assess-batch), not here.
  }, 180_000);
});
