import { describe, expect, it } from 'vitest';
import { sides, type Side } from '../domain/findings';
import { assess } from './assess';
import { insensate, normalWith } from './fixtures/findingsBuilders';
import { footDiagramInput } from './footDiagramInput';
import { footDiagramSvg, type FootDiagramInput } from './footDiagramSvg';
import { footDiagramViewBox, footOutlines, mirrorPath, sitePoint, tuningForkPoints, viewingConvention, type Point } from './footGeometry';
import { markerStyles } from './markerStyles';
import { siteDefinition, siteLabel, siteProtocolIds, siteProtocols } from './protocols';

/** Flattens absolute M/C/Z path data into a polygon, to test where sites fall. */
function polygon(d: string): Point[] {
  const numbers = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const points: Point[] = [];
  let i = 0;
  let current: Point = { x: numbers[0] ?? 0, y: numbers[1] ?? 0 };
  points.push(current);
  i = 2;
  while (i + 5 < numbers.length) {
    const [x1, y1, x2, y2, x3, y3] = numbers.slice(i, i + 6) as [number, number, number, number, number, number];
    for (let t = 0.1; t <= 1.0001; t += 0.1) {
      const u = 1 - t;
      points.push({
        x: u * u * u * current.x + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3,
        y: u * u * u * current.y + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3,
      });
    }
    current = { x: x3, y: y3 };
    i += 6;
  }
  return points;
}

function inside(p: Point, shape: Point[]): boolean {
  let result = false;
  for (let i = 0, j = shape.length - 1; i < shape.length; j = i++) {
    const a = shape[i] as Point;
    const b = shape[j] as Point;
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) result = !result;
  }
  return result;
}

function point(protocol: 'iwgdf-3' | '10-site' | 'ipswich', side: Side, key: string): Point {
  const p = sitePoint(protocol, side, key);
  if (!p) throw new Error(`no point for ${protocol} ${side} ${key}`);
  return p;
}

describe('site protocols', () => {
  it('have a definition and a point for every site on both feet', () => {
    for (const id of siteProtocolIds) {
      for (const key of siteProtocols[id].siteKeys) {
        expect(siteDefinition(id, key), `${id} ${key}`).toBeDefined();
        for (const side of sides) expect(sitePoint(id, side, key), `${id} ${side} ${key}`).toBeDefined();
      }
    }
  });

  it('label sites in the clinic\'s words with the side', () => {
    expect(siteLabel('right', 'iwgdf-3', 'mth1')).toBe('Right 1st metatarsal head');
    expect(siteLabel('left', 'ipswich', 'toe5')).toBe('Left tip of the 5th toe');
    expect(siteDefinition('10-site', 'dorsum')?.surface).toBe('dorsal');
    expect(siteDefinition('iwgdf-3', 'mth5')?.labels).toEqual({ right: 'Right 5th metatarsal head', left: 'Left 5th metatarsal head' });
  });

  it('use the reference\'s keys', () => {
    expect(siteProtocols['iwgdf-3'].defaultSiteKeys).toEqual(['hallux', 'mth1', 'mth5']);
    expect(siteProtocols['iwgdf-3'].siteKeys).toContain('mth3');
    expect(siteProtocols['10-site'].siteKeys).toEqual(['hallux', 'toe3', 'toe5', 'mth1', 'mth3', 'mth5', 'medialMidfoot', 'lateralMidfoot', 'heel', 'dorsum']);
    expect(siteProtocols.ipswich.siteKeys).toEqual(['toe1', 'toe3', 'toe5']);
  });
});

describe('foot geometry', () => {
  it('states its viewing convention: the patient\'s right foot on the viewer\'s left', () => {
    expect(viewingConvention.onViewersLeft).toBe('right');
    const xs = (d: string): number[] => polygon(d).map((p) => p.x);
    expect(Math.max(...xs(footOutlines.right.sole))).toBeLessThan(footDiagramViewBox.width / 2);
    expect(Math.min(...xs(footOutlines.left.sole))).toBeGreaterThan(footDiagramViewBox.width / 2);
  });

  it('the left foot is the mirror image of the right', () => {
    expect(mirrorPath(footOutlines.left.sole)).toBe(footOutlines.right.sole);
    expect(footOutlines.left.toes.map(mirrorPath)).toEqual(footOutlines.right.toes);
  });

  it('draws five toes, the big toe towards the middle', () => {
    for (const side of sides) {
      const toes = footOutlines[side].toes.map(polygon);
      expect(toes).toHaveLength(5);
      const centre = (shape: Point[]): number => shape.reduce((s, p) => s + p.x, 0) / shape.length;
      const distances = toes.map((t) => Math.abs(centre(t) - footDiagramViewBox.width / 2));
      expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    }
  });

  it('puts every site on its anatomical spot', () => {
    for (const side of sides) {
      const sole = polygon(footOutlines[side].sole);
      const [hallux, , third, , fifth] = footOutlines[side].toes.map(polygon) as [Point[], Point[], Point[], Point[], Point[]];
      expect(inside(point('10-site', side, 'hallux'), hallux)).toBe(true);
      expect(inside(point('10-site', side, 'toe3'), third)).toBe(true);
      expect(inside(point('10-site', side, 'toe5'), fifth)).toBe(true);
      expect(inside(point('ipswich', side, 'toe1'), hallux)).toBe(true);
      expect(inside(point('ipswich', side, 'toe3'), third)).toBe(true);
      expect(inside(point('ipswich', side, 'toe5'), fifth)).toBe(true);
      for (const key of ['mth1', 'mth3', 'mth5', 'medialMidfoot', 'lateralMidfoot', 'heel', 'dorsum']) {
        expect(inside(point('10-site', side, key), sole), `${side} ${key}`).toBe(true);
      }
      // Medial (big-toe) side towards the middle; metatarsal heads across the ball; heel lowest.
      const middle = footDiagramViewBox.width / 2;
      const towardsMiddle = (key: string): number => Math.abs(point('10-site', side, key).x - middle);
      expect(towardsMiddle('mth1')).toBeLessThan(towardsMiddle('mth3'));
      expect(towardsMiddle('mth3')).toBeLessThan(towardsMiddle('mth5'));
      expect(towardsMiddle('medialMidfoot')).toBeLessThan(towardsMiddle('lateralMidfoot'));
      expect(point('10-site', side, 'heel').y).toBeGreaterThan(point('10-site', side, 'medialMidfoot').y);
      expect(point('10-site', side, 'mth1').y).toBeGreaterThan(point('10-site', side, 'hallux').y);
      // The fork sits beside the hallux, pointing at it.
      expect(Math.abs(tuningForkPoints[side].pointsTo.x - point('10-site', side, 'hallux').x)).toBeLessThan(20);
    }
  });
});

