import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changed } from '#shared/clinical/fixtures/findingsBuilders';
import { long, reportInput, vignetteFindings } from '#shared/report/fixtures/reportInputs';
import type { ReportInput } from '#shared/report/reportInput';
import { reportDocument } from '#shared/report/reportPack';
import { naturalName } from '#shared/report/reportText';
import { displayName } from '#shared/domain/patient';
import { renderPdfChecked } from '../../pdf/renderPdf';
import { drawnGlyphs } from '../../testing/pdfGlyphs';
import { asDrawn, pdfFonts, pdfTextAsDrawn } from '../../testing/poppler';
import { scriptSamples } from '../../testing/scriptSamples';
import { tempDir } from '../../testing/testApp';

/**
 * Names and free text in every script the clinics see print with real glyphs in the clinician
 * report, the patient copy and the referral letter (headers and footers included), and read back
 * from the PDF's text layer (pdftotext) as they should look: no .notdef box drawn, no character
 * left without a font, the script's font embedded, and every sentence's words in the order the
 * Unicode bidi algorithm puts them, spaces included (`pdfTextAsDrawn` against `asDrawn`; plain
 * pdftotext guesses the reading order of a mixed line and misplaces a space next to a
 * right-to-left word, so it cannot check that).
 */

const dir = tempDir('report-scripts-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
async function render(input: ReportInput): Promise<{ text: string; bytes: Buffer; missing: string[]; file: string }> {
  const { bytes, missing } = await renderPdfChecked(reportDocument(input, { parts: ['clinician', 'patient', 'referral'], largePrint: false }));
  const file = path.join(dir, `scripts-${++counter}.pdf`);
  fs.writeFileSync(file, bytes);
  return { text: pdfTextAsDrawn(file), bytes, missing, file };
}

/** V14 (all three parts) with an active ulcer whose site the nurse described in `note`. */
function withUlcerNote(note: string): ReturnType<typeof vignetteFindings> {
  return changed(vignetteFindings('V14'), (f) => {
    f.feet.right.skin = { ...f.feet.right.skin, activeUlcer: true, ulcerSites: [note] };
  });
}

describe.each(scriptSamples.map((s) => [s.script, s] as const))('%s', (script, sample) => {
  it('the name and free text print in all three documents and read back in order', async () => {
    const input = reportInput(withUlcerNote(sample.note), {
      patient: { familyName: sample.family, givenNames: sample.given },
      exam: { version: 2, amendmentReason: sample.note },
      clinicName: sample.clinic,
    });
    const { text, bytes, missing, file } = await render(input);

    expect(missing, `${script}: characters without a font`).toEqual([]);
    expect(drawnGlyphs(bytes).notdef, `${script}: .notdef glyphs drawn`).toBe(0);
    expect(pdfFonts(file).map((f) => f.name).join(' ')).toContain(sample.font);

    const count = (what: string): number => text.split(asDrawn(what)).length - 1;
    expect(count(`Patient ${displayName(input.patient)}`), 'clinician report and referral letter, patient details').toBe(2);
    expect(text).toContain(asDrawn(`For ${naturalName(input.patient)}, born 3 July 1956.`)); // patient copy
    expect(text).toContain(asDrawn(`I screened the feet of ${naturalName(input.patient)} on 25 November 2026`)); // referral letter
    expect(text).toContain(asDrawn(`an amendment: ${sample.note}`)); // clinician report, signature line
    expect(text).toContain(asDrawn(`active ulcer at ${sample.note}.`)); // referral letter
    expect(count(sample.clinic), 'clinic name at the top of each part and in the letter').toBeGreaterThanOrEqual(3);
    const pages = count('Generated 25 November 2026');
    expect(count(`${displayName(input.patient)} · born 3 July 1956 · MRN-1001`), 'footer of every page').toBe(pages);
  });

  it('a long name wraps and still reads back whole and in order', async () => {
    const family = long(`${sample.family} `, 60);
    const given = long(`${sample.given} `, 60);
    const input = reportInput(vignetteFindings('V14'), { patient: { familyName: family, givenNames: given } });
    const { text, bytes, missing } = await render(input);
    expect(missing).toEqual([]);
    expect(drawnGlyphs(bytes).notdef).toBe(0);
    // Wrapped lines are laid out one by one, so a sentence that wraps is compared word by word:
    // every word of the name, its letters in reading order, as often as the pages print it.
    const words = new Set(`${family} ${given}`.split(' '));
    for (const word of words) expect(text.split(asDrawn(word)).length - 1, word).toBeGreaterThanOrEqual(3);
  });
});

describe('mixed right-to-left and left-to-right text', () => {
  it('keeps the spaces around an Arabic name in an English sentence', async () => {
    const input = reportInput(vignetteFindings('V14'), { patient: { familyName: 'Al-Hashimi', givenNames: 'محمد علي' } });
    const { text } = await render(input);
    // As drawn, left to right: the Arabic words turned round, a space on each side of them.
    expect(text).toContain('For يلع دمحم Al-Hashimi, born 3 July 1956.');
    expect(asDrawn('For محمد علي Al-Hashimi, born 3 July 1956.')).toBe('For يلع دمحم Al-Hashimi, born 3 July 1956.');
    expect(text).toContain(asDrawn('I screened the feet of محمد علي Al-Hashimi on 25 November 2026'));
    expect(text).toContain(asDrawn('AL-HASHIMI, محمد علي'));
  });
});

describe('reproducible whatever was printed before', () => {
  it('a Persian name gives the same bytes before and after an Arabic one (shared glyphs, own characters)', async () => {
    const persian = reportInput(vignetteFindings('V14'), { patient: { familyName: 'رضایی', givenNames: 'یاسمین' } });
    const arabic = reportInput(vignetteFindings('V14'), { patient: { familyName: 'علي', givenNames: 'يوسف' } });
    const first = await render(persian);
    await render(arabic);
    const again = await render(persian);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    // Farsi yeh (U+06CC), not the Arabic yeh (U+064A) that shares its joined glyphs.
    expect(again.text).toContain(asDrawn('For یاسمین رضایی, born'));
  });
});

describe('the missing-glyph checks can fail', () => {
  it('report a character no report font has (Thai) and the .notdef drawn for it', async () => {
    const { bytes, missing } = await renderPdfChecked({ content: [{ text: 'Somchai สมชาย' }] });
    expect(missing).toEqual(['ส', 'ม', 'ช', 'า', 'ย']);
    expect(drawnGlyphs(bytes).notdef).toBe(5);
  });
});
