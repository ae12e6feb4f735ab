import { Box } from '@mui/material';
import { memo } from 'react';
import type { DiagramFoot, FootDiagramInput } from '#shared/clinical/footDiagramSvg';
import { markerSvg } from '#shared/clinical/footDiagramSvg';
import { footDiagramViewBox, footOutlines, sitePoint, tuningForkPoints, viewingConvention } from '#shared/clinical/footGeometry';
import { dorsalRing, markerRadius, markerStyles } from '#shared/clinical/markerStyles';
import { sideLabel, siteDefinition, siteProtocols, tuningForkSite } from '#shared/clinical/protocols';
import { notTestableReasonLabels } from '#shared/clinical/siteDerivation';
import { sides, type Side } from '#shared/domain/findings';

export interface DiagramCurrent {
  side: Side;
  key: string;
}

/** A lesion placed on the diagram (skin step): a letter badge at a site zone. */
export interface DiagramLesion {
  side: Side;
  zone: string;
  letter: string;
  label: string;
}

interface FootDiagramProps {
  input: Pick<FootDiagramInput, 'protocol' | 'feet'>;
  current?: DiagramCurrent | null;
  onSelectSite?: (side: Side, key: string) => void;
  onSelectFork?: (side: Side) => void;
  lesions?: readonly DiagramLesion[];
  /** Accessible name, e.g. "Monofilament sites". */
  label: string;
  /** Sites whose result changed since another screening (compare view): drawn inside a dashed square, and said. */
  changed?: readonly DiagramChange[];
  /** Scale the drawing to fill its box (the guided screen gives it the height left over). */
  fill?: boolean;
}

export interface DiagramChange {
  side: Side;
  key: string;
  /** "felt → not felt (worse)". */
  words: string;
}

function stateWords(state: keyof typeof markerStyles, reason: string | null | undefined): string {
  if (state === 'not_tested') return reason ? `not tested (${notTestableReasonLabels[reason as keyof typeof notTestableReasonLabels] ?? reason})` : 'not tested';
  if (state === 'pending') return 'not recorded yet';
  return markerStyles[state].label.toLowerCase();
}

/**
 * Both feet, drawn from the same geometry and marker shapes as the PDF report (shared/clinical),
 * so the screen and the paper show the same picture. Each site is a button: shape + label + colour
 * for its state, reachable with Tab, activated with Enter or Space. A list under the drawing says
 * every result in words for screen readers.
 */
const noLesions: readonly DiagramLesion[] = [];
const noChanges: readonly DiagramChange[] = [];

// The drawing keeps its own light paper in dark mode and in forced colours (Windows high
// contrast): its marker colours and shapes are the same as on the printed report.
const frameStyle = {
  bgcolor: '#ffffff',
  color: '#212121',
  borderRadius: 1,
  forcedColorAdjust: 'none',
  '& .diagram-site:focus-visible .focus-ring': { stroke: '#f2a900', strokeWidth: 3 },
  '& .diagram-site:hover .focus-ring': { stroke: '#90caf9', strokeWidth: 2 },
  '& .diagram-site[aria-current="step"]:focus .focus-ring': { stroke: '#f2a900', strokeWidth: 3 },
} as const;
const fillStyle = { ...frameStyle, height: '100%', minHeight: 0 } as const;

