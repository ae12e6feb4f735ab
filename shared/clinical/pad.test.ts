import { describe, expect, it } from 'vitest';
import type { Findings, FootFindings } from '../domain/findings';
import { normalWith } from './fixtures/findingsBuilders';
import { footContexts } from './footContext';
import { footPad, personPad } from './pad';

function padOf(findings: Findings): ReturnType<typeof personPad> {
  const feet = footContexts(findings)
    .filter((ctx) => ctx.role !== 'absent')
    .map((ctx) => ({ ctx, pad: footPad(ctx, findings.symptoms) }));
  return personPad(feet);
}

function left(change: (foot: FootFindings) => void, extra?: (f: Findings) => void): Findings {
  return normalWith((f) => {
    change(f.feet.left);
    extra?.(f);
  });
}

describe('PAD (decisions 3, 4, 7, 9; D7)', () => {
  it('all pulses palpable, no index: no PAD', () => {
    expect(padOf(left(() => undefined)).value).toBe(false);
  });

  it('both pulses not palpable: PAD', () => {
    const pad = padOf(left((foot) => (foot.pulses = { dorsalisPedis: 'not_palpable', posteriorTibial: 'not_palpable' })));
    expect(pad).toMatchObject({ value: true, findings: ['feet.left.pulses.dorsalisPedis', 'feet.left.pulses.posteriorTibial'] });
  });

  it('ABI < 0.9 is PAD even with palpable pulses; 0.9 is not', () => {
    expect(padOf(left((foot) => (foot.abi = 0.89))).value).toBe(true);
    expect(padOf(left((foot) => (foot.abi = 0.9))).value).toBe(false);
  });

  it('TBI < 0.7 is PAD; 0.7 is not', () => {
    expect(padOf(left((foot) => (foot.tbi = 0.69))).value).toBe(true);
    expect(padOf(left((foot) => (foot.tbi = 0.7))).value).toBe(false);
  });

  it('critical ischaemia is PAD', () => {
    expect(padOf(left((foot) => (foot.criticalIschaemia = true))).value).toBe(true);
  });

  it('a single non-palpable pulse without an index leaves PAD unknown (C3)', () => {
    const pad = padOf(left((foot) => (foot.pulses = { dorsalisPedis: 'not_palpable', posteriorTibial: 'palpable' })));
    expect(pad.value).toBe('unknown');
    expect(pad.conventions).toContain('C3');
    expect(pad.toSettle).toEqual(['feet.left.abi', 'feet.left.tbi']);
  });

  it('a single non-palpable pulse with ABI 0.9-1.3 is no PAD (C3), with TBI >= 0.7 too (D7)', () => {
    const single = (foot: FootFindings): void => {
      foot.pulses = { dorsalisPedis: 'palpable', posteriorTibial: 'not_palpable' };
    };
    expect(padOf(left((foot) => (single(foot), (foot.abi = 0.95)))).value).toBe(false);
    expect(padOf(left((foot) => (single(foot), (foot.abi = 1.3)))).value).toBe(false);
    expect(padOf(left((foot) => (single(foot), (foot.tbi = 0.8)))).conventions).toContain('D7');
  });

  it('ABI above 1.3 neither proves nor excludes PAD (decision 4)', () => {
    const palpable = padOf(left((foot) => (foot.abi = 1.4)));
    expect(palpable.value).toBe('unknown');
    expect(palpable.conventions).toContain('C4');
    expect(palpable.toSettle).toEqual(['feet.left.tbi', 'feet.left.waveforms']);
    expect(padOf(left((foot) => ((foot.abi = 1.4), (foot.tbi = 0.7)))).value).toBe(false);
    expect(padOf(left((foot) => ((foot.abi = 1.4), (foot.waveforms = { dorsalisPedis: 'triphasic', posteriorTibial: 'not_tested' })))).value).toBe(false);
    const single = padOf(left((foot) => ((foot.pulses = { dorsalisPedis: 'not_palpable', posteriorTibial: 'palpable' }), (foot.abi = 1.4))));
    expect(single.value).toBe('unknown');
    const absent = padOf(left((foot) => ((foot.pulses = { dorsalisPedis: 'not_palpable', posteriorTibial: 'not_palpable' }), (foot.abi = 1.45))));
    expect(absent.value).toBe(true);
  });

  it('a pulse not recorded counts only if both possibilities agree', () => {
    expect(padOf(left((foot) => (foot.pulses = { dorsalisPedis: 'palpable', posteriorTibial: 'not_tested' }))).value).toBe('unknown');
    expect(padOf(left((foot) => ((foot.pulses = { dorsalisPedis: 'palpable' }), (foot.abi = 1.0)))).value).toBe(false);
    expect(padOf(left((foot) => ((foot.pulses = { dorsalisPedis: 'not_tested', posteriorTibial: 'not_tested' }), (foot.abi = 1.0)))).value).toBe('unknown');
    expect(padOf(left((foot) => delete foot.pulses)).value).toBe('unknown');
  });

  it('claudication with palpable pulses and no index, TBI or waveform: PAD undecided (decision 7)', () => {
    const pad = padOf(left(() => undefined, (f) => (f.symptoms = { ...f.symptoms, claudication: true })));
    expect(pad.value).toBe('unknown');
    expect(pad.conventions).toContain('C7');
    const withIndex = padOf(left((foot) => (foot.abi = 1.0), (f) => ((f.symptoms = { ...f.symptoms, claudication: true }), (f.feet.right.abi = 1.0))));
    expect(withIndex.value).toBe(false);
  });

  it('a monophasic or absent waveform is PAD; triphasic and biphasic are not (decision 9)', () => {
    expect(padOf(left((foot) => (foot.waveforms = { dorsalisPedis: 'monophasic' }))).value).toBe(true);
    const absent = padOf(left((foot) => (foot.waveforms = { dorsalisPedis: 'triphasic', posteriorTibial: 'absent' })));
    expect(absent).toMatchObject({ value: true, findings: ['feet.left.waveforms.posteriorTibial'], conventions: ['C9'] });
    expect(padOf(left((foot) => (foot.waveforms = { dorsalisPedis: 'biphasic', posteriorTibial: 'not_tested' }))).value).toBe(false);
  });

  it('a toe pressure below 30 mmHg is PAD; 30 is not; the lower of two toe pressures counts (decision 9, D15)', () => {
    expect(padOf(left((foot) => (foot.toePressure = 29))).value).toBe(true);
    expect(padOf(left((foot) => (foot.toePressure = 30))).value).toBe(false);
    const two = padOf(left((foot) => ((foot.toePressure = 60), (foot.pressures = { toe: 25 }))));
    expect(two).toMatchObject({ value: true, findings: ['feet.left.pressures.toe'] });
    expect(two.conventions).toContain('D15');
  });

  it('a "no" is firm only with both pulses palpable and a normal index (decision 5)', () => {
    expect(padOf(left(() => undefined, (f) => (f.feet.right.tbi = 0.8))).weak).toMatchObject({ toSettle: ['feet.left.abi', 'feet.left.tbi', 'feet.left.waveforms'] });
    expect(padOf(left((foot) => (foot.abi = 1.0), (f) => (f.feet.right.tbi = 0.8))).weak).toBeUndefined();
    const single = padOf(left((foot) => ((foot.pulses = { dorsalisPedis: 'not_palpable', posteriorTibial: 'palpable' }), (foot.abi = 1.0)), (f) => (f.feet.right.tbi = 0.8)));
    expect(single.value).toBe(false);
    expect(single.weak).toBeDefined();
  });

  it('per person: any foot with PAD decides; an absent foot is left out', () => {
    const findings = normalWith((f) => {
      f.feet.right = { status: 'absent' };
      f.feet.left.abi = 0.6;
    });
    expect(padOf(findings).value).toBe(true);
    expect(padOf(normalWith((f) => (f.feet.right = { status: 'absent' }))).value).toBe(false);
  });
});
