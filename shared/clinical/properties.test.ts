import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  monofilamentSiteKeys,
  notTestableReasons,
  parseFindings,
  type Application,
  type Deformity,
  type Findings,
  type FootFindings,
  type MonofilamentSiteValue,
  type Side,
} from '../domain/findings';
import { assess } from './assess';
import { assessmentSchema, type Assessment } from './assessment';
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
 * incomplete result upwards or widen it upwards, never move it down.
 */

/** Ordinary exams are mostly normal: an abnormal value one time in `odds`. */
const mostly = <T>(normal: T, abnormal: fc.Arbitrary<T>, odds: number): fc.Arbitrary<T> =>
  fc.oneof({ weight: odds - 1, arbitrary: fc.constant(normal) }, { weight: 1, arbitrary: abnormal });
const rarely = (odds: number): fc.Arbitrary<boolean> => mostly(false, fc.constant(true), odds);
/** An optional extra, recorded one time in four. */
const sometimes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

const applicationArb: fc.Arbitrary<Application> = fc.record({ sham: fc.boolean(), response: fc.constantFrom('yes', 'no') });
const siteValueArb: fc.Arbitrary<MonofilamentSiteValue> = fc.oneof(
  { weight: 10, arbitrary: mostly<MonofilamentSiteValue>('felt', fc.constantFrom('not_felt', 'not_tested'), 12) },
  { weight: 2, arbitrary: fc.record({ applications: fc.array(applicationArb, { maxLength: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ result: fc.constant('not_tested' as const), reason: fc.constantFrom(...notTestableReasons) }) },
);
const siteKeyArb = fc.constantFrom(...monofilamentSiteKeys);

interface Mix {
  /** An item is left out (not recorded) one time in `missing`. */
  missing: number;
  /** A sign of active disease one time in `active`. */
  active: number;
}

function findingsWith({ missing, active }: Mix): fc.Arbitrary<Findings> {
  const maybe = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(arb, { nil: undefined, freq: missing });
  const pulse = maybe(mostly<'palpable' | 'not_palpable' | 'not_tested'>('palpable', fc.constantFrom('not_palpable', 'not_tested'), 8));
  const touch = mostly<'felt' | 'not_felt' | 'not_tested'>('felt', fc.constantFrom('not_felt', 'not_tested'), 6);
  const fork = fc.record({
    method: fc.constant('tuning-fork-128' as const),
    result: maybe(mostly<'normal' | 'reduced' | 'absent' | 'not_tested'>('normal', fc.constantFrom('reduced', 'absent', 'not_tested'), 8)),
    applications: sometimes(fc.array(applicationArb, { maxLength: 4 })),
    site: sometimes(fc.constantFrom('hallux', 'other-toe', 'malleolus', 'tibial-tuberosity')),
  });
  const vpt = fc.record({ method: fc.constant('vpt' as const), voltage: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }) });
  const foot: fc.Arbitrary<FootFindings> = fc.record({
    status: mostly<FootFindings['status']>('present', fc.constantFrom('absent', 'declined', 'unsuitable'), 10),
    monofilament: maybe(
      fc.record({
        protocol: fc.constantFrom('iwgdf-3', '10-site'),
        sites: fc.oneof(
          { weight: 6, arbitrary: fc.record({ hallux: siteValueArb, mth1: siteValueArb, mth5: siteValueArb }) },
          { weight: 1, arbitrary: fc.dictionary(siteKeyArb, siteValueArb, { maxKeys: 10 }) },
        ),
      }),
    ),
    vibration: maybe(fc.oneof({ weight: 4, arbitrary: fork }, { weight: 1, arbitrary: vpt })),
    touchTest: sometimes(fc.record({ protocol: fc.constant('ipswich' as const), sites: fc.record({ toe1: touch, toe3: touch, toe5: touch }) })),
    pulses: maybe(fc.record({ dorsalisPedis: pulse, posteriorTibial: pulse })),
    abi: maybe(fc.option(fc.constantFrom(0.5, 0.85, 0.9, 0.95, 1.1, 1.3, 1.35, 1.5), { nil: null, freq: 2 })),
    tbi: maybe(fc.option(fc.constantFrom(0.3, 0.69, 0.7, 0.9), { nil: null, freq: 2 })),
    skin: maybe(
      fc.record({
        activeUlcer: maybe(rarely(active)),
        infection: maybe(rarely(active)),
        gangrene: maybe(rarely(active)),
        callus: maybe(rarely(4)),
        fissures: maybe(rarely(4)),
        dryness: maybe(rarely(3)),
      }),
    ),
    deformity: maybe(
      fc.oneof(
        { weight: 3, arbitrary: fc.constant<Deformity>({ present: false, types: [] }) },
        { weight: 1, arbitrary: fc.record({ present: maybe(fc.boolean()), types: fc.array(fc.constantFrom('claw toes', 'hallux valgus'), { maxLength: 2 }) }) },
      ),
    ),
    activeCharcot: maybe(rarely(active)),
    hotSwollen: sometimes(rarely(active)),
    criticalIschaemia: maybe(rarely(active)),
    ankleReflex: sometimes(fc.constantFrom('present', 'reinforcement', 'absent', 'not_tested')),
    pinPrick: sometimes(fc.constantFrom('normal', 'abnormal', 'not_tested')),
    temperature: sometimes(fc.constantFrom('normal', 'abnormal', 'not_tested')),
  });
  const yes = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => maybe(arb);
  return fc
    .record({
      schemaVersion: fc.constant(1 as const),
      examStatus: sometimes(mostly<'performed' | 'declined' | 'unsuitable'>('performed', fc.constantFrom('declined', 'unsuitable'), 6)),
      history: maybe(
        fc.record({
          previousUlcer: yes(rarely(6)),
          previousAmputation: yes(mostly<'none' | 'minor' | 'major'>('none', fc.constantFrom('minor', 'major'), 8)),
          endStageRenalDisease: yes(rarely(10)),
          onDialysis: yes(rarely(12)),
          kidneyTransplant: sometimes(rarely(15)),
          onMetformin: sometimes(fc.boolean()),
        }),
      ),
      symptoms: maybe(fc.record({ neuropathic: yes(rarely(3)), claudication: yes(rarely(5)), restPain: yes(rarely(12)) })),
      redFlags: maybe(
        fc.record({
          suddenOnset: yes(rarely(10)),
          rapidSpread: yes(rarely(10)),
          markedAsymmetry: yes(rarely(10)),
          motorWeakness: yes(rarely(10)),
          weightLoss: sometimes(rarely(10)),
        }),
      ),
      feet: fc.record({ left: foot, right: foot }),
    })
    .map((f) => JSON.parse(JSON.stringify(f)) as Findings);
}

