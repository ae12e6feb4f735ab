import { sides, type NotTestableReason, type Side } from '../domain/findings';
import { assertNever } from '../ipc/result';
import { footDiagramViewBox, footOutlines, sitePoint, tuningForkPoints, viewingConvention, type Point } from './footGeometry';
import {
  dorsalRing,
  markerRadius,
  markerStyles,
  markerText,
  notTestedLetters,
  type MarkerState,
} from './markerStyles';
import { notTestableReasonLabels } from './siteDerivation';
import { sideLabel, siteDefinition, siteProtocols, tuningForkSite, type SiteProtocolId } from './protocols';

/**
 * A standalone SVG of both feet with each site's state, for the PDF report (pdfmake draws SVG)
 * and anywhere a picture is needed. Pure string building from footGeometry and markerStyles,
 * so the screen's React diagram and the PDF show the same thing. Uses only plain SVG elements
 * and attributes (no CSS, no <defs>), which pdfmake's SVG renderer supports.
 */

export interface DiagramSite {
  key: string;
  state: MarkerState;
  reason?: NotTestableReason | null;
}

export interface DiagramFoot {
  /** `absent` feet are drawn dashed with no sites; `not_examined` feet say so. */
  role: 'examined' | 'not_examined' | 'absent';
  sites: readonly DiagramSite[];
  /** 128 Hz fork result at the hallux, drawn beside it when given. */
  vibration?: MarkerState | null;
}

export interface FootDiagramInput {
  protocol: SiteProtocolId;
  feet: Readonly<Record<Side, DiagramFoot>>;
  /** Draw the key of shapes under the feet (default true). */
  legend?: boolean;
  /** Write each site's short label ("M1") beside its marker (default true). */
  siteLabels?: boolean;
  /** Write the viewing convention above the feet (default true). */
  caption?: boolean;
  title?: string;
  /** Width in px of the SVG element (the drawing scales); default 400. */
  width?: number;
}

