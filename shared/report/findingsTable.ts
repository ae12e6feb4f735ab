import type { FootAssessment, SiteAssessment } from '../clinical/assessment';
import { siteDefinition, siteProtocols, type SiteProtocolId } from '../clinical/protocols';
import { sides, type AmputationLevel, type FootColour, type FootFindings, type FootWarmth, type Nails, type Side } from '../domain/findings';
import { assertNever } from '../ipc/result';
import {
  abiReading,
  ankleReflexReading,
  normalAbnormalReading,
  presentReading,
  pulseReading,
  siteReading,
  tbiReading,
  toePressureReading,
  triReading,
  waveformReading,
  type Reading,
} from './findingsWords';
import type { PdfCell, PdfTable, PdfTableLayout } from './pdfTypes';
import type { ReportableExam } from './reportInput';
import { colours, rowLines, value } from './reportLayout';
import { capitalise } from './reportText';

/**
 * The findings table of the clinician report: one column per foot, right then left (the order the
 * clinic reads them and the diagram's left-to-right order). An absent foot or a foot not examined
 * says so in its column instead of a list of blanks.
 */

interface Foot {
  side: Side;
  findings: FootFindings;
  assessment: FootAssessment;
}

type RowValue = (foot: Foot) => Reading;

function footStatus(foot: Foot): Reading {
  const a = foot.assessment;
  switch (a.role) {
    case 'examined':
      return { text: 'Present, examined', abnormal: false };
    case 'absent':
      return { text: `ABSENT${a.statusReason ? `: ${a.statusReason}` : ' (amputation or congenital)'}`, abnormal: true };
    case 'not_examined':
      return { text: `NOT EXAMINED: ${a.notExaminedBecause ?? a.status}`, abnormal: true };
    default:
      return assertNever(a.role, 'foot role');
  }
}

function cell(foot: Foot, read: RowValue): PdfCell {
  if (foot.assessment.role !== 'examined') return { text: '-', color: colours.muted };
  const r = read(foot);
  return value(r.text, r.abnormal);
}

function row(feet: readonly Foot[], label: string, read: RowValue): PdfCell[] {
  return [{ text: label, style: 'label' }, ...feet.map((f) => cell(f, read))];
}

function group(title: string): PdfCell[] {
  return [{ text: title, bold: true, colSpan: 3, fillColor: colours.shade, color: colours.heading }, {}, {}];
}

function subgroup(title: string): PdfCell[] {
  return [{ text: title, italics: true, colSpan: 3, color: colours.heading }, {}, {}];
}

/** The monofilament map the exam used (10-site if either foot used it). */
function monofilamentProtocol(feet: readonly Foot[]): SiteProtocolId {
  return feet.some((f) => f.assessment.monofilament.protocol === '10-site') ? '10-site' : 'iwgdf-3';
}

function siteRows(feet: readonly Foot[], protocol: SiteProtocolId, sitesOf: (f: Foot) => readonly SiteAssessment[]): PdfCell[][] {
  const { siteKeys, defaultSiteKeys } = siteProtocols[protocol];
  const recorded = new Set(feet.flatMap((f) => sitesOf(f).map((s) => s.key)));
  const keys = siteKeys.filter((k) => defaultSiteKeys.includes(k) || recorded.has(k));
  return keys.map((key) => {
    const def = siteDefinition(protocol, key);
    const label = def ? `${capitalise(def.name)} (${def.shortLabel})` : key;
    return row(feet, label, (f) => siteReading(sitesOf(f).find((s) => s.key === key)));
  });
}

function vibrationReading(foot: Foot): Reading {
  const v = foot.assessment.vibration;
  if (v.state === 'pending' && v.explanation === 'Vibration not recorded') return { text: 'Not recorded', abnormal: false };
  return { text: v.explanation, abnormal: v.state === 'absent' || v.state === 'abnormal' || v.state === 'reduced' };
}

/** Rows for optional items, only when recorded on an examined foot (never a row of blanks). */
function ifRecorded(feet: readonly Foot[], recorded: (f: FootFindings) => unknown, label: string, read: RowValue): PdfCell[][] {
  return feet.some((f) => f.assessment.role === 'examined' && recorded(f.findings) !== undefined) ? [row(feet, label, read)] : [];
}

/** Names for the skin findings' "where" lists: a 10-site key prints as its name. */
function zoneNames(zones: readonly string[] | undefined): string[] | undefined {
  return zones?.map((z) => siteDefinition('10-site', z)?.name ?? z);
}

const colourWords: Readonly<Record<FootColour, Reading>> = {
  normal: { text: 'Normal', abnormal: false },
  red: { text: 'Red', abnormal: true },
  pale: { text: 'Pale', abnormal: true },
  cyanosed: { text: 'Cyanosed (blue)', abnormal: true },
  black: { text: 'Black', abnormal: true },
};

