import { Box, Typography } from '@mui/material';
import { useId } from 'react';
import { sideLabel } from '#shared/clinical/protocols';
import { sides, type Side } from '#shared/domain/findings';
import type { CategoryChange, ChangeDirection, HistoryPoint } from '#shared/history/timeline';
import { iwgdfCategoryLabels, niceCategoryLabels, type recallCategories } from '#shared/recall/recallRules';
import { formatDate } from '../../app/format';

/**
 * The timeline chart of the patient page, drawn as SVG: the NICE NG19 and IWGDF 2023
 * categories of each signed screening (one lane per category, highest risk at the top), the
 * insensate sites per foot, and a mark at every change of category: ▲ risk rose, ▼ risk fell,
 * ◆ changed to or from incomplete. Shapes and words carry the meaning as well as colour (circle
 * NICE, square IWGDF; right foot circle and solid line, left foot triangle and dashed line). The
 * history table under it holds the same data for screen readers; the drawing has a text summary.
 * Its colours are the `--chart-*` variables of the theme, so it reads on the light and the dark
 * page and takes the system colours in forced-colours mode.
 */

const width = 760;
const left = 120;
const right = 24;
const plotWidth = width - left - right;

/** Highest risk at the top, incomplete (no place on the scale) at the bottom. */
const niceLanes: readonly string[] = ['active', 'high', 'moderate', 'low', 'incomplete'] satisfies (typeof recallCategories.nice)[number][];
const iwgdfLanes: readonly string[] = ['urgent', '3', '2', '1', '0', 'incomplete'] satisfies (typeof recallCategories.iwgdf)[number][];

export const directionMarks: Readonly<Record<ChangeDirection, { symbol: string; colour: string; words: string }>> = {
  worse: { symbol: '▲', colour: 'var(--chart-worse)', words: 'risk rose' },
  better: { symbol: '▼', colour: 'var(--chart-better)', words: 'risk fell' },
  changed: { symbol: '◆', colour: 'var(--chart-changed)', words: 'changed (incomplete or mixed)' },
};

const footStyle: Readonly<Record<Side, { colour: string; dash: string | undefined; shape: 'circle' | 'triangle' }>> = {
  right: { colour: 'var(--chart-right)', dash: undefined, shape: 'circle' },
  left: { colour: 'var(--chart-left)', dash: '5 3', shape: 'triangle' },
};

function dayOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
}

function marker(shape: 'circle' | 'square' | 'triangle', x: number, y: number, size: number, fill: string, hollow: boolean): React.JSX.Element {
  const common = { fill: hollow ? 'var(--chart-hollow)' : fill, stroke: fill, strokeWidth: 1.6 };
  if (shape === 'circle') return <circle cx={x} cy={y} r={size} {...common} />;
  if (shape === 'square') return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} {...common} />;
  return <path d={`M ${x} ${y - size - 1} L ${x + size + 1} ${y + size} L ${x - size - 1} ${y + size} Z`} {...common} />;
}

