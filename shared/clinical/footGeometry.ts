import type { Side } from '../domain/findings';
import type { SiteProtocolId } from './protocols';

/**
 * Geometry of the foot diagram that the screen (React) and the PDF (pdfmake SVG) both draw:
 * outlines of a pair of feet seen from below (plantar view) and where each site sits on them,
 * in one coordinate system (`footDiagramViewBox`).
 *
 * Only the right foot is written out; the left foot is its mirror image about the middle of
 * the drawing, so the two cannot drift apart. Coordinates are in the viewBox's units.
 */

export interface Point {
  x: number;
  y: number;
}

export const footDiagramViewBox = { width: 400, height: 340 } as const;

/**
 * The viewing convention, as data so every drawing states it the same way.
 *
 * Soles are drawn as the examiner sees them while testing, from the end of the couch with the
 * patient lying down: the patient's right foot is on the viewer's left and the big toes point
 * towards the middle. A site tapped on the screen is then where the filament goes, which avoids
 * the left/right reversal of an anatomical (patient's-eye) picture; every drawing labels the
 * feet "Right" and "Left" so nobody has to infer it from the picture.
 */
export const viewingConvention = {
  view: 'plantar',
  onViewersLeft: 'right' as Side,
  text: "Soles seen from the end of the couch: the patient's right foot is on your left.",
  why: 'Matches what the examiner sees while applying the monofilament, so the picture and the patient line up without mental mirroring.',
} as const;

/** Right foot (on the viewer's left), plantar view: sole and each toe as its own shape. */
const rightSole =
  'M170,112 C172,140 158,162 149,186 C143,204 146,234 145,258 C144,290 128,306 109,306 C90,306 75,292 74,262 C73,236 69,212 64,188 C59,166 51,146 51,124 C51,106 58,95 72,92 C100,86 130,80 152,82 C165,84 170,96 170,112 Z';

/** Hallux to 5th toe. Each toe's base is tucked under the sole, which is drawn after the toes. */
const rightToes: readonly string[] = [
  'M150.6,28 C160.2,28.5 167.3,42.4 166.5,58.9 C165.6,75.5 157.1,88.5 147.4,88 C137.8,87.5 130.7,73.6 131.5,57.1 C132.4,40.5 140.9,27.5 150.6,28 Z',
  'M119.3,37.1 C124.7,36.7 129.8,47.5 130.8,61.3 C131.7,75.1 128.1,86.6 122.7,86.9 C117.3,87.3 112.2,76.5 111.2,62.7 C110.3,48.9 113.9,37.4 119.3,37.1 Z',
  'M99.5,47.2 C104.4,46.5 109.8,55.5 111.4,67.2 C113.1,79 110.4,89.1 105.5,89.8 C100.6,90.5 95.2,81.5 93.6,69.8 C91.9,58 94.6,47.9 99.5,47.2 Z',
  'M81.8,58 C86.3,56.9 91.8,64.2 94.1,74.1 C96.4,84.1 94.6,93 90.2,94 C85.7,95.1 80.2,87.8 77.9,77.9 C75.6,67.9 77.4,59 81.8,58 Z',
  'M66,69.3 C69.9,68 75.4,73.4 78.2,81.5 C81,89.6 80,97.3 76,98.7 C72.1,100 66.6,94.6 63.8,86.5 C61,78.4 62,70.7 66,69.3 Z',
];

/** Where the side's name is written, under the heel. */
const rightLabelAt: Point = { x: 109, y: 328 };

/**
 * Monofilament sites on the right foot. Plantar sites sit on the pads the filament touches:
 * the toe pulps, the metatarsal heads across the ball, the arch and lateral midfoot, the heel.
 * `dorsum` is on the top of the foot: it is drawn in the middle of the midfoot and marked as
 * dorsal (dashed ring), as 10-site charts usually do.
 */
const rightMonofilamentPoints: Readonly<Record<string, Point>> = {
  hallux: { x: 149, y: 52 },
  toe3: { x: 102, y: 63 },
  toe5: { x: 70.5, y: 81 },
  mth1: { x: 149, y: 118 },
  mth3: { x: 110, y: 110 },
  mth5: { x: 70, y: 124 },
  medialMidfoot: { x: 138, y: 190 },
  lateralMidfoot: { x: 76, y: 192 },
  heel: { x: 109, y: 276 },
  dorsum: { x: 109, y: 158 },
};

/** Ipswich Touch Test: the tips of the 1st, 3rd and 5th toes. */
const rightTouchTestPoints: Readonly<Record<string, Point>> = {
  toe1: { x: 150, y: 38 },
  toe3: { x: 100.5, y: 56 },
  toe5: { x: 68, y: 77 },
};

/**
 * 128 Hz fork: the bony dorsal distal phalanx of the hallux (IWGDF 2023). It is on the
 * top of the toe, so it is drawn beside the hallux (towards the middle) with a leader line.
 */
const rightTuningFork = { at: { x: 184, y: 44 }, pointsTo: { x: 163, y: 46 } } as const;

function mirrorX(x: number): number {
  return Math.round((footDiagramViewBox.width - x) * 10) / 10;
}

function mirrorPoint(p: Point): Point {
  return { x: mirrorX(p.x), y: p.y };
}

/** Mirrors absolute path data (M/C/L/Z with x,y pairs) about the middle of the drawing. */
export function mirrorPath(d: string): string {
  return d.replace(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g, (_m, x: string, y: string) => `${mirrorX(Number(x))},${y}`);
}

function mirrorPoints(points: Readonly<Record<string, Point>>): Record<string, Point> {
  return Object.fromEntries(Object.entries(points).map(([key, p]) => [key, mirrorPoint(p)]));
}

export interface FootOutline {
  side: Side;
  sole: string;
  toes: readonly string[];
  labelAt: Point;
}

export const footOutlines: Readonly<Record<Side, FootOutline>> = {
  right: { side: 'right', sole: rightSole, toes: rightToes, labelAt: rightLabelAt },
  left: { side: 'left', sole: mirrorPath(rightSole), toes: rightToes.map(mirrorPath), labelAt: mirrorPoint(rightLabelAt) },
};

const pointsByProtocol: Readonly<Record<SiteProtocolId, Readonly<Record<Side, Readonly<Record<string, Point>>>>>> = {
  'iwgdf-3': { right: rightMonofilamentPoints, left: mirrorPoints(rightMonofilamentPoints) },
  '10-site': { right: rightMonofilamentPoints, left: mirrorPoints(rightMonofilamentPoints) },
  ipswich: { right: rightTouchTestPoints, left: mirrorPoints(rightTouchTestPoints) },
};

/** Where a site of a protocol is drawn on one foot; undefined for a key the protocol cannot place. */
export function sitePoint(protocol: SiteProtocolId, side: Side, key: string): Point | undefined {
  return pointsByProtocol[protocol][side][key];
}

export const tuningForkPoints: Readonly<Record<Side, { at: Point; pointsTo: Point }>> = {
  right: rightTuningFork,
  left: { at: mirrorPoint(rightTuningFork.at), pointsTo: mirrorPoint(rightTuningFork.pointsTo) },
};