const warmthWords: Readonly<Record<FootWarmth, Reading>> = {
  normal: { text: 'Normal', abnormal: false },
  warm: { text: 'Warmer than the other foot', abnormal: true },
  cold: { text: 'Cold', abnormal: true },
};

function nailsReading(nails: Nails | undefined): Reading {
  if (!nails) return { text: 'Not recorded', abnormal: false };
  const found = [nails.thickened ? 'thickened' : null, nails.ingrown ? 'ingrown' : null, nails.fungal ? 'fungal' : null].filter((x): x is string => x !== null);
  const note = nails.note ? ` (\u2068${nails.note}\u2069)` : '';
  return found.length > 0 ? { text: `${capitalise(found.join(', '))}${note}`, abnormal: true } : { text: `Normal${note}`, abnormal: false };
}

const amputationWords: Readonly<Record<AmputationLevel, Reading>> = {
  none: { text: 'None', abnormal: false },
  minor: { text: 'Minor (toes or forefoot)', abnormal: true },
  major: { text: 'Major', abnormal: true },
};

/** rowLines without a line above the title row. */
const titledRowLines: PdfTableLayout = {
  ...rowLines,
  hLineWidth: (i, node) => (i === 0 ? 0 : i === 1 || i === 2 || i === node.table.body.length ? 0.8 : 0.3),
  hLineColor: (i, node) => (i === 1 || i === 2 || i === node.table.body.length ? colours.rule : colours.lightRule),
  paddingTop: () => 0.8,
  paddingBottom: () => 0.8,
  paddingLeft: () => 2.5,
  paddingRight: () => 2.5,
};

/**
 * The findings of both feet in one table, narrow enough to sit beside the diagram. Items the
 * screening form always asks (sites, vibration, pulses, ABI, TBI, skin, deformity) always have a
 * row; optional items (reflexes, waveforms, toe pressure, nails, colour ...) only when recorded.
 */
