import type { FootAssessment } from '../clinical/assessment';
import { footDiagramInput } from '../clinical/footDiagramInput';
import { markerSvg, type DiagramFoot, type MarkerLook } from '../clinical/footDiagramSvg';
import { footDiagramViewBox, footOutlines, sitePoint, tuningForkPoints, viewingConvention, type Point } from '../clinical/footGeometry';
import { dorsalRing, notTestedLetters, type MarkerState } from '../clinical/markerStyles';
import { monofilamentSites, sideLabel, siteDefinition, siteProtocols, tuningForkSite, type SiteProtocolId } from '../clinical/protocols';
import { notTestableReasonLabels } from '../clinical/siteDerivation';
import { sides, type FootFindings, type NotTestableReason, type Side } from '../domain/findings';
import type { PdfContent, PdfTable } from './pdfTypes';
import type { ReportableExam } from './reportInput';
import { colours } from './reportLayout';

/**
 * The diagram of both feet as the printed reports draw it. It uses the screen's geometry and
 * marker shapes (shared/clinical), sized for paper: at the printed width every label is at least
 * 8 pt, site labels sit in the margins beside each foot and in the gap between the feet with a
 * thin leader line to their marker, so no label crosses a foot's outline. Reduced vibration,
 * ulcers, calluses and fissures (from the skin findings' "where" lists), deformity and amputation
 * are drawn as well; the key is printed as text under the drawing, in the same 8 pt.
 *
 * Meaning rests on shape and letters, never on colour, so a black-and-white copy reads the same.
 */

/** Printed width of the drawing in points (A4 content is 515 pt wide). */
export const printDiagramWidth = 240;
const units = footDiagramViewBox.width;
const scale = printDiagramWidth / units;
/** 8.1 pt at the printed width, in the drawing's units. */
const labelSize = Math.ceil((8.1 / scale) * 10) / 10;
const radius = 9;
/** How much further apart than on screen each foot is drawn, in the drawing's units. */
const spread = 12;
const top = 4;
const wordsBelow = 34;
const height = top + footDiagramViewBox.height + wordsBelow;
const font = 'NotoSans';
const ink = '#1a1a1a';

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function text(p: Point, words: string, attrs: string): string {
  return `<text x="${n(p.x)}" y="${n(p.y)}" font-family="${font}" font-size="${labelSize}" fill="${ink}" ${attrs}>${escapeXml(words)}</text>`;
}

/** The screen's marker shapes and marks, larger and with heavier lines, so a letter reads on paper. */
const printLook: MarkerLook = {
  radius,
  font,
  strokeExtra: 0.3,
  outlineDash: '3 2',
  dorsalRing: { stroke: ink, strokeWidth: 1, strokeDasharray: '2 1.5' },
  diamondExtra: 4,
  markHalf: 0.6,
  markStroke: 2.2,
  letterSize: (letters, r) => (letters.length > 1 ? r * 1.05 : r * 1.4),
};

/** A marker as the screen draws it (shape and inner mark), with a letter large enough to print. */
export function printMarker(at: Point, state: MarkerState | 'reduced', reason: NotTestableReason | null | undefined, dorsal: boolean, r = radius): string {
  if (state !== 'reduced') {
    return markerSvg(at, state, reason, dorsal, { ...printLook, radius: r });
  }
  // Reduced vibration: neither felt nor not felt; a half-filled circle with "R".
  const ring = printLook.dorsalRing;
  return [
    dorsal ? `<circle cx="${n(at.x)}" cy="${n(at.y)}" r="${n(r + dorsalRing.gap + 1)}" fill="none" stroke="${ring.stroke}" stroke-width="${ring.strokeWidth}" stroke-dasharray="${ring.strokeDasharray}"/>` : '',
    `<circle cx="${n(at.x)}" cy="${n(at.y)}" r="${r}" fill="#ffffff" stroke="${ink}" stroke-width="1.5"/>`,
    `<path d="M${n(at.x - r)},${n(at.y)} A${r},${r} 0 0 0 ${n(at.x + r)},${n(at.y)} Z" fill="#9e9e9e"/>`,
    `<text x="${n(at.x)}" y="${n(at.y + r * 0.42)}" font-family="${font}" font-size="${n(r * 1.25)}" font-weight="bold" text-anchor="middle" fill="${ink}">R</text>`,
  ].join('');
}

