import type { Side } from '../../domain/findings';

/** One scored item: what was recorded and the points it gives (null = not recorded, not guessed). */
export interface ScoreItem {
  item: string;
  /** The finding paths the item reads. */
  paths: string[];
  points: number | null;
  recorded: string;
  /** The paths that were not recorded (empty when scored). */
  missing: string[];
}

/** An item read from one finding path. */
export function singleItem(item: string, path: string, points: number | null, recorded: string): ScoreItem {
  return { item, paths: [path], points, recorded, missing: points === null ? [path] : [] };
}

export interface FootScore {
  side: Side;
  /** Null when any item is missing. */
  score: number | null;
  items: ScoreItem[];
  /** Paths of the items not recorded. */
  missingItems: string[];
}

export function footScore(side: Side, items: ScoreItem[]): FootScore {
  const missing = items.filter((i) => i.points === null);
  return {
    side,
    score: missing.length > 0 ? null : items.reduce((sum, i) => sum + (i.points ?? 0), 0),
    items,
    missingItems: missing.flatMap((i) => i.missing),
  };
}

/** Both feet are needed for a total; a missing foot or item leaves the total null. */
export function totalOf(feet: readonly FootScore[]): number | null {
  if (feet.length !== 2 || feet.some((f) => f.score === null)) return null;
  return feet.reduce((sum, f) => sum + (f.score ?? 0), 0);
}