// Ordinary exams (complete, mostly normal) and sparse ones with more gaps and more active disease.
const findingsArb: fc.Arbitrary<Findings> = fc.oneof(findingsWith({ missing: 200, active: 300 }), findingsWith({ missing: 8, active: 40 }));

type Worsening = { name: string; apply: (f: Findings) => void };

const sideArb = fc.constantFrom<Side>('left', 'right');

/** One finding made worse (or left as it is when it is already as bad or not there). */
const worseningArb: fc.Arbitrary<Worsening> = fc.oneof(
  fc.tuple(sideArb, siteKeyArb).map(([side, key]) => ({
    name: `${side} ${key} not felt`,
    apply: (f: Findings): void => {
      const mono = f.feet[side].monofilament;
      if (mono && mono.sites[key] !== undefined) mono.sites[key] = 'not_felt';
    },
  })),
  fc.tuple(sideArb, fc.constantFrom('dorsalisPedis' as const, 'posteriorTibial' as const)).map(([side, pulse]) => ({
    name: `${side} ${pulse} not palpable`,
    apply: (f: Findings): void => {
      const pulses = f.feet[side].pulses;
      if (pulses?.[pulse] === 'palpable') pulses[pulse] = 'not_palpable';
    },
  })),
  sideArb.map((side) => ({
    name: `${side} vibration absent`,
    apply: (f: Findings): void => {
      const v = f.feet[side].vibration;
      if (v?.method === 'tuning-fork-128' && v.result !== undefined && v.result !== 'not_tested') v.result = 'absent';
    },
  })),
  fc.tuple(sideArb, fc.constantFrom(0.5, 0.85)).map(([side, abi]) => ({
    name: `${side} ABI lower (${abi})`,
    apply: (f: Findings): void => {
      const foot = f.feet[side];
      if (typeof foot.abi === 'number' && foot.abi <= 1.3 && abi < foot.abi) foot.abi = abi;
    },
  })),
  fc.constant({ name: 'ulcer history', apply: (f: Findings): void => void (f.history = { ...f.history, previousUlcer: true }) }),
  fc.constant({ name: 'ESRD', apply: (f: Findings): void => void (f.history = { ...f.history, endStageRenalDisease: true }) }),
  fc.constant({ name: 'dialysis', apply: (f: Findings): void => void (f.history = { ...f.history, onDialysis: true }) }),
  fc.constant({
    name: 'amputation',
    apply: (f: Findings): void => {
      if (f.history?.previousAmputation !== 'major') f.history = { ...f.history, previousAmputation: 'minor' };
    },
  }),
  sideArb.map((side) => ({
    name: `${side} deformity`,
    apply: (f: Findings): void => void (f.feet[side].deformity = { ...f.feet[side].deformity, present: true }),
  })),
  sideArb.map((side) => ({
    name: `${side} callus`,
    apply: (f: Findings): void => void (f.feet[side].skin = { ...f.feet[side].skin, callus: true }),
  })),
  sideArb.map((side) => ({
    name: `${side} active ulcer`,
    apply: (f: Findings): void => void (f.feet[side].skin = { ...f.feet[side].skin, activeUlcer: true }),
  })),
  fc.constant({ name: 'rest pain', apply: (f: Findings): void => void (f.symptoms = { ...f.symptoms, restPain: true }) }),
);

function range(a: Assessment): { iwgdf: [number, number]; nice: [number, number] } {
  const i = a.iwgdf2023.possibleCategories.map((c) => iwgdfCategories.indexOf(c));
  const n = a.nice.possibleCategories.map((c) => niceCategories.indexOf(c));
  return { iwgdf: [Math.min(...i), Math.max(...i)], nice: [Math.min(...n), Math.max(...n)] };
}

describe('properties of assess', () => {
  it('generated findings are valid findings', () => {
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

  it('making one finding worse never lowers either category', () => {
    fc.assert(
      fc.property(findingsArb, worseningArb, (f, worse) => {
        const before = range(assess(f));
        const after = range(assess(changed(f, worse.apply)));
        const why = `${worse.name}: before ${JSON.stringify(before)}, after ${JSON.stringify(after)}`;
        expect(after.iwgdf[0], why).toBeGreaterThanOrEqual(before.iwgdf[0]);
        expect(after.iwgdf[1], why).toBeGreaterThanOrEqual(before.iwgdf[1]);
        expect(after.nice[0], why).toBeGreaterThanOrEqual(before.nice[0]);
        expect(after.nice[1], why).toBeGreaterThanOrEqual(before.nice[1]);
      }),
      { numRuns: 2000 },
    );
  });
});
