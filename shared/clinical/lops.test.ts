import { describe, expect, it } from 'vitest';
import type { Findings } from '../domain/findings';
import { normalWith } from './fixtures/findingsBuilders';
import { footContexts } from './footContext';
import { footSensation, ipswichSummary, personLops } from './lops';

type Sensation = ReturnType<typeof footSensation>;

function lopsOf(findings: Findings): { person: ReturnType<typeof personLops>; left: Sensation; right: Sensation | undefined } {
  const contexts = footContexts(findings);
  const ipswich = ipswichSummary(contexts);
  const feet = contexts.filter((c) => c.role !== 'absent').map((ctx) => ({ ctx, sensation: footSensation(ctx, ipswich) }));
  const left = feet.find((f) => f.ctx.side === 'left');
  if (!left) throw new Error('left foot expected');
  return { person: personLops(feet), left: left.sensation, right: feet.find((f) => f.ctx.side === 'right')?.sensation };
}

describe('LOPS per foot (decision 2, D1-D5)', () => {
  it('all sites felt: no LOPS, decided by the felt sites', () => {
    const { left, person } = lopsOf(normalWith(() => undefined));
    expect(left.lops.value).toBe(false);
    expect(left.lops.findings).toEqual(['feet.left.monofilament.sites.hallux', 'feet.left.monofilament.sites.mth1', 'feet.left.monofilament.sites.mth5']);
    expect(person.value).toBe(false);
  });

  it('one insensate site is LOPS (C2)', () => {
    const { left, person } = lopsOf(normalWith((f) => (f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'not_felt', mth1: 'felt', mth5: 'felt' } })));
    expect(left.lops).toMatchObject({ value: true, findings: ['feet.left.monofilament.sites.hallux'] });
    expect(left.lops.conventions).toContain('C2');
    expect(person.value).toBe(true);
  });

  it('an insensate site decided from raw answers, with a sham answered yes', () => {
    const { left } = lopsOf(
      normalWith((f) => {
        f.feet.left.monofilament = {
          protocol: 'iwgdf-3',
          sites: {
            hallux: { applications: [{ sham: false, response: 'yes' }, { sham: true, response: 'yes' }, { sham: false, response: 'no' }] },
            mth1: 'felt',
            mth5: 'felt',
          },
        };
      }),
    );
    expect(left.lops.value).toBe(true);
    expect(left.lops.conventions).toEqual(expect.arrayContaining(['C2', 'D1']));
  });

  it('felt sites plus one not tested: unknown; the untested site could be insensate', () => {
    const { left } = lopsOf(normalWith((f) => (f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'felt', mth1: 'felt', mth5: 'not_tested' } })));
    expect(left.lops.value).toBe('unknown');
    expect(left.lops.toSettle).toEqual(['feet.left.monofilament.sites.mth5']);
  });

  it('pending raw answers keep LOPS open', () => {
    const { left } = lopsOf(
      normalWith((f) => (f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: { applications: [{ sham: false, response: 'yes' }] }, mth1: 'felt', mth5: 'felt' } })),
    );
    expect(left.lops.value).toBe('unknown');
  });

  it('an amputated site is left out (D2); other not-testable reasons are not', () => {
    const amputated = lopsOf(normalWith((f) => (f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: { result: 'not_tested', reason: 'amputation' }, mth1: 'felt', mth5: 'felt' } })));
    expect(amputated.left.lops.value).toBe(false);
    expect(amputated.left.lops.conventions).toContain('D2');
    const ulcer = lopsOf(normalWith((f) => (f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: { result: 'not_tested', reason: 'ulcer' }, mth1: 'felt', mth5: 'felt' } })));
    expect(ulcer.left.lops.value).toBe('unknown');
  });

  it('fewer sites than the protocol needs do not rule LOPS out (D3)', () => {
    expect(lopsOf(normalWith((f) => (f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'felt', mth1: 'felt' } }))).left.lops.value).toBe('unknown');
    expect(lopsOf(normalWith((f) => (f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'felt', mth1: 'felt', mth3: 'felt', mth5: 'felt' } }))).left.lops.value).toBe(false);
    expect(lopsOf(normalWith((f) => (f.feet.left.monofilament = { protocol: '10-site', sites: { hallux: 'felt', mth1: 'felt', mth5: 'felt' } }))).left.lops.value).toBe('unknown');
  });

  it('iwgdf-3 scores whatever three sites are recorded, mth3 included', () => {
    const { left } = lopsOf(normalWith((f) => (f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'felt', mth3: 'not_felt', mth5: 'felt' } })));
    expect(left.lops).toMatchObject({ value: true, findings: ['feet.left.monofilament.sites.mth3'] });
  });

  it('absent vibration establishes LOPS even with all sites felt (C2)', () => {
    const { left } = lopsOf(normalWith((f) => (f.feet.left.vibration = { method: 'tuning-fork-128', result: 'absent' })));
    expect(left.lops).toMatchObject({ value: true, findings: ['feet.left.vibration.result'] });
  });

  it('reduced vibration alone never decides', () => {
    expect(lopsOf(normalWith((f) => (f.feet.left.vibration = { method: 'tuning-fork-128', result: 'reduced' }))).left.lops.value).toBe(false);
    const noMonofilament = normalWith((f) => {
      delete f.feet.left.monofilament;
      f.feet.left.vibration = { method: 'tuning-fork-128', result: 'reduced' };
    });
    expect(lopsOf(noMonofilament).left.lops.value).toBe('unknown');
  });

  it('normal vibration alone does not rule LOPS out (D3)', () => {
    const findings = normalWith((f) => delete f.feet.left.monofilament);
    expect(lopsOf(findings).left.lops).toMatchObject({ value: 'unknown', toSettle: ['feet.left.monofilament'] });
  });

  it('VPT 25 V is LOPS; 24 V is not abnormal', () => {
    expect(lopsOf(normalWith((f) => (f.feet.left.vibration = { method: 'vpt', voltage: 25 }))).left.lops.value).toBe(true);
    expect(lopsOf(normalWith((f) => (f.feet.left.vibration = { method: 'vpt', voltage: 24 }))).left.lops.value).toBe(false);
  });
});