/** A lesion badge: a rounded box with the lesion's letter (U ulcer, C callus, F fissure). */
function lesionBadge(at: Point, letter: string): string {
  const w = 15;
  const h = 15;
  return (
    `<rect x="${n(at.x - w / 2)}" y="${n(at.y - h / 2)}" width="${w}" height="${h}" rx="3" fill="#ffffff" stroke="${ink}" stroke-width="1.6"/>` +
    `<text x="${n(at.x)}" y="${n(at.y + 4.6)}" font-family="${font}" font-size="13" font-weight="bold" text-anchor="middle" fill="${ink}">${letter}</text>`
  );
}

export const lesionKinds = [
  { list: 'ulcerSites', letter: 'U', word: 'ulcer' },
  { list: 'callusSites', letter: 'C', word: 'callus' },
  { list: 'fissureSites', letter: 'F', word: 'fissure' },
] as const;

/** A zone of the skin findings' lists ("mth1", or its name "1st metatarsal head") as a 10-site key. */
function zoneKey(zone: string): string | null {
  const wanted = zone.trim().toLowerCase();
  for (const def of Object.values(monofilamentSites)) {
    if (def.key.toLowerCase() === wanted || def.name.toLowerCase() === wanted) return def.key;
  }
  return null;
}

/** Lesions that can be placed: one badge per kind and zone. */
function lesionsSvg(side: Side, findings: FootFindings): string {
  const skin = findings.skin;
  if (!skin) return '';
  const byZone = new Map<string, string[]>();
  for (const kind of lesionKinds) {
    for (const zone of skin[kind.list] ?? []) {
      const key = zoneKey(zone);
      if (!key) continue;
      const letters = byZone.get(key) ?? [];
      if (!letters.includes(kind.letter)) letters.push(kind.letter);
      byZone.set(key, letters);
    }
  }
  const parts: string[] = [];
  const inward = side === viewingConvention.onViewersLeft ? 1 : -1;
  for (const [key, letters] of byZone) {
    const at = sitePoint('10-site', side, key);
    if (!at) continue;
    if (key === 'hallux' || key === 'toe3' || key === 'toe5') {
      // Toes are narrow: badges go below the toe's marker, side by side.
      letters.forEach((letter, i) => parts.push(lesionBadge({ x: at.x + (i - (letters.length - 1) / 2) * 17, y: at.y + radius + 11 }, letter)));
    } else {
      // Beside the marker, away from the side its label's leader line leaves from, stacked.
      const outerHalf = inward > 0 ? at.x <= 112 : at.x >= units - 112;
      const dx = (outerHalf ? inward : -inward) * (radius + 11);
      letters.forEach((letter, i) => parts.push(lesionBadge({ x: at.x + dx, y: at.y + (i - (letters.length - 1) / 2) * 17 }, letter)));
    }
  }
  return parts.join('');
}

interface Label {
  text: string;
  from: Point;
  y: number;
}

/** Places labels in a column at `x`, in order of height, at least one line apart. */
function column(labels: Label[], x: number, anchor: 'start' | 'end', minY: number): string {
  const sorted = [...labels].sort((a, b) => a.from.y - b.from.y);
  let last = -Infinity;
  const parts: string[] = [];
  for (const label of sorted) {
    const y = Math.max(label.from.y, last + labelSize + 2, minY);
    last = y;
    const edge = x + (anchor === 'end' ? 2 : -2);
    const towards = Math.sign(edge - label.from.x);
    parts.push(
      `<line x1="${n(label.from.x + towards * (radius + 1))}" y1="${n(label.from.y)}" x2="${n(edge)}" y2="${n(y - labelSize * 0.35)}" stroke="#757575" stroke-width="0.7"/>`,
      text({ x, y }, label.text, `text-anchor="${anchor}" font-weight="bold"`),
    );
  }
  return parts.join('');
}

