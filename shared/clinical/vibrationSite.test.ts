import { describe, expect, it } from 'vitest';
import { assess } from './assess';
import { normalWith } from './fixtures/findingsBuilders';
import { footDiagramInput } from './footDiagramInput';
import { vibrationSiteState } from './vibrationSite';
import { vibrationStates } from './vibrationDerivation';

describe('the tuning fork as a site', () => {
  it('is felt when normal, not felt when absent or abnormal, and neither when reduced', () => {
    expect(Object.fromEntries(vibrationStates.map((s) => [s, vibrationSiteState(s)]))).toEqual({
      normal: 'felt',
      reduced: null,
      absent: 'not_felt',
      abnormal: 'not_felt',
      not_tested: 'not_tested',
      pending: 'pending',
    });
  });

  it('draws no fork marker for reduced vibration, and felt / not felt for normal / absent', () => {
    const findings = normalWith((f) => {
      f.feet.left.vibration = { method: 'tuning-fork-128', result: 'reduced' };
      f.feet.right.vibration = { method: 'tuning-fork-128', result: 'absent' };
    });
    const drawn = footDiagramInput(assess(findings), 'monofilament');
    expect(drawn.feet.left.vibration).toBeNull();
    expect(drawn.feet.right.vibration).toBe('not_felt');
    expect(footDiagramInput(assess(normalWith(() => {})), 'monofilament').feet.left.vibration).toBe('felt');
  });
});
