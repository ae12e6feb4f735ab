import type { Side } from '../domain/findings';
import type { Assessment, FootAssessment, SiteAssessment } from './assessment';
import type { DiagramFoot, DiagramSite, FootDiagramInput } from './footDiagramSvg';
import type { MarkerState } from './markerStyles';
import { siteProtocols, type SiteProtocolId } from './protocols';
import { vibrationSiteState } from './vibrationSite';

/**
 * What to draw for an assessment: the derived state of each recorded site, plus the protocol's
 * usual sites not recorded yet (drawn as pending), so the screen and the report show the same.
 */

/** The fork marker shows felt / not felt; "reduced" is neither, so it is left to the text. */
function vibrationMarker(foot: FootAssessment): MarkerState | null {
  if (foot.vibration.method !== 'tuning-fork-128' || !foot.vibration.atToe) return null;
  return vibrationSiteState(foot.vibration.state);
}

function withUsualSites(recorded: readonly SiteAssessment[], protocol: SiteProtocolId): DiagramSite[] {
  const sites: DiagramSite[] = recorded.map((s) => ({ key: s.key, state: s.state, reason: s.reason }));
  const { defaultSiteKeys, requiredSites } = siteProtocols[protocol];
  for (const key of defaultSiteKeys) {
    if (sites.length >= requiredSites) break;
    if (!sites.some((s) => s.key === key)) sites.push({ key, state: 'pending', reason: null });
  }
  return sites;
}

export function footDiagramInput(assessment: Assessment, test: 'monofilament' | 'ipswich'): Pick<FootDiagramInput, 'protocol' | 'feet'> {
  const feet = assessment.perFoot;
  const protocols = [feet.right.monofilament.protocol, feet.left.monofilament.protocol];
  const protocol: SiteProtocolId = test === 'ipswich' ? 'ipswich' : protocols.includes('10-site') ? '10-site' : 'iwgdf-3';
  const foot = (side: Side): DiagramFoot => {
    const f = feet[side];
    const recorded = test === 'ipswich' ? f.touchTest.sites : f.monofilament.sites;
    return {
      role: f.role,
      sites: f.role === 'examined' ? withUsualSites(recorded, protocol) : [],
      vibration: test === 'monofilament' && f.role === 'examined' ? vibrationMarker(f) : null,
    };
  };
  return { protocol, feet: { right: foot('right'), left: foot('left') } };
}