describe('Ipswich Touch Test (>= 2 of 6 toes insensate; decision 2, D4)', () => {
  function ipswich(left: Record<'toe1' | 'toe3' | 'toe5', 'felt' | 'not_felt' | 'not_tested'>, right: Record<'toe1' | 'toe3' | 'toe5', 'felt' | 'not_felt' | 'not_tested'>): Findings {
    return normalWith((f) => {
      delete f.feet.left.monofilament;
      delete f.feet.right.monofilament;
      f.feet.left.touchTest = { protocol: 'ipswich', sites: left };
      f.feet.right.touchTest = { protocol: 'ipswich', sites: right };
    });
  }

  it('2 of 6 insensate (one on each foot) is LOPS on both feet', () => {
    const { person, left } = lopsOf(ipswich({ toe1: 'not_felt', toe3: 'felt', toe5: 'felt' }, { toe1: 'felt', toe3: 'felt', toe5: 'not_felt' }));
    expect(person.value).toBe(true);
    expect(left.lops.findings).toEqual(['feet.right.touchTest.sites.toe5', 'feet.left.touchTest.sites.toe1']);
  });

  it('1 of 6 insensate leaves LOPS undecided on that foot, asking for the monofilament (decision 2)', () => {
    const { person, left, right } = lopsOf(ipswich({ toe1: 'not_felt', toe3: 'felt', toe5: 'felt' }, { toe1: 'felt', toe3: 'felt', toe5: 'felt' }));
    expect(person.value).toBe('unknown');
    expect(left.lops.toSettle).toContain('feet.left.monofilament');
    expect(left.lops.reason).toContain('confirm with the monofilament');
    expect(right?.lops.value).toBe(false);
  });

  it('1 of 6 insensate with all monofilament sites felt on that foot: no LOPS', () => {
    const f = ipswich({ toe1: 'not_felt', toe3: 'felt', toe5: 'felt' }, { toe1: 'felt', toe3: 'felt', toe5: 'felt' });
    f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'felt', mth1: 'felt', mth5: 'felt' } };
    expect(lopsOf(f).person.value).toBe(false);
  });

  it('a toe not tested could be the one insensate toe: undecided, never normal', () => {
    expect(lopsOf(ipswich({ toe1: 'not_tested', toe3: 'felt', toe5: 'felt' }, { toe1: 'felt', toe3: 'felt', toe5: 'felt' })).person.value).toBe('unknown');
  });

  it('1 insensate and 1 not tested is undecided', () => {
    expect(lopsOf(ipswich({ toe1: 'not_felt', toe3: 'felt', toe5: 'felt' }, { toe1: 'felt', toe3: 'not_tested', toe5: 'felt' })).person.value).toBe('unknown');
  });

  it('all toes felt rules LOPS out', () => {
    expect(lopsOf(ipswich({ toe1: 'felt', toe3: 'felt', toe5: 'felt' }, { toe1: 'felt', toe3: 'felt', toe5: 'felt' })).person.value).toBe(false);
  });
});

describe('LOPS per person', () => {
  it('an absent foot is left out, not unknown', () => {
    const { person } = lopsOf(normalWith((f) => (f.feet.right = { status: 'absent' })));
    expect(person.value).toBe(false);
  });

  it('a declined foot is unknown (D8)', () => {
    const { person } = lopsOf(normalWith((f) => ((f.feet.right.status = 'declined'), (f.feet.right.statusReason = 'bandaged'))));
    expect(person.value).toBe('unknown');
    expect(person.reason).toContain('Right foot not examined (declined: bandaged)');
    expect(person.conventions).toContain('D8');
  });

  it('true on one foot wins over unknown on the other', () => {
    const findings = normalWith((f) => {
      f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'not_felt', mth1: 'felt', mth5: 'felt' } };
      f.feet.right.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'not_tested', mth1: 'not_tested', mth5: 'not_tested' } };
    });
    expect(lopsOf(findings).person.value).toBe(true);
  });
});
