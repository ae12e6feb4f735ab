import { describe, expect, it } from 'vitest';
import { scriptSamples } from '../testing/scriptSamples';
import { visualOrder } from './bidiLines';
import { defaultFontFamily, findFontDir, fontFamily, FontCoverage, type ReportFontFamily } from './reportFonts';
import { ScriptRunSplitter, type Run } from './scriptRuns';
import { SharedFonts } from './sharedFontkit';

/**
 * The run splitting on its own, with the real fonts: every character of every run is covered by
 * the font the run is given (the check that no .notdef can be drawn), the CJK face follows the
 * text, and right-to-left text gets bidi levels; then the per-line reordering rules.
 */

const fonts = new SharedFonts(findFontDir());
const coverage = new FontCoverage((face) => fonts.font(face));
const splitter = new ScriptRunSplitter(coverage);

function runs(text: string): Run[] {
  const result = splitter.paragraph([text]);
  expect(result.missing).toEqual([]);
  return result.runs ?? [{ text }];
}

function familyOf(run: Run): ReportFontFamily {
  const family = fontFamily(typeof run.font === 'string' ? run.font : defaultFontFamily);
  if (!family) throw new Error(String(run.font));
  return family;
}

describe('script runs', () => {
  it.each(scriptSamples.map((s) => [s.script, s] as const))('%s: each character is covered by the font of its run', (_, sample) => {
    for (const text of [`For ${sample.given} ${sample.family}, born 3 July 1956.`, sample.note, sample.clinic]) {
      for (const run of runs(text)) {
        for (const ch of run.text) {
          if (/[\u200c\u200d]/u.test(ch)) continue; // joiners: shaping controls, not drawn
          expect(coverage.covers(familyOf(run), ch.codePointAt(0) ?? 0), `${sample.script}: "${ch}" in ${familyOf(run).family}`).toBe(true);
        }
      }
    }
  });

  it('leaves Latin text as it is, and names the font only where it changes', () => {
    expect(splitter.paragraph(['Zoë Ní Bhriain, Łucja Żak']).runs).toBeNull();
    expect(runs('Ivanova Юлия').map((r) => r.font)).toEqual([undefined]);
    expect(runs('For 王小明, born').map((r) => [r.text, r.font])).toEqual([
      ['For ', undefined],
      // Punctuation and spaces stay in the font of what they follow.
      ['王小明, ', 'NotoSansCJKsc'],
      ['born', undefined],
    ]);
  });

  it('picks the Japanese face for Han next to kana and the Korean one next to Hangul', () => {
    expect(runs('山田 はなこ').map((r) => r.font)).toEqual(['NotoSansCJKjp']);
    expect(runs('金 민준').map((r) => r.font)).toEqual(['NotoSansCJKkr']);
    expect(runs('山田').map((r) => r.font)).toEqual(['NotoSansCJKsc']);
  });

  it('gives right-to-left runs odd levels, spaces their own runs, and an all-Arabic paragraph a right-to-left base', () => {
    const mixed = runs('For محمد علي Smith');
    expect(mixed.map((r) => [r.text, r._bidiLevel])).toEqual([
      ['For', 0],
      [' ', 0],
      ['محمد', 1],
      [' ', 1],
      ['علي', 1],
      [' ', 0],
      ['Smith', 0],
    ]);
    expect(mixed.every((r) => r._bidiBase === 0)).toBe(true);
    const arabic = runs('ألم منذ 3 أسابيع');
    expect(arabic.every((r) => r._bidiBase === 1)).toBe(true);
    expect(arabic.find((r) => r.text === '3')?._bidiLevel).toBe(2);
  });

  it('drops the isolate marks and lets an isolated name keep its own direction', () => {
    const isolated = runs('\u2068محمد 12\u2069 born');
    expect(isolated.map((r) => r.text).join('')).toBe('محمد 12 born');
    expect(isolated.find((r) => r.text === '12')?._bidiLevel).toBe(2);
  });

  it('marks Indic runs for ActualText, without their spaces', () => {
    const deva = runs('किरण शर्मा');
    expect(deva.map((r) => [r.text, r._actualText])).toEqual([
      ['किरण', true],
      [' ', undefined],
      ['शर्मा', true],
    ]);
  });
});

describe('visual order of a line (rules L1 and L2)', () => {
  it('turns right-to-left runs round, nested levels twice, and sends a trailing space to the paragraph level', () => {
    expect(visualOrder([0, 1, 1, 1, 0], ['For ', 'a', ' ', 'b', ' x'], 0)).toEqual([0, 3, 2, 1, 4]);
    expect(visualOrder([1, 1, 2, 2, 1], ['a', ' ', '1', '2', 'b'], 1)).toEqual([4, 2, 3, 1, 0]);
    expect(visualOrder([0, 1, 1], ['x ', 'a', ' '], 0)).toEqual([0, 1, 2]);
    expect(visualOrder([1, 1, 1], ['a', ' ', 'b'], 1)).toEqual([2, 1, 0]);
  });
});
