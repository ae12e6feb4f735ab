import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFindings, type Findings } from '../domain/findings';
import { assess } from './assess';
import { findingsArb } from './fixtures/findingsArbitrary';
import { insensate, normalWith } from './fixtures/findingsBuilders';
import { followUpFor, followUpOf } from './followUp';

/** The follow-up (decisions 6 and 10): a review date for every result, and every referral an action asks for. */

const cases = ['vignettes.json', 'vignettes-revision2.json'].flatMap(
  (file) => JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url)), 'utf8')) as { id: string; findings: unknown }[],
);

function vignette(id: string): Findings {
  const parsed = parseFindings(cases.find((c) => c.id === id)?.findings);
  if (!parsed.ok) throw new Error(`no vignette ${id}`);
  return parsed.value;
}

const followUp = (f: Findings) => followUpOf(assess(f));

describe('follow-up of decided results', () => {
  it('low risk in both guidelines: 12 months, no referral', () => {
    expect(followUp(vignette('V01'))).toEqual({
      review: expect.objectContaining({ months: 12, provisional: false }),
      referralWarranted: false,
      referrals: [],
      referralText: 'Not warranted: no category requires a referral and there is no red flag.',
    });
  });

  it('NICE moderate is a referral: foot protection service within 6-8 weeks (decision 10)', () => {
    const f = followUp(vignette('V03'));
    expect(f.referralWarranted).toBe(true);
    expect(f.referrals).toEqual([
      expect.objectContaining({ kind: 'foot', level: 'moderate', recipient: 'Foot protection service (FPS) / podiatry', seeWithinDays: 56, provisional: false, reasons: ['NICE NG19: moderate risk.'] }),
    ]);
    expect(f.referralText).toBe('Warranted: Foot protection service (FPS) / podiatry, first assessment within 6-8 weeks.');
  });

  it('a red flag is a medical review by a GP or physician, beside any foot referral', () => {
    const f = followUp(vignette('V36'));
    expect(f.referrals.map((r) => [r.kind, r.recipient])).toEqual([
      ['foot', 'Foot protection service (FPS) / podiatry'],
      ['medical-review', 'GP or physician (medical review)'],
    ]);
    const redFlagOnly = followUp(normalWith((d) => (d.redFlags = { ...d.redFlags, motorWeakness: true })));
    expect(redFlagOnly.referrals.map((r) => r.kind)).toEqual(['medical-review']);
  });

  it('gangrene is limb-threatening: immediately to acute services, no routine review', () => {
    const f = followUp(normalWith((d) => (d.feet.left.skin = { ...d.feet.left.skin, gangrene: true })));
    expect(f.review.months).toBeNull();
    expect(f.referrals[0]).toMatchObject({ level: 'immediate', headline: 'Immediately: limb-threatening', reasons: expect.arrayContaining(['Limb-threatening: gangrene.']) });
  });
});

describe('follow-up of incomplete results (decision 6)', () => {
  it('confirmed LOPS with the history not recorded: reviewed as the highest possible category, with the referral', () => {
    const f = followUp(normalWith((d) => (insensate(d.feet.left), delete d.history)));
    expect(f.review).toMatchObject({ months: 1, provisional: true });
    expect(f.review.basis).toMatch(/^1 month after this examination: the result is incomplete/);
    // NICE could be moderate or high: a referral whichever it is, as urgent as high risk asks.
    expect(f.referrals[0]).toMatchObject({ level: 'high', provisional: false });
    expect(f.referralText).toMatch(/^Warranted: /);
  });

  it('V48, IWGDF 0 or 3 and NICE high: 1 month, foot protection service within 2-4 weeks', () => {
    const f = followUp(vignette('V48'));
    expect(f.review.months).toBe(1);
    expect(f.referrals[0]).toMatchObject({ level: 'high', provisional: false });
  });

  it('V41, could be NICE moderate: 3 months, and the referral is offered until it is settled', () => {
    const f = followUp(vignette('V41'));
    expect(f.review).toMatchObject({ months: 3, provisional: true });
    expect(f.referrals).toEqual([expect.objectContaining({ level: 'moderate', provisional: true })]);
    expect(f.referrals[0]?.reasons[0]).toMatch(/^IWGDF 2023: not decided, it could be category 1 \(low risk\)|^NICE NG19: not decided, it could be moderate risk/);
    expect(f.referralText).toMatch(/^Offered: may be needed until the result is settled: Foot protection service/);
  });

  it('V42, rest pain that could be ischaemic: an urgent referral is offered', () => {
    const f = followUp(vignette('V42'));
    expect(f.referrals[0]).toMatchObject({ level: 'active', provisional: true });
    expect(f.review.months).toBe(12);
  });

  it('the incomplete results themselves carry the shortest interval of their possible categories', () => {
    const a = assess(vignette('V48'));
    expect(a.iwgdf2023.reviewIntervalMonths).toEqual({ min: 1, max: 3 });
    expect(a.iwgdf2023.interval).toBe('Until settled: every 1-3 months (the shortest interval of Category 0 (very low risk) or Category 3 (high risk))');
  });

  it('an interval that starts with an abbreviation keeps its capitals ("FPS", not "fPS")', () => {
    const a = assess({ schemaVersion: 1, examStatus: 'performed', feet: { right: { status: 'present' }, left: { status: 'absent', statusReason: 'Amputation' } } });
    expect(a.nice.interval).toMatch(/^Until settled: FPS within/);
  });
});

describe('follow-up properties', () => {
  it('every result has a review date or a referral, and nothing says "not warranted" while an action asks for a referral', () => {
    fc.assert(
      fc.property(findingsArb, (findings) => {
        const a = assess(findings);
        const f = followUpOf(a);
        expect(f.review.months !== null || f.referralWarranted).toBe(true);
        const asks = [a.iwgdf2023, a.nice].some((r) => r.category !== 'incomplete' && /\brefer/i.test(r.action));
        if (asks) expect(f.referralWarranted).toBe(true);
        if (!f.referralWarranted) expect(f.referralText).toMatch(/^Not warranted/);
        // The stored follow-up is the one the stored categories give.
        expect(followUpFor(a)).toEqual(f);
      }),
      { numRuns: 300 },
    );
  });
});
