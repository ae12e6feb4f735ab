import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pageMargins } from '#shared/report/reportLayout';
import { availableReportParts } from '#shared/report/reportParts';
import { layoutCases } from '../../testing/reportCases';
import { layoutProblems, pdfPageCount, pdfPagesToPng, pdfWords, type Word } from '../../testing/poppler';
import { tempDir } from '../../testing/testApp';
import { renderReportFiles } from './renderReportFiles';

/**
 * The layout holds with long names, many warnings, an absent foot, a declined exam, every finding
 * abnormal and large print: every page of each case renders to PNG with pdftoppm (the
 * file is valid), and no word sits outside the margins, in the footer band or on another word.
 */

const dir = tempDir('report-layout-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// pdfmake margins are [left, top, right, bottom].
const [left, top, right, bottom] = pageMargins;
const a4 = { width: 595.28, height: 841.89 };
const box = { left, right: a4.width - right, bodyBottom: a4.height - bottom, footerTop: a4.height - bottom + 10 };
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe.each(layoutCases().map((c) => [c.name, c] as const))('layout case %s', (name, layoutCase) => {
  it('every page renders to PNG and nothing overlaps or runs off the page', async () => {
    const parts = availableReportParts(layoutCase.input.exam).filter((p) => p.available).map((p) => p.part);
    const [file] = await renderReportFiles(layoutCase.input, { parts, largePrint: layoutCase.largePrint, combined: true });
    if (!file) throw new Error('nothing rendered');
    const pdf = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(pdf, file.bytes);

    const pages = pdfPageCount(pdf);
    const images = pdfPagesToPng(pdf, path.join(dir, name), 60);
    expect(images).toHaveLength(pages);
    for (const image of images) {
      const head = fs.readFileSync(image).subarray(0, 8);
      expect(head.equals(pngSignature), image).toBe(true);
    }

    const { pages: sizes, words } = pdfWords(pdf);
    expect(sizes.every((s) => Math.abs(s.width - a4.width) < 1 && Math.abs(s.height - a4.height) < 1)).toBe(true);
    expect(words.some((w) => w.yMin < top)).toBe(false);
    expect(layoutProblems(words, a4.height, box)).toEqual([]);
  });
});

describe('the layout check itself', () => {
  const word = (text: string, xMin: number, yMin: number, xMax: number, yMax: number): Word => ({ page: 1, text, xMin, yMin, xMax, yMax });
  it('reports words off the page, in the footer band and on top of each other', () => {
    const problems = layoutProblems(
      [word('fine', 50, 100, 80, 110), word('wide', 500, 120, 570, 130), word('low', 50, 785, 80, 795), word('one', 100, 200, 140, 210), word('two', 120, 201, 160, 211)],
      a4.height,
      box,
    );
    expect(problems).toEqual([
      'page 1: "wide" runs past the right margin (570.0)',
      'page 1: "low" runs into the footer band (795.0)',
      'page 1: "one" and "two" overlap',
    ]);
  });
});
