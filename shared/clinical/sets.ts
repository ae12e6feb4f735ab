/** Small helpers for ordered, duplicate-free lists (explanations list each finding once, in order). */
export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
