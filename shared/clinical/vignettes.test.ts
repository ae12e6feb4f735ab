import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFindings } from '../domain/findings';
import { assess } from './assess';
import { assessmentSchema } from './assessment';

/** Every worked case of fixtures/vignettes.json gives exactly its expected result. */

interface Vignette {
  id: string;
  title: string;
  findings: unknown;
  expected: { lops: boolean | 'unknown'; pad: boolean | 'unknown'; iwgdf2023: number | string; nice: string; redFlag: boolean };
}

const fixturePath = fileURLToPath(new URL('./fixtures/vignettes.json', import.meta.url));
const vignettes = JSON.parse(readFileSync(fixturePath, 'utf8')) as Vignette[];

describe('vignettes', () => {
  it('has the 20 worked cases', () => {
    expect(vignettes.length).toBe(20);
  });

  it.each(vignettes.map((v) => [`${v.id}: ${v.title}`, v] as const))('%s', (_name, vignette) => {
    const parsed = parseFindings(vignette.findings);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const assessment = assess(parsed.value);
    expect({
      lops: assessment.lops,
      pad: assessment.pad,
      iwgdf2023: assessment.iwgdf2023.category,
      nice: assessment.nice.category,
      redFlag: assessment.redFlag,
    }).toEqual(vignette.expected);
    expect(assessmentSchema.safeParse(assessment).success).toBe(true);
    if (assessment.iwgdf2023.category !== 'incomplete') expect(assessment.iwgdf2023.because.length).toBeGreaterThan(0);
    if (assessment.nice.category !== 'incomplete') expect(assessment.nice.because.length).toBeGreaterThan(0);
  });
});
