import { describe, expect, it } from 'vitest';
import { assess } from './assess';
import { normalWith } from './fixtures/findingsBuilders';

describe('consistency warnings', () => {
  it('a normal, complete exam has none', () => {
    expect(assess(normalWith(() => undefined)).warnings).toEqual([]);
  });

  it('each warning names its finding paths', () => {
    const a = assess(
      normalWith((d) => {
        d.feet.left.abi = 0.7;
        d.feet.right.abi = 1.5;
        d.feet.right.deformity = { present: false, types: ['hallux valgus'] };
        d.history = { ...d.history, previousAmputation: 'major' };
      }),
    );
    const byId = Object.fromEntries(a.warnings.map((w) => [w.id, w]));
    expect(byId['palpable-pulses-low-abi']?.findings).toEqual(['feet.left.pulses.dorsalisPedis', 'feet.left.pulses.posteriorTibial', 'feet.left.abi']);
    expect(byId['abi-non-compressible']?.findings).toEqual(['feet.right.abi']);
    expect(byId['listed-but-not-ticked']?.findings).toEqual(['feet.right.deformity.types']);
    expect(byId['major-amputation-both-feet-present']).toBeDefined();
    // PAD (ABI 0.7) with the major amputation = IWGDF 3; the listed deformity also counts (D10).
    expect(a.iwgdf2023.category).toBe(3);
  });

  it('an absent foot without amputation history is questioned, and counted as a major amputation (decision 1)', () => {
    const a = assess(normalWith((d) => (d.feet.left = { status: 'absent' })));
    const warning = a.warnings.find((w) => w.id === 'absent-foot-without-amputation-history');
    expect(warning?.message).toBe(
      'Left foot is recorded as absent but the history says no amputation; it is counted as a major amputation (decision 1). Check the amputation history.',
    );
    expect(warning?.findings).toEqual(['feet.left.status', 'history.previousAmputation']);
  });

  it('a TBI of 0.70-0.74 is borderline; 0.69 is PAD and 0.75 is not borderline (decision 9)', () => {
    const ids = (tbi: number): string[] => assess(normalWith((d) => (d.feet.right.tbi = tbi))).warnings.map((w) => w.id);
    expect(ids(0.7)).toContain('borderline-tbi');
    expect(ids(0.74)).toContain('borderline-tbi');
    expect(ids(0.69)).not.toContain('borderline-tbi');
    expect(ids(0.75)).not.toContain('borderline-tbi');
    expect(assess(normalWith((d) => (d.feet.right.tbi = 0.72))).warnings.find((w) => w.id === 'borderline-tbi')?.findings).toEqual(['feet.right.tbi']);
  });

  it('a toe pressure below 30 mmHg asks for an urgent vascular assessment, and is not active disease (decision 9)', () => {
    const a = assess(normalWith((d) => (d.feet.left.toePressure = 20)));
    expect(a.warnings.find((w) => w.id === 'toe-pressure-low')).toMatchObject({ findings: ['feet.left.toePressure'] });
    expect(a.warnings.find((w) => w.id === 'toe-pressure-low')?.message).toContain('urgent vascular assessment');
    expect([a.pad, a.iwgdf2023.category, a.nice.category]).toEqual([true, 1, 'moderate']);
  });

  it('two different toe pressures on a foot are questioned; the lower is used (D15)', () => {
    const a = assess(normalWith((d) => ((d.feet.left.toePressure = 80), (d.feet.left.pressures = { toe: 70 }))));
    expect(a.warnings.find((w) => w.id === 'toe-pressures-differ')?.findings).toEqual(['feet.left.toePressure', 'feet.left.pressures.toe']);
  });

  it('rest pain with palpable pulses: "if ischaemic, urgent vascular assessment", even with a normal index (decision 7)', () => {
    const a = assess(normalWith((d) => ((d.symptoms = { ...d.symptoms, restPain: true }), (d.feet.left.abi = 1.0), (d.feet.right.abi = 1.0))));
    expect(a.pad).toBe(false);
    expect(a.warnings.filter((w) => w.id === 'rest-pain-palpable-pulses').map((w) => w.findings)).toEqual([
      ['symptoms.restPain', 'feet.right.pulses.dorsalisPedis', 'feet.right.pulses.posteriorTibial'],
      ['symptoms.restPain', 'feet.left.pulses.dorsalisPedis', 'feet.left.pulses.posteriorTibial'],
    ]);
  });

  it('fork result contradicting its answers, and a proximal-only result', () => {
    const a = assess(
      normalWith((d) => {
        d.feet.left.vibration = {
          method: 'tuning-fork-128',
          result: 'normal',
          applications: [{ sham: false, response: 'no' }, { sham: true, response: 'no' }, { sham: false, response: 'no' }],
        };
        d.feet.right.vibration = { method: 'tuning-fork-128', result: 'normal', site: 'malleolus' };
      }),
    );
    expect(a.warnings.map((w) => w.id)).toEqual(expect.arrayContaining(['vibration-answers-conflict', 'vibration-proximal-site']));
    expect(a.lops).toBe(true);
  });
});