export function findingsTable(exam: ReportableExam): PdfTable {
  const feet: Foot[] = sides.map((side) => ({ side, findings: exam.findings.feet[side], assessment: exam.assessment.perFoot[side] }));
  const header: PdfCell[] = [
    { text: 'Finding', style: 'tableHeader' },
    { text: 'Right foot', style: 'tableHeader' },
    { text: 'Left foot', style: 'tableHeader' },
  ];
  const protocol = monofilamentProtocol(feet);
  const usesMonofilament = exam.protocol !== 'ipswich' || feet.some((f) => f.assessment.monofilament.sites.length > 0);
  const usesTouch = exam.protocol === 'ipswich' || feet.some((f) => f.assessment.touchTest.sites.length > 0);
  // The title is a header row, so it repeats on every page the table runs over and never sits
  // alone at the bottom of a page (keepWithHeaderRows).
  const title: PdfCell[] = [{ text: 'Findings per foot', style: 'h3', margin: [0, 0, 0, 1], colSpan: 3, border: [false, false, false, false] }, {}, {}];
  const statusRow: PdfCell[] = [{ text: 'Foot', style: 'label' }, ...feet.map((f) => value(footStatus(f).text, footStatus(f).abnormal))];
  const widths: PdfTable['table']['widths'] = [78, '*', '*'];
  // With no foot examined, rows of dashes would say nothing the status row does not.
  if (!feet.some((f) => f.assessment.role === 'examined')) {
    return { table: { widths, headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, body: [title, header, statusRow] }, layout: titledRowLines, fontSize: 8 };
  }
  const waveform = (artery: 'dorsalisPedis' | 'posteriorTibial') => (f: FootFindings) => f.waveforms?.[artery];
  const body: PdfCell[][] = [
    title,
    header,
    statusRow,
    group('Sensation'),
    ...(usesMonofilament ? [subgroup(siteProtocols[protocol].title), ...siteRows(feet, protocol, (f) => f.assessment.monofilament.sites)] : []),
    ...(usesTouch
      ? [
          subgroup(siteProtocols.ipswich.title),
          ...siteRows(feet, 'ipswich', (f) => f.assessment.touchTest.sites),
          row(feet, 'Ipswich Touch Test result', (f) => {
            const outcome = f.assessment.touchTest.outcome;
            return { text: outcome === 'not_done' ? 'Not done' : capitalise(outcome), abnormal: outcome === 'abnormal' };
          }),
        ]
      : []),
    row(feet, 'Vibration', vibrationReading),
    ...ifRecorded(feet, (f) => f.ankleReflex, 'Ankle reflex', (f) => ankleReflexReading(f.findings.ankleReflex)),
    ...ifRecorded(feet, (f) => f.pinPrick, 'Pin-prick at the toe', (f) => normalAbnormalReading(f.findings.pinPrick)),
    ...ifRecorded(feet, (f) => f.temperature, 'Temperature at the toe', (f) => normalAbnormalReading(f.findings.temperature)),
    group('Circulation'),
    row(feet, 'Dorsalis pedis pulse', (f) => pulseReading(f.findings.pulses?.dorsalisPedis)),
    row(feet, 'Posterior tibial pulse', (f) => pulseReading(f.findings.pulses?.posteriorTibial)),
    row(feet, 'ABI', (f) => abiReading(f.findings.abi)),
    row(feet, 'TBI', (f) => tbiReading(f.findings.tbi)),
    ...ifRecorded(feet, waveform('dorsalisPedis'), 'Waveform, dorsalis pedis', (f) => waveformReading(f.findings.waveforms?.dorsalisPedis)),
    ...ifRecorded(feet, waveform('posteriorTibial'), 'Waveform, posterior tibial', (f) => waveformReading(f.findings.waveforms?.posteriorTibial)),
    ...ifRecorded(feet, (f) => f.toePressure ?? undefined, 'Toe pressure', (f) => toePressureReading(f.findings.toePressure)),
    ...ifRecorded(feet, (f) => (f.criticalIschaemia === true ? true : undefined), 'Critical ischaemia', (f) => presentReading(f.findings.criticalIschaemia)),
    ...ifRecorded(feet, (f) => f.colour, 'Colour', (f) => (f.findings.colour ? colourWords[f.findings.colour] : { text: 'Not recorded', abnormal: false })),
    ...ifRecorded(feet, (f) => f.warmth, 'Temperature to touch', (f) => (f.findings.warmth ? warmthWords[f.findings.warmth] : { text: 'Not recorded', abnormal: false })),
    ...ifRecorded(feet, (f) => f.oedema, 'Oedema', (f) => presentReading(f.findings.oedema)),
    group('Skin and nails'),
    row(feet, 'Active ulcer', (f) => presentReading(f.findings.skin?.activeUlcer, zoneNames(f.findings.skin?.ulcerSites))),
    ...ifRecorded(feet, (f) => f.skin?.ulcerDescription, 'Ulcer description', (f) => ({ text: f.findings.skin?.ulcerDescription ? `\u2068${f.findings.skin.ulcerDescription}\u2069` : 'Not recorded', abnormal: false })),
    row(feet, 'Infection', (f) => presentReading(f.findings.skin?.infection)),
    row(feet, 'Gangrene', (f) => presentReading(f.findings.skin?.gangrene)),
    row(feet, 'Callus', (f) => presentReading(f.findings.skin?.callus, zoneNames(f.findings.skin?.callusSites))),
    row(feet, 'Fissures', (f) => presentReading(f.findings.skin?.fissures, zoneNames(f.findings.skin?.fissureSites))),
    ...ifRecorded(feet, (f) => f.skin?.preUlcerativeLesion, 'Pre-ulcerative lesion', (f) => presentReading(f.findings.skin?.preUlcerativeLesion)),
    ...ifRecorded(feet, (f) => f.skin?.interdigitalMaceration, 'Toe-web maceration', (f) => presentReading(f.findings.skin?.interdigitalMaceration)),
    ...ifRecorded(feet, (f) => f.skin?.dryness, 'Dry skin', (f) => presentReading(f.findings.skin?.dryness)),
    ...ifRecorded(feet, (f) => f.nails, 'Nails', (f) => nailsReading(f.findings.nails)),
    group('Shape'),
    row(feet, 'Deformity', (f) => presentReading(f.findings.deformity?.present, f.findings.deformity?.types)),
    row(feet, 'Active Charcot foot', (f) => presentReading(f.findings.activeCharcot)),
    ...ifRecorded(feet, (f) => (f.hotSwollen === true ? true : undefined), 'Hot, swollen foot', (f) => presentReading(f.findings.hotSwollen)),
    ...ifRecorded(feet, (f) => f.previousAmputation, 'Amputation', (f) => (f.findings.previousAmputation ? amputationWords[f.findings.previousAmputation] : { text: 'Not recorded', abnormal: false })),
    group('Per foot'),
    [{ text: 'LOPS', style: 'label' }, ...feet.map((f) => perFootTri(f.assessment.lops?.value ?? null))],
    [{ text: 'PAD', style: 'label' }, ...feet.map((f) => perFootTri(f.assessment.pad?.value ?? null))],
  ];
  return { table: { widths, headerRows: 2, keepWithHeaderRows: 1, dontBreakRows: true, body }, layout: titledRowLines, fontSize: 8 };
}

function perFootTri(v: boolean | 'unknown' | null): PdfCell {
  const r = triReading(v);
  return value(r.text, r.abnormal);
}

/** For lists elsewhere: the sites a foot could not feel. */
export function insensateSites(foot: FootAssessment): string[] {
  return [...foot.monofilament.sites, ...foot.touchTest.sites].filter((s) => s.state === 'not_felt').map((s) => s.name);
}
