import { describe, expect, it } from 'vitest';
import { readability, syllables } from './readability';

describe('Flesch-Kincaid grade', () => {
  it('counts syllables of common words the usual way', () => {
    expect(['foot', 'check', 'feeling', 'ulcer', 'every', 'blister', 'the', 'swelling'].map(syllables)).toEqual([1, 1, 2, 2, 3, 2, 1, 2]);
  });

  it('grades short plain sentences low and long technical ones high', () => {
    expect(readability('Look at your feet every day. Wash them well. Dry between your toes.').grade).toBeLessThan(4);
    const technical =
      'Peripheral arterial disease with non-compressible calcified arteries necessitates toe-brachial index measurement, as the ankle-brachial index is unreliable above established thresholds.';
    expect(readability(technical).grade).toBeGreaterThan(14);
  });
});
