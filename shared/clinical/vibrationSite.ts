import { assertNever } from '../ipc/result';
import type { SiteState } from './siteDerivation';
import type { VibrationState } from './vibrationDerivation';

/**
 * The 128 Hz tuning fork's result as a site on the foot, felt or not felt like a monofilament
 * site: the one decision the diagram, the report and the stored per-site rows all use.
 * "Reduced" vibration is neither felt nor not felt: on its own it never decides anything, so it
 * has no site result (the foot's vibration result still says "reduced", and the text says it).
 */
export function vibrationSiteState(state: VibrationState): SiteState | null {
  switch (state) {
    case 'normal':
      return 'felt';
    case 'absent':
    case 'abnormal':
      return 'not_felt';
    case 'not_tested':
      return 'not_tested';
    case 'pending':
      return 'pending';
    case 'reduced':
      return null;
    default:
      return assertNever(state, 'vibration state');
  }
}
