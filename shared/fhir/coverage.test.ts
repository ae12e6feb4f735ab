import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { findingsSchema, footFindingsSchema } from '../domain/findings';
import { findingItems } from './findingItems';

/** Recorded items the sensory-test writer handles itself (sites, raw answers, methods). */
const sensoryTests = ['monofilament', 'touchTest', 'vibration'];

/** Every leaf path of a zod object schema (objects are walked; anything else is a leaf). */
function leafPaths(schema: z.ZodType, prefix: string[] = []): string[][] {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodObject) {
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
  }
  return [prefix];
}

describe('every recorded item has a FHIR mapping', () => {
  it('each field of a foot is written by the findings table or the sensory-test writer', () => {
    const covered = new Set(findingItems.filter((i) => i.scope === 'foot').flatMap((i) => [i.path.join('.'), ...(i.notePath ? [i.notePath.join('.')] : [])]));
    const missing = leafPaths(footFindingsSchema)
      .filter((p) => !sensoryTests.includes(p[0] ?? ''))
      .map((p) => p.join('.'))
      .filter((p) => !covered.has(p));
    // A new field (e.g. waveforms, toe pressure) fails here until it has a row in findingItems.ts.
    expect(missing, 'foot fields without a row in shared/fhir/findingItems.ts').toEqual([]);
  });

  it('each exam-level field is written by the findings table', () => {
    const covered = new Set(findingItems.filter((i) => i.scope === 'exam').flatMap((i) => [i.path.join('.'), ...(i.notePath ? [i.notePath.join('.')] : [])]));
    const missing = leafPaths(findingsSchema)
      .filter((p) => p[0] !== 'feet' && p[0] !== 'schemaVersion')
      .map((p) => p.join('.'))
      .filter((p) => !covered.has(p));
    expect(missing, 'exam fields without a row in shared/fhir/findingItems.ts').toEqual([]);
  });
});