export function HistoryTimeline({ points, changes }: { points: readonly HistoryPoint[]; changes: readonly CategoryChange[] }): React.JSX.Element | null {
  const ids = useId();
  if (points.length === 0) return null;
  const first = dayOf(points[0]?.examinedOn ?? '');
  const last = dayOf(points[points.length - 1]?.examinedOn ?? '');
  const span = Math.max(1, last - first);
  const x = (iso: string): number => (points.length === 1 ? left + plotWidth / 2 : left + 12 + ((dayOf(iso) - first) / span) * (plotWidth - 24));

  // Vertical layout: title band, NICE lanes, IWGDF lanes, insensate sites, axis, legend.
  const niceTop = 36;
  const niceLane = 17;
  const iwgdfTop = niceTop + niceLanes.length * niceLane + 34;
  const iwgdfLane = 15;
  const sitesTop = iwgdfTop + iwgdfLanes.length * iwgdfLane + 38;
  const sitesHeight = 84;
  const axisY = sitesTop + sitesHeight + 8;
  const legendY = axisY + 38;
  const height = legendY + 16;
  const maxTested = Math.max(3, ...points.flatMap((p) => sides.map((s) => p.sites[s]?.tested ?? 0)));
  const siteY = (n: number): number => sitesTop + sitesHeight - (n / maxTested) * sitesHeight;
  const niceY = (c: string): number => niceTop + niceLanes.indexOf(c) * niceLane + niceLane / 2;
  const iwgdfY = (c: string): number => iwgdfTop + iwgdfLanes.indexOf(c) * iwgdfLane + iwgdfLane / 2;

  const stepPath = (ys: number[]): string =>
    points.map((p, i) => (i === 0 ? `M ${x(p.examinedOn)} ${ys[i]}` : `H ${x(p.examinedOn)} V ${ys[i]}`)).join(' ');

  // Date labels under the axis: every screening when there is room, else one per year.
  const ticks: { at: number; text: string }[] = [];
  if (points.length <= 8) {
    for (const p of points) {
      const at = x(p.examinedOn);
      if (ticks.every((t) => Math.abs(t.at - at) > 78)) ticks.push({ at, text: formatDate(p.examinedOn) });
    }
  } else {
    const firstYear = Number(points[0]?.examinedOn.slice(0, 4));
    const lastYear = Number(points[points.length - 1]?.examinedOn.slice(0, 4));
    for (let y = firstYear + 1; y <= lastYear; y++) ticks.push({ at: x(`${y}-01-01`), text: String(y) });
  }

  const summary = points
    .map((p) => {
      const feet = sides.map((s) => `${sideLabel(s).toLowerCase()} ${p.sites[s] ? `${p.sites[s]?.insensate} of ${p.sites[s]?.tested}` : 'not examined'}`).join(', ');
      return `${formatDate(p.examinedOn)}: NICE ${niceCategoryLabels[p.nice].toLowerCase()}, IWGDF ${iwgdfCategoryLabels[p.iwgdf].toLowerCase()}, insensate sites ${feet}.`;
    })
    .concat(changes.map((c) => `Change on ${formatDate(c.examinedOn)}: ${c.text} (${directionMarks[c.direction].words}).`))
    .join(' ');

  const laneLabels = (lanes: readonly string[], top: number, lane: number, words: (c: string) => string): React.JSX.Element[] =>
    lanes.map((c, i) => (
      <g key={c}>
        <line x1={left} x2={width - right} y1={top + i * lane + lane / 2} y2={top + i * lane + lane / 2} stroke="var(--chart-grid)" strokeWidth={1} />
        <text x={left - 8} y={top + i * lane + lane / 2 + 3.5} fontSize={10} textAnchor="end" fill="var(--chart-text)">
          {words(c)}
        </text>
      </g>
    ));

  return (
    <Box>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" style={{ display: 'block', maxWidth: 980 }} role="img" aria-labelledby={`${ids}-t ${ids}-d`} fontFamily="system-ui, sans-serif">
        <title id={`${ids}-t`}>Risk category and insensate sites over time</title>
        <desc id={`${ids}-d`}>{summary}</desc>
        {changes.map((c) => {
          const mark = directionMarks[c.direction];
          const at = x(c.examinedOn);
          return (
            <g key={`change-${c.examId}`}>
              <line x1={at} x2={at} y1={niceTop - 6} y2={iwgdfTop + iwgdfLanes.length * iwgdfLane} stroke={mark.colour} strokeWidth={1} strokeDasharray="2 3" />
              <text x={at} y={niceTop - 9} fontSize={13} textAnchor="middle" fill={mark.colour}>
                {mark.symbol}
              </text>
            </g>
          );
        })}
        <text x={8} y={niceTop - 10} fontSize={11} fontWeight="bold" fill="var(--chart-nice)">
          NICE NG19
        </text>
        {laneLabels(niceLanes, niceTop, niceLane, (c) => niceCategoryLabels[c as keyof typeof niceCategoryLabels])}
        <path d={stepPath(points.map((p) => niceY(p.nice)))} fill="none" stroke="var(--chart-nice)" strokeOpacity={0.45} strokeWidth={1.5} />
        {points.map((p) => (
          <g key={`nice-${p.examId}`}>{marker('circle', x(p.examinedOn), niceY(p.nice), 5, 'var(--chart-nice)', p.nice === 'incomplete')}</g>
        ))}

        <text x={8} y={iwgdfTop - 10} fontSize={11} fontWeight="bold" fill="var(--chart-iwgdf)">
          IWGDF 2023
        </text>
        {laneLabels(iwgdfLanes, iwgdfTop, iwgdfLane, (c) => (c === 'urgent' ? 'Active (urgent)' : iwgdfCategoryLabels[c as keyof typeof iwgdfCategoryLabels]))}
        <path d={stepPath(points.map((p) => iwgdfY(p.iwgdf)))} fill="none" stroke="var(--chart-iwgdf)" strokeOpacity={0.45} strokeWidth={1.5} />
        {points.map((p) => (
          <g key={`iwgdf-${p.examId}`}>{marker('square', x(p.examinedOn), iwgdfY(p.iwgdf), 4.5, 'var(--chart-iwgdf)', p.iwgdf === 'incomplete')}</g>
        ))}

        <text x={8} y={sitesTop - 12} fontSize={11} fontWeight="bold" fill="var(--chart-heading)">
          Insensate sites per foot
        </text>
        {[0, maxTested].map((n) => (
          <g key={`grid-${n}`}>
            <line x1={left} x2={width - right} y1={siteY(n)} y2={siteY(n)} stroke="var(--chart-grid)" />
            <text x={left - 8} y={siteY(n) + 3.5} fontSize={10} textAnchor="end" fill="var(--chart-text)">
              {n}
            </text>
          </g>
        ))}
        {sides.map((side) => {
          const style = footStyle[side];
          const examined = points.filter((p) => p.sites[side] !== null);
          const path = examined.map((p, i) => `${i === 0 ? 'M' : 'L'} ${x(p.examinedOn)} ${siteY(p.sites[side]?.insensate ?? 0)}`).join(' ');
          return (
            <g key={side}>
              {examined.length > 1 ? <path d={path} fill="none" stroke={style.colour} strokeWidth={1.6} strokeDasharray={style.dash} /> : null}
              {examined.map((p) => {
                const n = p.sites[side]?.insensate ?? 0;
                const at = x(p.examinedOn);
                return (
                  <g key={`${side}-${p.examId}`}>
                    {marker(style.shape, at, siteY(n), 4, style.colour, false)}
                    {points.length <= 12 ? (
                      <text x={at + (side === 'right' ? -8 : 8)} y={siteY(n) - 6} fontSize={9.5} textAnchor={side === 'right' ? 'end' : 'start'} fill={style.colour}>
                        {n}
                      </text>
                    ) : null}
                  </g>
                );
              })}
            </g>
          );
        })}

        <line x1={left} x2={width - right} y1={axisY} y2={axisY} stroke="var(--chart-axis)" />
        {ticks.map((t) => (
          <g key={`tick-${t.at}`}>
            <line x1={t.at} x2={t.at} y1={axisY} y2={axisY + 4} stroke="var(--chart-axis)" />
            <text x={t.at} y={axisY + 16} fontSize={10} textAnchor="middle" fill="var(--chart-text)">
              {t.text}
            </text>
          </g>
        ))}

        <g transform={`translate(${left} ${legendY})`} fontSize={10} fill="var(--chart-heading)">
          {marker('circle', 4, -3, 4, 'var(--chart-nice)', false)}
          <text x={12} y={0}>NICE</text>
          {marker('square', 52, -3, 3.5, 'var(--chart-iwgdf)', false)}
          <text x={60} y={0}>IWGDF</text>
          {marker('circle', 108, -3, 4, 'var(--chart-nice)', true)}
          <text x={116} y={0}>incomplete</text>
          {marker('circle', 184, -3, 3.5, footStyle.right.colour, false)}
          <line x1={176} x2={192} y1={-3} y2={-3} stroke={footStyle.right.colour} strokeWidth={1.6} />
          <text x={198} y={0}>right foot</text>
          {marker('triangle', 262, -3, 3.5, footStyle.left.colour, false)}
          <line x1={254} x2={270} y1={-3} y2={-3} stroke={footStyle.left.colour} strokeWidth={1.6} strokeDasharray="5 3" />
          <text x={276} y={0}>left foot</text>
          {(['worse', 'better', 'changed'] as const).map((d, i) => (
            <g key={d}>
              <text x={336 + i * 92} y={0} fill={directionMarks[d].colour} fontSize={12}>
                {directionMarks[d].symbol}
              </text>
              <text x={348 + i * 92} y={0}>
                {d === 'changed' ? 'changed' : directionMarks[d].words}
              </text>
            </g>
          ))}
        </g>
      </svg>
      {points.length === 1 ? (
        <Typography variant="body2" color="text.secondary">
          One signed screening so far: changes show from the second.
        </Typography>
      ) : null}
    </Box>
  );
}