/** Words under a foot's name: what the outline cannot show by itself. */
function footWords(foot: DiagramFoot, findings: FootFindings, assessment: FootAssessment): string[] {
  if (foot.role === 'absent') return ['absent'];
  if (foot.role === 'not_examined') return ['not examined'];
  const words: string[] = [];
  if (findings.previousAmputation === 'minor') words.push('toe amputation');
  if (findings.deformity?.present) words.push('deformity');
  if (findings.activeCharcot) words.push('Charcot');
  if (assessment.vibration.state === 'reduced' && !(assessment.vibration.method === 'tuning-fork-128' && assessment.vibration.atToe)) words.push('vibration reduced');
  return words;
}

function footSvg(exam: ReportableExam, protocol: SiteProtocolId, side: Side, foot: DiagramFoot): string {
  const outline = footOutlines[side];
  const findings = exam.findings.feet[side];
  const assessment = exam.assessment.perFoot[side];
  const absent = foot.role === 'absent';
  const toesGone = absent || findings.previousAmputation === 'minor' || findings.previousAmputation === 'major';
  const solid = `fill="#f4f1ec" stroke="${ink}" stroke-width="1.6" stroke-linejoin="round"`;
  const dashed = `fill="#ffffff" stroke="#616161" stroke-width="1.4" stroke-dasharray="5 3"`;
  // The feet are drawn a little further apart than on screen, so the gap between them holds
  // the labels of both feet's inner sites side by side.
  const shift = side === viewingConvention.onViewersLeft ? -spread : spread;
  const parts: string[] = [`<g transform="translate(${shift} ${top})">`];
  for (const toe of outline.toes) parts.push(`<path d="${toe}" ${toesGone ? dashed : solid}/>`);
  parts.push(`<path d="${outline.sole}" ${absent ? dashed : solid}/>`);
  const outward = side === viewingConvention.onViewersLeft ? -1 : 1;
  const outerX = side === viewingConvention.onViewersLeft ? 44 : units - 44;
  const innerX = side === viewingConvention.onViewersLeft ? 174 : units - 174;
  const outer: Label[] = [];
  const inner: Label[] = [];
  if (!absent) {
    for (const site of foot.sites) {
      const at = sitePoint(protocol, side, site.key);
      const def = siteDefinition(protocol, site.key);
      if (!at || !def) continue;
      parts.push(printMarker(at, site.state, site.reason, def.surface === 'dorsal'));
      // Sites on the outer half of the foot are labelled in the outer margin, the others in the gap between the feet.
      const outerHalf = outward < 0 ? at.x <= 112 : at.x >= units - 112;
      (outerHalf ? outer : inner).push({ text: def.shortLabel, from: at, y: at.y });
    }
    const vibrationReduced = assessment.vibration.state === 'reduced' && assessment.vibration.method === 'tuning-fork-128' && assessment.vibration.atToe;
    const fork = tuningForkPoints[side];
    const forkState = foot.vibration ?? (vibrationReduced ? 'reduced' : null);
    if (forkState) {
      parts.push(
        `<line x1="${n(fork.at.x)}" y1="${n(fork.at.y)}" x2="${n(fork.pointsTo.x)}" y2="${n(fork.pointsTo.y)}" stroke="#616161" stroke-width="0.8"/>`,
        printMarker(fork.at, forkState, null, true, radius - 1),
        text({ x: fork.at.x, y: fork.at.y - radius - dorsalRing.gap - 5 }, tuningForkSite.shortLabel, 'text-anchor="middle" font-weight="bold"'),
      );
    }
    parts.push(column(outer, outerX, outward < 0 ? 'end' : 'start', 0));
    parts.push(column(inner, innerX, outward < 0 ? 'start' : 'end', forkState ? 84 : 0));
    parts.push(lesionsSvg(side, findings));
  }
  parts.push('</g>');
  const labelAt = { x: outline.labelAt.x + shift, y: outline.labelAt.y + top + 2 };
  parts.push(text(labelAt, sideLabel(side), 'text-anchor="middle" font-weight="bold"'));
  const words = footWords(foot, findings, assessment);
  if (words.length > 0) parts.push(text({ x: labelAt.x, y: labelAt.y + labelSize + 3 }, words.join(', '), 'text-anchor="middle" font-style="italic"'));
  return parts.join('');
}

