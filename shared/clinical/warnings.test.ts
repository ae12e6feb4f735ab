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

  it('an absent foot without amputation history is questioned', () => {
    const a = assess(normalWith((d) => (d.feet.left = { status: 'absent' })));
    expect(a.warnings.map((w) => w.id)).toContain('absent-foot-without-amputation-history');
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