describe('marker styles', () => {
  it('tell the states apart without colour (shape, mark or outline differ)', () => {
    const keys = Object.values(markerStyles).map((s) => `${s.shape}|${s.mark}|${s.strokeDasharray ?? ''}|${s.fill === '#ffffff' ? 'open' : 'filled'}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(markerStyles.felt.shape).not.toBe(markerStyles.not_felt.shape);
  });
});

describe('footDiagramSvg', () => {
  const input: FootDiagramInput = {
    protocol: 'iwgdf-3',
    title: 'Monofilament <10 g> & "sites"',
    feet: {
      right: {
        role: 'examined',
        sites: [
          { key: 'hallux', state: 'felt' },
          { key: 'mth1', state: 'not_felt' },
          { key: 'mth5', state: 'not_tested', reason: 'ulcer' },
          { key: 'mth3', state: 'pending' },
        ],
        vibration: 'not_felt',
      },
      left: { role: 'absent', sites: [{ key: 'hallux', state: 'felt' }] },
    },
  };

  it('is one well-formed standalone SVG, the same every time', () => {
    const svg = footDiagramSvg(input);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(svg).not.toMatch(/undefined|NaN/);
    expect(svg).toBe(footDiagramSvg(input));
    expect(svg).toContain('Monofilament &lt;10 g&gt; &amp; &quot;sites&quot;');
    expect(svg).not.toMatch(/<style|class=|<defs/);
  });

  it('labels the feet Right and Left and states the viewing convention', () => {
    const svg = footDiagramSvg(input);
    expect(svg).toContain('>Right</text>');
    expect(svg).toContain('>Left</text>');
    expect(svg).toContain(viewingConvention.text);
  });

  it('draws each state by shape and mark; a not-tested site shows its reason letter', () => {
    const svg = footDiagramSvg({ ...input, legend: false });
    expect(svg).toContain('<rect x="142" y="111"');
    expect(svg).toMatch(/<polygon points="[^"]+"[^>]*\/><text[^>]*>U<\/text>/);
    expect(svg).toMatch(/stroke-dasharray="2 1.5"\/><text[^>]*>\?<\/text>/);
  });

  it('draws no sites on an absent foot and says it is absent', () => {
    const svg = footDiagramSvg({ ...input, legend: false });
    expect(svg).toContain('>Absent</text>');
    const leftHallux = point('iwgdf-3', 'left', 'hallux');
    expect(svg).not.toContain(`cx="${leftHallux.x}" cy="${leftHallux.y}"`);
  });

  it('can leave out the legend and the labels', () => {
    const bare = footDiagramSvg({ ...input, legend: false, siteLabels: false, caption: false, title: undefined });
    expect(bare).not.toContain('Not recorded yet');
    expect(bare).not.toContain('>M1</text>');
    expect(footDiagramSvg(input)).toContain('Not recorded yet');
  });

  it('is built from an assessment, adding the protocol\'s usual sites not recorded yet', () => {
    const a = assess(
      normalWith((d) => {
        insensate(d.feet.left);
        d.feet.right.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'felt', mth3: { result: 'not_tested', reason: 'callus' } } };
      }),
    );
    const drawn = footDiagramInput(a, 'monofilament');
    expect(drawn.protocol).toBe('iwgdf-3');
    expect(drawn.feet.right.sites).toEqual([
      { key: 'hallux', state: 'felt', reason: null },
      { key: 'mth3', state: 'not_tested', reason: 'callus' },
      { key: 'mth1', state: 'pending', reason: null },
    ]);
    expect(drawn.feet.left.sites.map((s) => s.state)).toEqual(['not_felt', 'not_felt', 'not_felt']);
    expect(drawn.feet.left.vibration).toBe('felt');
    expect(footDiagramSvg(drawn)).toContain('<svg');
  });
});