/** The drawing of both feet for one sensory test, at the printed width. */
export function printDiagramSvg(exam: ReportableExam, test: 'monofilament' | 'ipswich'): string {
  const { protocol, feet } = footDiagramInput(exam.assessment, test);
  const label = `${siteProtocols[protocol].title}, ${viewingConvention.text}`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${units} ${height}" width="${printDiagramWidth}" height="${n(height * scale)}" role="img" aria-label="${escapeXml(label)}">`,
    `<rect x="0" y="0" width="${units}" height="${height}" fill="#ffffff"/>`,
  ];
  for (const side of sides) parts.push(footSvg(exam, protocol, side, feet[side]));
  parts.push('</svg>');
  return parts.join('');
}

/** A small marker for the key, `size` points wide. */
function keyMarker(state: MarkerState | 'reduced', reason: NotTestableReason | null, dorsal = false): PdfContent {
  const box = 30;
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${box} ${box}" width="11" height="11">${printMarker({ x: box / 2, y: box / 2 }, state, reason, dorsal, dorsal ? 8 : 10)}</svg>`, width: 11 };
}

function keyBadge(letter: string): PdfContent {
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 18" width="11" height="11">${lesionBadge({ x: 9, y: 9 }, letter)}</svg>`, width: 11 };
}

/**
 * The key under the drawing, as text: every shape, the vibration marker, lesions, amputation,
 * and the not-tested letters. 8 pt, in the PDF's text layer.
 */
export function diagramKey(protocol: SiteProtocolId): PdfTable {
  const entry = (icon: PdfContent, words: string): PdfContent[] => [icon, { text: words }];
  const letters = (Object.entries(notTestedLetters) as [NotTestableReason, string][]).map(([reason, letter]) => `${letter} ${notTestableReasonLabels[reason]}`).join(', ');
  const rows: PdfContent[][] = [
    [...entry(keyMarker('felt', null), 'Felt'), ...entry(keyMarker('not_felt', null), 'Not felt')],
    [...entry(keyMarker('not_tested', null), 'Not tested (letter: why)'), ...entry(keyMarker('pending', null), 'Not recorded')],
    [...entry(keyMarker('felt', null, true), 'Dashed ring: top of the foot'), ...entry(keyMarker('reduced', null), 'Vibration reduced')],
    [...entry(keyBadge('U'), 'Ulcer (C callus, F fissure)'), ...entry({ text: 'V', bold: true, alignment: 'center' }, 'Vibration, 128 Hz fork at the big toe')],
  ];
  const body = [
    ...rows.map((r) => r.map((c) => c as PdfContent & Record<string, unknown>)),
    [{ text: `Not tested: ${letters}. Dashed outline: amputated or absent. ${siteProtocols[protocol].title}.`, colSpan: 4 }, {}, {}, {}],
    [{ text: viewingConvention.text, colSpan: 4, color: colours.muted }, {}, {}, {}],
  ];
  return {
    table: { widths: [11, '*', 11, '*'], body: body as PdfTable['table']['body'], dontBreakRows: true },
    layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 2, paddingRight: () => 2, paddingTop: () => 0.5, paddingBottom: () => 0.5 },
    fontSize: 8,
  };
}
