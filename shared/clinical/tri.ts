/**
 * Three-valued answers for derived findings: `"unknown"` means the findings
 * recorded cannot decide it, never "probably normal".
 */
export type Tri = true | false | 'unknown';

/** True if any is true; unknown if any is unknown and none is true; false otherwise (also for none). */
export function anyTrue(values: readonly Tri[]): Tri {
  if (values.some((v) => v === true)) return true;
  if (values.some((v) => v === 'unknown')) return 'unknown';
  return false;
}

/** A yes/no item that may not have been recorded. */
export function triOf(value: boolean | undefined): Tri {
  return value === undefined ? 'unknown' : value;
}

/** Words for people: "yes", "no", "unknown". */
export function triWord(value: Tri): string {
  return value === 'unknown' ? 'unknown' : value ? 'yes' : 'no';
}
