import type { MonofilamentSiteKey, Side, TouchTestSiteKey } from '../domain/findings';

/**
 * Site protocols as data: which sites a test uses, what the clinic calls them, and the short
 * label of a diagram marker. Coordinates are in footGeometry.ts; the screen and the PDF both
 * draw from these two files.
 */

export const siteProtocolIds = ['iwgdf-3', '10-site', 'ipswich'] as const;
export type SiteProtocolId = (typeof siteProtocolIds)[number];

/** `dorsal` sites are on the top of the foot; the plantar diagram marks them as such. */
export type SiteSurface = 'plantar' | 'dorsal' | 'toe-tip';

export interface SiteDefinition {
  key: string;
  /** In the clinic's words, without the side: "1st metatarsal head". */
  name: string;
  /** A marker's short label: "M1". */
  shortLabel: string;
  surface: SiteSurface;
  /** What the clinic calls it on each foot: "Right 1st metatarsal head". */
  labels: Readonly<Record<Side, string>>;
}

function site(key: string, name: string, shortLabel: string, surface: SiteSurface): SiteDefinition {
  return { key, name, shortLabel, surface, labels: { right: `Right ${name}`, left: `Left ${name}` } };
}

export const monofilamentSites: Readonly<Record<MonofilamentSiteKey, SiteDefinition>> = {
  hallux: site('hallux', 'hallux (big toe)', 'H', 'plantar'),
  toe3: site('toe3', '3rd toe', 'T3', 'plantar'),
  toe5: site('toe5', '5th toe', 'T5', 'plantar'),
  mth1: site('mth1', '1st metatarsal head', 'M1', 'plantar'),
  mth3: site('mth3', '3rd metatarsal head', 'M3', 'plantar'),
  mth5: site('mth5', '5th metatarsal head', 'M5', 'plantar'),
  medialMidfoot: site('medialMidfoot', 'medial midfoot (arch)', 'MM', 'plantar'),
  lateralMidfoot: site('lateralMidfoot', 'lateral midfoot', 'LM', 'plantar'),
  heel: site('heel', 'heel', 'HL', 'plantar'),
  dorsum: site('dorsum', 'dorsum of the foot', 'D', 'dorsal'),
};

export const touchTestSites: Readonly<Record<TouchTestSiteKey, SiteDefinition>> = {
  toe1: site('toe1', 'tip of the 1st toe', '1', 'toe-tip'),
  toe3: site('toe3', 'tip of the 3rd toe', '3', 'toe-tip'),
  toe5: site('toe5', 'tip of the 5th toe', '5', 'toe-tip'),
};

/** 128 Hz fork: bony dorsal distal phalanx of the 1st toe (IWGDF 2023 tuning-fork procedure). */
export const tuningForkSite: SiteDefinition = site('tuningFork', 'dorsal distal phalanx of the hallux', 'V', 'dorsal');

export interface SiteProtocol {
  id: SiteProtocolId;
  title: string;
  test: 'monofilament' | 'touch';
  /** Every site key the protocol may use, in examination order. */
  siteKeys: readonly string[];
  /** The sites drawn before anything is recorded. */
  defaultSiteKeys: readonly string[];
  /** Sites that must be felt to rule LOPS out on a foot (convention D3). */
  requiredSites: number;
  source: string;
}

export const siteProtocols: Readonly<Record<SiteProtocolId, SiteProtocol>> = {
  'iwgdf-3': {
    id: 'iwgdf-3',
    title: 'IWGDF 3-site monofilament (10 g)',
    test: 'monofilament',
    siteKeys: ['hallux', 'mth1', 'mth3', 'mth5'],
    defaultSiteKeys: ['hallux', 'mth1', 'mth5'],
    requiredSites: 3,
    source:
      'IWGDF 2023: test 3 sites on each foot selected from its Figure 4 (figure not seen); the worked cases use hallux, 1st and 5th MTH, mth3 also accepted; one secondary source names hallux, 3rd and 5th MTH (droracle.ai)',
  },
  '10-site': {
    id: '10-site',
    title: '10-site monofilament map (10 g)',
    test: 'monofilament',
    siteKeys: ['hallux', 'toe3', 'toe5', 'mth1', 'mth3', 'mth5', 'medialMidfoot', 'lateralMidfoot', 'heel', 'dorsum'],
    defaultSiteKeys: ['hallux', 'toe3', 'toe5', 'mth1', 'mth3', 'mth5', 'medialMidfoot', 'lateralMidfoot', 'heel', 'dorsum'],
    requiredSites: 10,
    source: 'Widely used 10-site map (Saltzman 2004 JBJS); the exact map and any cut-off are unverified, keys are app-defined',
  },
  ipswich: {
    id: 'ipswich',
    title: 'Ipswich Touch Test',
    test: 'touch',
    siteKeys: ['toe1', 'toe3', 'toe5'],
    defaultSiteKeys: ['toe1', 'toe3', 'toe5'],
    requiredSites: 3,
    source: 'Rayman 2011; podiapaedia.org: tips of the 1st, 3rd and 5th toes, abnormal with >= 2 of 6 insensate',
  },
};

export function sideLabel(side: Side): 'Right' | 'Left' {
  return side === 'right' ? 'Right' : 'Left';
}

/** The definition of a site key of a protocol; undefined for a key the protocol does not know. */
export function siteDefinition(protocol: SiteProtocolId, key: string): SiteDefinition | undefined {
  if (protocol === 'ipswich') return (touchTestSites as Readonly<Record<string, SiteDefinition>>)[key];
  return (monofilamentSites as Readonly<Record<string, SiteDefinition>>)[key];
}

/** "Right 1st metatarsal head". */
export function siteLabel(side: Side, protocol: SiteProtocolId, key: string): string {
  const def = siteDefinition(protocol, key);
  return def ? def.labels[side] : `${sideLabel(side)} ${key}`;
}
