import type { SiteProtocolId } from '../clinical/protocols';
import type { Findings, FootFindings } from './findings';

/** The sensory protocol a set of findings uses: the Ipswich Touch Test, or a monofilament map. */
export function protocolOfFindings(findings: Findings, fallback: SiteProtocolId): SiteProtocolId {
  const feet = [findings.feet.right, findings.feet.left];
  if (feet.some((f) => f.touchTest)) return 'ipswich';
  return feet.find((f) => f.monofilament)?.monofilament?.protocol ?? fallback;
}

/** A foot's sensory test for a protocol with no site recorded yet. */
export function blankSensation(protocol: SiteProtocolId): Pick<FootFindings, 'monofilament' | 'touchTest'> {
  return protocol === 'ipswich' ? { touchTest: { protocol: 'ipswich', sites: {} } } : { monofilament: { protocol, sites: {} } };
}

/** Findings of a screening that has just begun: both feet present, nothing recorded yet. */
export function blankFindings(protocol: SiteProtocolId): Findings {
  const foot = (): FootFindings => ({ status: 'present', ...blankSensation(protocol) });
  return { schemaVersion: 1, examStatus: 'performed', feet: { right: foot(), left: foot() } };
}
