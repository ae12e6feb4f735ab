import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteDefinition, siteProtocols } from '#shared/clinical/protocols';
import { sides } from '#shared/domain/findings';
import { reportInput, vignetteFindings } from '#shared/report/fixtures/reportInputs';
import { nextReview } from '#shared/report/nextReview';
import { referralDecision } from '#shared/report/referral';
import type { ReportInput } from '#shared/report/reportInput';
import { availableReportParts, type ReportPart } from '#shared/report/reportParts';
import { formatDate } from '#shared/report/reportText';
import { tempDir } from '../../testing/testApp';
import { pdfFonts, pdfPageCount, pdfText } from '../../testing/poppler';
import { renderReportFiles } from './renderReportFiles';

/**
 * The PDFs as a reader gets them: text extracted with pdftotext from real renders of the
 * vignettes, asserting the patient, every site result, categories, reasons, next review date,
 * the referral letter only when warranted, page numbers, fonts and reproducibility.
 */

const dir = tempDir('report-pdf-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const vignetteIds = ['V01', 'V02', 'V03', 'V04', 'V05', 'V07', 'V10', 'V11', 'V13', 'V14', 'V17', 'V19', 'V21', 'V23', 'V27', 'V29', 'V31', 'V34', 'V36', 'V39'];

let counter = 0;
async function render(input: ReportInput, parts: ReportPart[], options: { largePrint?: boolean } = {}): Promise<{ file: string; bytes: Buffer }> {
  const [rendered] = await renderReportFiles(input, { parts, largePrint: options.largePrint ?? false, combined: true });
  if (!rendered) throw new Error('nothing rendered');
  const file = path.join(dir, `report-${++counter}.pdf`);
  fs.writeFileSync(file, rendered.bytes);
  return { file, bytes: rendered.bytes };
}

describe.each(vignetteIds)('vignette %s: clinician report (and referral when warranted), read back with pdftotext', (id) => {
  it('prints the patient, every site result, categories with reasons, next review, page numbers', async () => {
    const input = reportInput(vignetteFindings(id));
    const a = input.exam.assessment;
    const parts = availableReportParts(input.exam).filter((p) => p.available).map((p) => p.part);
    const { file } = await render(input, parts);
    const text = pdfText(file, { layout: true });
    // Words broken after a hyphen at a line end are joined again.
    const flat = pdfText(file).replace(/\s+/g, ' ').replace(/(\w)- (\w)/g, '$1-$2');
    const pages = pdfPageCount(file);

    expect(text).toContain('NÍ BHRIAIN, Zoë');
    expect(text).toContain('3 July 1956 (70 years at examination)');
    expect(text).toContain('Riverside Diabetes Centre');
    expect(text).toMatch(/Examined on\s+25 November 2026/);

    // Every site of the diagram's protocol, per foot, as the engine decided it (the table sits
    // beside the diagram, so a label may wrap: read the words in order, not one layout line).
    const protocol = sides.some((s) => a.perFoot[s].monofilament.protocol === '10-site') ? '10-site' : 'iwgdf-3';
    if (input.exam.protocol !== 'ipswich') {
      for (const key of siteProtocols[protocol].defaultSiteKeys) {
        const def = siteDefinition(protocol, key);
        if (!def) throw new Error(key);
        expect(flat, `${id} ${key}`).toContain(`(${def.shortLabel})`);
        for (const side of sides) {
          const foot = a.perFoot[side];
          if (foot.role !== 'examined') continue;
          const site = foot.monofilament.sites.find((s) => s.key === key);
          const value = site ? (site.explanation.split(' (')[0] ?? '').split(':')[0] ?? '' : 'Not recorded';
          expect(flat, `${id} ${side} ${key}`).toContain(value);
        }
      }
    }

    // Both categories, with every reason.
    expect(flat).toContain(`IWGDF 2023: ${a.iwgdf2023.label}`);
    expect(flat).toContain(`NICE NG19: ${a.nice.label}`);
    for (const because of [...a.iwgdf2023.because, ...a.nice.because]) expect(flat).toContain(because.reason.replace(/(\w)- (\w)/g, '$1-$2'));

    const review = nextReview(a, input.exam.examinedOn);
    if (review.kind === 'date') expect(flat).toContain(`By ${formatDate(review.date)}`);
    else expect(flat).toContain(review.text);

    const warranted = referralDecision(a, input.exam.examinedOn).warranted;
    expect(flat.includes('Referral: diabetic foot'), `${id}: referral letter printed`).toBe(warranted);
    expect(flat).toContain('Your foot check');
    // Each part numbers its own pages: one "Page 1 of" per part.
    expect(flat.split('Page 1 of ').length - 1).toBe(parts.length);
    expect(pages).toBeGreaterThanOrEqual(parts.length);
    expect(flat).toContain('Generated 25 November 2026, 15:45 GMT');
  });
});

describe('report PDFs', () => {
  it('an absent foot, a declined exam and an amendment say so', async () => {
    const absent = pdfText((await render(reportInput(vignetteFindings('V17')), ['clinician'])).file).replace(/\s+/g, ' ');
    expect(absent).toContain('ABSENT (amputation');
    const declinedFindings = vignetteFindings('V01');
    declinedFindings.examStatus = 'declined';
    declinedFindings.examStatusReason = 'No time today';
    const declined = pdfText((await render(reportInput(declinedFindings), ['clinician', 'patient'])).file).replace(/\s+/g, ' ');
    expect(declined).toContain('Not examined: The patient declined the foot examination: No time today.');
    expect(declined).toContain('No foot was examined, so there is no diagram of site results.');
    expect(declined).toContain('You chose not to have your feet checked today.');
    const amended = pdfText(
      (await render(reportInput(vignetteFindings('V04'), { exam: { version: 2, amendmentReason: 'Left heel re-tested' } }), ['clinician'])).file,
    ).replace(/\s+/g, ' ');
    expect(amended).toContain('Amended: This is version 2, an amendment (its reason is given with the signature).');
    expect(amended).toContain('Version 2, an amendment: Left heel re-tested');
  });

  it.each([
    ['Zoë', 'Ní Bhriain'],
    ['Jürgen', 'Öztürk'],
    ['Łucja', 'Żak'],
  ])('prints %s %s exactly, with the fonts embedded', async (given, family) => {
    const { file } = await render(reportInput(vignetteFindings('V14'), { patient: { givenNames: given, familyName: family } }), ['clinician', 'patient', 'referral']);
    const text = pdfText(file);
    expect(text).toContain(`${family.toUpperCase()}, ${given}`);
    expect(text).toContain(`For ${given} ${family}, born 3 July 1956`);
    expect(text).toContain(`I screened the feet of ${given} ${family}`);
    const fonts = pdfFonts(file);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.embedded && f.unicode && f.name.includes('NotoSans'))).toBe(true);
  });

  it('large print: bigger type, the risk and the help box still on page 1', async () => {
    const input = reportInput(vignetteFindings('V14'));
    const large = (await render(input, ['patient'], { largePrint: true })).file;
    const page1 = pdfText(large, { first: 1, last: 1 });
    expect(page1).toContain('Your risk: High risk');
    expect(page1).toContain('Get help the same day');
  });

  it('regenerating with the same generation time gives the same bytes; another time changes only the footer', async () => {
    const input = reportInput(vignetteFindings('V36'));
    const parts: ReportPart[] = ['clinician', 'patient', 'referral'];
    const first = await render(input, parts);
    const again = await render(structuredClone(input), parts);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const later = await render({ ...input, generatedAt: '2027-03-01T08:00:00.000Z' }, parts);
    // The same words apart from the footer's time (pdftotext may read side-by-side columns in another order).
    const strip = (t: string): string => t.replace(/Generated [^\n]*/g, '').split(/\s+/).sort().join(' ');
    expect(strip(pdfText(later.file))).toBe(strip(pdfText(first.file)));
    expect(pdfText(later.file)).toContain('Generated 1 March 2027, 08:00 GMT');
  });
});