const font = 'Roboto, Helvetica, Arial, sans-serif';
const footFill = '#f6efe7';
const footStroke = '#5d5048';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function n(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function textAt(p: Point, text: string, attrs: string): string {
  return `<text x="${n(p.x)}" y="${n(p.y)}" font-family="${font}" ${attrs}>${escapeXml(text)}</text>`;
}

/**
 * How a marker is drawn at one size: the screen's look below; the printed reports draw the same
 * shapes and marks larger, with heavier lines (shared/report/printDiagram.ts).
 */
export interface MarkerLook {
  radius: number;
  font: string;
  /** Added to each state's outline width. */
  strokeExtra: number;
  /** One dash pattern for every dashed outline, or null for each state's own. */
  outlineDash: string | null;
  dorsalRing: { stroke: string; strokeWidth: number; strokeDasharray: string };
  /** How far a diamond's points reach beyond the radius. */
  diamondExtra: number;
  /** Half the length of a plus or minus stroke, as a share of the radius. */
  markHalf: number;
  markStroke: number;
  /** Font size of a marker's letters, for this many letters and this radius. */
  letterSize: (letters: string, radius: number) => number;
}

const screenLook: MarkerLook = {
  radius: markerRadius,
  font,
  strokeExtra: 0,
  outlineDash: null,
  dorsalRing,
  diamondExtra: 1.5,
  markHalf: 0.55,
  markStroke: 1.8,
  letterSize: (letters) => (letters.length > 1 ? 5.5 : 7.5),
};

/** One marker: shape, inner mark and (for dorsal sites) the dashed ring. */
export function markerSvg(at: Point, state: MarkerState, reason: NotTestableReason | null | undefined, dorsal: boolean, look: MarkerLook = screenLook): string {
  const style = markerStyles[state];
  const r = look.radius;
  const dash = style.strokeDasharray ? (look.outlineDash ?? style.strokeDasharray) : null;
  const outline = `fill="${style.fill}" stroke="${style.stroke}" stroke-width="${style.strokeWidth + look.strokeExtra}"${dash ? ` stroke-dasharray="${dash}"` : ''}`;
  const parts: string[] = [];
  if (dorsal) {
    const ring = look.dorsalRing;
    parts.push(
      `<circle cx="${n(at.x)}" cy="${n(at.y)}" r="${n(r + dorsalRing.gap + 1)}" fill="none" stroke="${ring.stroke}" stroke-width="${ring.strokeWidth}" stroke-dasharray="${ring.strokeDasharray}"/>`,
    );
  }
  switch (style.shape) {
    case 'circle':
      parts.push(`<circle cx="${n(at.x)}" cy="${n(at.y)}" r="${r}" ${outline}/>`);
      break;
    case 'square':
      parts.push(`<rect x="${n(at.x - r)}" y="${n(at.y - r)}" width="${2 * r}" height="${2 * r}" ${outline}/>`);
      break;
    case 'diamond': {
      const d = r + look.diamondExtra;
      parts.push(`<polygon points="${n(at.x)},${n(at.y - d)} ${n(at.x + d)},${n(at.y)} ${n(at.x)},${n(at.y + d)} ${n(at.x - d)},${n(at.y)}" ${outline}/>`);
      break;
    }
    default:
      assertNever(style.shape, 'marker shape');
  }
  const half = r * look.markHalf;
  const line = (x1: number, y1: number, x2: number, y2: number): string =>
    `<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}" stroke="${style.markColour}" stroke-width="${look.markStroke}" stroke-linecap="round"/>`;
  switch (style.mark) {
    case 'plus':
      parts.push(line(at.x - half, at.y, at.x + half, at.y), line(at.x, at.y - half, at.x, at.y + half));
      break;
    case 'minus':
      parts.push(line(at.x - half, at.y, at.x + half, at.y));
      break;
    case 'text': {
      const letters = markerText(state, reason);
      const size = look.letterSize(letters, r);
      parts.push(
        `<text x="${n(at.x)}" y="${n(at.y + size * 0.36)}" font-family="${look.font}" font-size="${n(size)}" font-weight="bold" text-anchor="middle" fill="${style.markColour}">${escapeXml(letters)}</text>`,
      );
      break;
    }
    default:
      assertNever(style.mark, 'marker mark');
  }
  return parts.join('');
}

function outlineSvg(side: Side, role: DiagramFoot['role']): string {
  const outline = footOutlines[side];
  const absent = role === 'absent';
  const attrs = absent
    ? `fill="#ffffff" stroke="#9e9e9e" stroke-width="1.2" stroke-dasharray="4 3"`
    : `fill="${footFill}" stroke="${footStroke}" stroke-width="1.5" stroke-linejoin="round"`;
  const shapes = [...outline.toes, outline.sole].map((d) => `<path d="${d}" ${attrs}/>`).join('');
  const note = absent ? 'Absent' : role === 'not_examined' ? 'Not examined' : null;
  const noteSvg = note
    ? textAt({ x: outline.labelAt.x, y: 200 }, note, `font-size="12" font-style="italic" text-anchor="middle" fill="#616161"`)
    : '';
  const name = textAt(outline.labelAt, sideLabel(side), `font-size="13" font-weight="bold" text-anchor="middle" fill="#212121"`);
  return shapes + noteSvg + name;
}

function sitesSvg(input: FootDiagramInput, side: Side): string {
  const foot = input.feet[side];
  if (foot.role === 'absent') return '';
  const labels = input.siteLabels ?? true;
  // Short labels go beside each marker on the outer edge side of the foot (left of the viewer-left
  // foot, right of the other); Ipswich toe tips are narrow, so their labels go above.
  const outward = side === viewingConvention.onViewersLeft ? -1 : 1;
  const above = siteProtocols[input.protocol].test === 'touch';
  const parts: string[] = [];
  for (const site of foot.sites) {
    const at = sitePoint(input.protocol, side, site.key);
    const def = siteDefinition(input.protocol, site.key);
    if (!at || !def) continue;
    parts.push(markerSvg(at, site.state, site.reason, def.surface === 'dorsal'));
    if (labels) {
      const gap = markerRadius + (def.surface === 'dorsal' ? dorsalRing.gap + 3 : 3);
      const labelAt = above ? { x: at.x, y: at.y - gap - 1 } : { x: at.x + outward * gap, y: at.y + 3 };
      const anchor = above ? 'middle' : outward < 0 ? 'end' : 'start';
      parts.push(textAt(labelAt, def.shortLabel, `font-size="8" fill="#212121" text-anchor="${anchor}"`));
    }
  }
  if (foot.vibration) {
    const fork = tuningForkPoints[side];
    parts.push(
      `<line x1="${n(fork.at.x)}" y1="${n(fork.at.y)}" x2="${n(fork.pointsTo.x)}" y2="${n(fork.pointsTo.y)}" stroke="#616161" stroke-width="0.8"/>`,
      markerSvg(fork.at, foot.vibration, null, true),
    );
    if (labels) {
      parts.push(textAt({ x: fork.at.x, y: fork.at.y - markerRadius - dorsalRing.gap - 3 }, tuningForkSite.shortLabel, `font-size="8" fill="#212121" text-anchor="middle"`));
    }
  }
  return parts.join('');
}

const legendHeight = 108;

/** The key: the four states in two columns, the dorsal ring, and the not-tested letters. */
function legendSvg(top: number, input: FootDiagramInput): string {
  const states: MarkerState[] = ['felt', 'not_felt', 'not_tested', 'pending'];
  const parts = states.map((state, i) => {
    const x = i % 2 === 0 ? 14 : 206;
    const y = top + 12 + Math.floor(i / 2) * 22;
    return (
      markerSvg({ x: x + markerRadius, y }, state, null, false) +
      textAt({ x: x + 2 * markerRadius + 8, y: y + 3 }, markerStyles[state].label, `font-size="9" fill="#212121"`)
    );
  });
  const ringY = top + 56;
  parts.push(
    markerSvg({ x: 14 + markerRadius, y: ringY }, 'felt', null, true),
    textAt({ x: 14 + 2 * markerRadius + 8, y: ringY + 3 }, 'Dashed ring: a site on the top of the foot (dorsal)', `font-size="9" fill="#212121"`),
  );
  const letters = Object.entries(notTestedLetters).map(
    ([reason, letter]) => `${letter} ${notTestableReasonLabels[reason as NotTestableReason]}`,
  );
  const half = Math.ceil(letters.length / 2);
  parts.push(
    textAt({ x: 14, y: top + 78 }, `Letter in a diamond, why not tested: ${letters.slice(0, half).join(', ')},`, `font-size="8" fill="#424242"`),
    textAt({ x: 14, y: top + 89 }, `${letters.slice(half).join(', ')}; NT no reason given.`, `font-size="8" fill="#424242"`),
    textAt({ x: 14, y: top + 102 }, siteProtocols[input.protocol].title, `font-size="8" font-weight="bold" fill="#424242"`),
  );
  return parts.join('');
}

/** The SVG document for `input`. Same input, same string. */
export function footDiagramSvg(input: FootDiagramInput): string {
  const caption = input.caption ?? true;
  const legend = input.legend ?? true;
  const titleHeight = input.title ? 18 : 0;
  const captionHeight = caption ? 14 : 0;
  const top = titleHeight + captionHeight;
  const height = top + footDiagramViewBox.height + (legend ? legendHeight : 0);
  const width = footDiagramViewBox.width;
  const pixelWidth = input.width ?? width;
  const label = `${input.title ? `${input.title}. ` : ''}${siteProtocols[input.protocol].title}, ${viewingConvention.text}`;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${n(pixelWidth)}" height="${n((pixelWidth * height) / width)}" role="img" aria-label="${escapeXml(label)}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (input.title) parts.push(textAt({ x: width / 2, y: 13 }, input.title, `font-size="12" font-weight="bold" text-anchor="middle" fill="#212121"`));
  if (caption) parts.push(textAt({ x: width / 2, y: titleHeight + 10 }, viewingConvention.text, `font-size="8.5" text-anchor="middle" fill="#424242"`));
  parts.push(`<g transform="translate(0 ${top})">`);
  for (const side of sides) parts.push(outlineSvg(side, input.feet[side].role));
  for (const side of sides) parts.push(sitesSvg(input, side));
  parts.push('</g>');
  if (legend) parts.push(legendSvg(top + footDiagramViewBox.height, input));
  parts.push('</svg>');
  return parts.join('');
}
