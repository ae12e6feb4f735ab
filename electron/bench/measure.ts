/** Small timing helpers for `npm run bench`: medians of many interleaved runs. */

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export interface Comparison {
  median: number;
  baseline: number;
}

/**
 * Times `subject` and `baseline` alternately (so drift and GC hit both alike) after a warm-up,
 * and returns the median of each, in milliseconds.
 */
export async function compare(
  subject: () => unknown | Promise<unknown>,
  baseline: () => unknown | Promise<unknown>,
  runs: number,
  warmup = Math.min(50, runs),
): Promise<Comparison> {
  for (let i = 0; i < warmup; i++) {
    await subject();
    await baseline();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    const first = i % 2 === 0;
    for (const which of first ? [0, 1] : [1, 0]) {
      const start = performance.now();
      if (which === 0) await subject();
      else await baseline();
      (which === 0 ? a : b).push(performance.now() - start);
    }
  }
  return { median: median(a), baseline: median(b) };
}

export async function timeOnly(subject: () => unknown | Promise<unknown>, runs: number, warmup = Math.min(20, runs)): Promise<number> {
  for (let i = 0; i < warmup; i++) await subject();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await subject();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** One machine-readable line in the design's section 5 format. */
export function benchLine(name: string, n: number, medianMs: number, baselineMs?: number): string {
  const base = `bench: ${name} n=${n} median_ms=${medianMs.toFixed(4)}`;
  return baselineMs === undefined ? base : `${base} baseline_ms=${baselineMs.toFixed(4)} ratio=${(medianMs / baselineMs).toFixed(3)}`;
}