function FootDiagramView({ input, current, onSelectSite, onSelectFork, lesions = noLesions, label, changed = noChanges, fill = false }: FootDiagramProps): React.JSX.Element {
  const protocol = siteProtocols[input.protocol];
  const outward = (side: Side): number => (side === viewingConvention.onViewersLeft ? -1 : 1);
  const listItems: string[] = [];

  const foot = (side: Side, f: DiagramFoot): React.JSX.Element => {
    const outline = footOutlines[side];
    const absent = f.role === 'absent';
    const style = absent
      ? { fill: '#ffffff', stroke: '#9e9e9e', strokeWidth: 1.2, strokeDasharray: '4 3' }
      : { fill: '#f6efe7', stroke: '#5d5048', strokeWidth: 1.5 };
    const note = absent ? 'Absent' : f.role === 'not_examined' ? 'Not examined' : null;
    if (note) listItems.push(`${sideLabel(side)} foot: ${note.toLowerCase()}`);
    return (
      <g key={side}>
        {[...outline.toes, outline.sole].map((d, i) => (
          <path key={i} d={d} {...style} strokeLinejoin="round" />
        ))}
        {note ? (
          <text x={outline.labelAt.x} y={200} fontSize={12} fontStyle="italic" textAnchor="middle" fill="#616161">
            {note}
          </text>
        ) : null}
        <text x={outline.labelAt.x} y={outline.labelAt.y} fontSize={13} fontWeight="bold" textAnchor="middle" fill="#212121">
          {sideLabel(side)}
        </text>
      </g>
    );
  };

  const sites = (side: Side, f: DiagramFoot): React.JSX.Element[] => {
    if (f.role === 'absent') return [];
    const items: React.JSX.Element[] = [];
    for (const site of f.sites) {
      const at = sitePoint(input.protocol, side, site.key);
      const def = siteDefinition(input.protocol, site.key);
      if (!at || !def) continue;
      const isCurrent = current?.side === side && current.key === site.key;
      // The name starts with the marker's visible short label ("M1"): WCAG 2.5.3, label in name.
      const change = changed.find((c) => c.side === side && c.key === site.key);
      const words = `${def.shortLabel}, ${def.labels[side]}: ${stateWords(site.state, site.reason)}${change ? `; changed: ${change.words}` : ''}`;
      listItems.push(words);
      // A changed site's dashed square needs the label moved out a little.
      const gap = markerRadius + (def.surface === 'dorsal' ? dorsalRing.gap + 3 : 3) + (change ? 4 : 0);
      const above = protocol.test === 'touch';
      const labelAt = above ? { x: at.x, y: at.y - gap - 1 } : { x: at.x + outward(side) * gap, y: at.y + 3 };
      items.push(
        <g
          key={`${side}-${site.key}`}
          role={onSelectSite ? 'button' : 'img'}
          tabIndex={onSelectSite ? 0 : undefined}
          aria-label={`${words}${isCurrent ? ' (current site)' : ''}`}
          aria-current={isCurrent ? 'step' : undefined}
          onClick={onSelectSite ? () => onSelectSite(side, site.key) : undefined}
          onKeyDown={
            onSelectSite
              ? (e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    e.stopPropagation();
                    onSelectSite(side, site.key);
                  }
                }
              : undefined
          }
          style={{ cursor: onSelectSite ? 'pointer' : 'default', outline: 'none' }}
          className="diagram-site"
        >
          {isCurrent ? <circle cx={at.x} cy={at.y} r={markerRadius + 6} fill="none" stroke="#0b5cad" strokeWidth={3} /> : null}
          {change ? (
            <rect
              x={at.x - markerRadius - 6}
              y={at.y - markerRadius - 6}
              width={2 * markerRadius + 12}
              height={2 * markerRadius + 12}
              fill="none"
              stroke="#4a148c"
              strokeWidth={1.8}
              strokeDasharray="3 2"
              className="changed-site"
            />
          ) : null}
          <circle cx={at.x} cy={at.y} r={markerRadius + 5} fill="transparent" className="focus-ring" />
          <g aria-hidden="true" dangerouslySetInnerHTML={{ __html: markerSvg(at, site.state, site.reason, def.surface === 'dorsal') }} />
          <text x={labelAt.x} y={labelAt.y} fontSize={8} fill="#212121" textAnchor={above ? 'middle' : outward(side) < 0 ? 'end' : 'start'}>
            {def.shortLabel}
          </text>
        </g>,
      );
    }
    if (f.vibration) {
      const fork = tuningForkPoints[side];
      const isCurrent = current?.side === side && current.key === 'tuningFork';
      const words = `${tuningForkSite.shortLabel}, ${tuningForkSite.labels[side]} (128 Hz fork): ${stateWords(f.vibration, null)}`;
      listItems.push(words);
      items.push(
        <g
          key={`${side}-fork`}
          role={onSelectFork ? 'button' : 'img'}
          tabIndex={onSelectFork ? 0 : undefined}
          aria-label={`${words}${isCurrent ? ' (current)' : ''}`}
          aria-current={isCurrent ? 'step' : undefined}
          onClick={onSelectFork ? () => onSelectFork(side) : undefined}
          onKeyDown={
            onSelectFork
              ? (e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    e.stopPropagation();
                    onSelectFork(side);
                  }
                }
              : undefined
          }
          className="diagram-site"
          style={{ cursor: onSelectFork ? 'pointer' : 'default', outline: 'none' }}
        >
          <line x1={fork.at.x} y1={fork.at.y} x2={fork.pointsTo.x} y2={fork.pointsTo.y} stroke="#616161" strokeWidth={0.8} />
          {isCurrent ? <circle cx={fork.at.x} cy={fork.at.y} r={markerRadius + 8} fill="none" stroke="#0b5cad" strokeWidth={3} /> : null}
          <circle cx={fork.at.x} cy={fork.at.y} r={markerRadius + 5} fill="transparent" className="focus-ring" />
          <g aria-hidden="true" dangerouslySetInnerHTML={{ __html: markerSvg(fork.at, f.vibration, null, true) }} />
          <text x={fork.at.x} y={fork.at.y - markerRadius - dorsalRing.gap - 3} fontSize={8} textAnchor="middle" fill="#212121">
            {tuningForkSite.shortLabel}
          </text>
        </g>,
      );
    }
    return items;
  };

  const lesionMarks = lesions.map((l) => {
    const at = sitePoint('10-site', l.side, l.zone);
    if (!at) return null;
    listItems.push(`${sideLabel(l.side)} ${l.label}`);
    const x = at.x + outward(l.side) * -13;
    return (
      <g key={`${l.side}-${l.zone}-${l.letter}`} aria-hidden="true">
        <rect x={x - 6} y={at.y - 14} width={12} height={11} rx={2} fill="#ffffff" stroke="#6a1b9a" strokeWidth={1.2} />
        <text x={x} y={at.y - 5.5} fontSize={8} fontWeight="bold" textAnchor="middle" fill="#6a1b9a">
          {l.letter}
        </text>
      </g>
    );
  });

  const drawing = (
    <svg
      viewBox={`0 0 ${footDiagramViewBox.width} ${footDiagramViewBox.height + 14}`}
      width="100%"
      style={fill ? { width: '100%', height: '100%', display: 'block' } : { maxHeight: '62vh', display: 'block' }}
      role="group"
      aria-label={`${label}. ${viewingConvention.text}`}
      fontFamily="system-ui, sans-serif"
    >
      <text x={footDiagramViewBox.width / 2} y={10} fontSize={8.5} textAnchor="middle" fill="#424242">
        {viewingConvention.text}
      </text>
      <g transform="translate(0 14)">
        {sides.map((side) => foot(side, input.feet[side]))}
        {sides.flatMap((side) => sites(side, input.feet[side]))}
        {lesionMarks}
      </g>
    </svg>
  );

  return (
    <Box sx={fill ? fillStyle : frameStyle}>
      {drawing}
      <ul className="visually-hidden" aria-label={`${label}, every result`}>
        {listItems.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </Box>
  );
}

/** Memoised: redrawn only when its results, current site or lesions change. */
export const FootDiagram = memo(FootDiagramView);
