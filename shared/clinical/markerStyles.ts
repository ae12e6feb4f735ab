import type { NotTestableReason } from '../domain/findings';
import type { SiteState } from './siteDerivation';

/**
 * How a site's state is drawn, shared by the React diagram and the PDF (footDiagramSvg). Each
 * state differs by SHAPE and by its inner mark as well as by colour, so the diagram reads the
 * same in black and white and for colour-blind readers:
 *   felt        open circle with "+"
 *   not felt    solid square with a white "-"
 *   not tested  diamond with the reason's letter (NT when no reason)
 *   pending     dashed circle with "?"
 * A dashed outer ring marks a site on the top of the foot (dorsal).
 */

export type MarkerState = SiteState;
export type MarkerShape = 'circle' | 'square' | 'diamond';

export interface MarkerStyle {
  state: MarkerState;
  shape: MarkerShape;
  fill: string;
  stroke: string;
  strokeWidth: number;
  /** SVG stroke-dasharray of the outline, or null for a solid outline. */
  strokeDasharray: string | null;
  /** The inner mark: a drawn plus or minus, or text (see `markerText`). */
  mark: 'plus' | 'minus' | 'text';
  markColour: string;
  /** Legend wording. */
  label: string;
}

/** Marker size in the diagram's units (footGeometry's viewBox). */
export const markerRadius = 7;

export const markerStyles: Readonly<Record<MarkerState, MarkerStyle>> = {
  felt: {
    state: 'felt',
    shape: 'circle',
    fill: '#e3f2e5',
    stroke: '#1b5e20',
    strokeWidth: 1.5,
    strokeDasharray: null,
    mark: 'plus',
    markColour: '#1b5e20',
    label: 'Felt',
  },
  not_felt: {
    state: 'not_felt',
    shape: 'square',
    fill: '#b71c1c',
    stroke: '#4a0000',
    strokeWidth: 1.5,
    strokeDasharray: null,
    mark: 'minus',
    markColour: '#ffffff',
    label: 'Not felt (insensate)',
  },
  not_tested: {
    state: 'not_tested',
    shape: 'diamond',
    fill: '#fff8e1',
    stroke: '#5d4037',
    strokeWidth: 1.3,
    strokeDasharray: null,
    mark: 'text',
    markColour: '#3e2723',
    label: 'Not tested (letter = reason)',
  },
  pending: {
    state: 'pending',
    shape: 'circle',
    fill: '#ffffff',
    stroke: '#616161',
    strokeWidth: 1.2,
    strokeDasharray: '2 1.5',
    mark: 'text',
    markColour: '#424242',
    label: 'Not recorded yet',
  },
};

/** Letters for why a site was not tested, written inside its diamond. */
export const notTestedLetters: Readonly<Record<NotTestableReason, string>> = {
  ulcer: 'U',
  callus: 'C',
  scar: 'S',
  necrosis: 'N',
  amputation: 'A',
  dressing: 'Dr',
  other: 'O',
};

/** The text inside a marker whose mark is text. */
export function markerText(state: MarkerState, reason: NotTestableReason | null | undefined): string {
  if (state === 'not_tested') return reason ? notTestedLetters[reason] : 'NT';
  if (state === 'pending') return '?';
  return '';
}

/** The dashed ring around a dorsal site (top of the foot). */
export const dorsalRing = { gap: 3, stroke: '#424242', strokeWidth: 1, strokeDasharray: '1.5 1.5' } as const;
