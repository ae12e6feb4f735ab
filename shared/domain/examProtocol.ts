import type { SiteProtocolId } from '../clinical/protocols';
import type { Findings } from './findings';

/** The sensory protocol a set of findings uses: the Ipswich Touch Test, or a monofilament map. */
export function protocolOfFindings(findings: Findings, fallback: SiteProtocolId): SiteProtocolId {
  const feet = [findings.feet.right, findings.feet.left];
  if (feet.some((f) => f.touchTest)) return 'ipswich';
  return feet.find((f) => f.monofilament)?.monofilament?.protocol ?? fallback;
}
