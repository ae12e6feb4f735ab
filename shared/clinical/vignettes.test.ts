import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseFindings } from '../domain/findings';
import { assess } from './assess';
import { assessmentSchema } from './assessment';

/**
 * Every worked case gives exactly its expected result: the 20 cases of the first version of the
 * app's conventions (fixtures/vignettes.json) and the 8 cases of revision 2
 * (fixtures/vignettes-revision2.json, V41-V48), which must all hold together.
 */

interface Vignette {
  id: string;
  title: string;
  findings: unknown;
  expected: { lops: boolean | 'unknown'; pad: boolean | 'unknown'; iwgdf2023: number | string; nice: string; redFlag: boolean };
}

function load(file: string): Vignette[] {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url)), 'utf8')) as Vignette[];
}

const first = load('vignettes.json');
const revision2 = load('vignettes-revision2.json');
const all = [...first, ...revision2];

describe('worked cases', () => {
  it('has the 20 worked cases of the first version and the 8 of revision 2, each id once', () => {
    expect(first.length).toBe(20);
    expect(revision2.map((v) => v.id)).toEqual(['V41', 'V42', 'V43', 'V44', 'V45', 'V46', 'V47', 'V48']);
    expect(new Set(all.map((v) => v.id)).size).toBe(28);
  });

  it.each(all.map((v) => [`${v.id}: ${v.title}`, v] as const))('%s', (_name, vignette) => {
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

describe('revision 2 cases: the explanation names the decision and the warnings are given', () => {
  const byId = (id: string) => {
    const v = all.find((x) => x.id === id);
    const parsed = v ? parseFindings(v.findings) : null;
    if (!parsed?.ok) throw new Error(`no valid vignette ${id}`);
    return assess(parsed.value);
  };
  const warnings = (id: string): string[] => byId(id).warnings.map((w) => w.id);

  it('V41: ABI above 1.3 asks for a TBI or waveforms (decision 4)', () => {
    const a = byId('V41');
    expect(a.perFoot.right.pad?.reason).toContain('decision 4');
    expect(warnings('V41')).toContain('abi-non-compressible');
  });

  it('V42: rest pain with palpable pulses warns of an urgent vascular assessment (decision 7)', () => {
    expect(warnings('V42')).toEqual(expect.arrayContaining(['rest-pain-palpable-pulses', 'claudication-without-index']));
    expect(byId('V42').perFoot.left.pad?.reason).toContain('decision 7');
  });

  it('V43: the absent foot counts as a major amputation, with the consistency warning (decision 1)', () => {
    const a = byId('V43');
    expect(a.riskFactors.find((f) => f.id === 'previousAmputation')?.reason).toContain('decision 1');
    expect(warnings('V43')).toContain('absent-foot-without-amputation-history');
  });

  it('V44: 1 of 6 toes insensate asks for the monofilament on that foot (decision 2)', () => {
    const a = byId('V44');
    expect(a.perFoot.right.lops?.reason).toContain('decision 2');
    expect(a.iwgdf2023.toSettle[0]?.findings).toContain('feet.right.monofilament');
  });

  it('V45 and V46: an absent waveform and a low toe pressure are PAD (decision 9)', () => {
    expect(byId('V45').iwgdf2023.conventionsApplied.map((c) => c.id)).toContain('C9');
    expect(warnings('V46')).toContain('toe-pressure-low');
  });

  it('V47: IWGDF 0 with the history warning; V48: undecided, what to record listed (decision 5)', () => {
    expect(warnings('V47')).toContain('history-without-lops-or-pad');
    const a = byId('V48');
    expect(a.iwgdf2023.possibleCategories).toEqual([0, 3]);
    expect(a.iwgdf2023.conventionsApplied.map((c) => c.id)).toContain('C5');
    expect(a.iwgdf2023.toSettle.map((t) => t.fact)).toEqual(['pad']);
  });
});
