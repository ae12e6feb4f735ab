import { describe, expect, it, vi } from 'vitest';
import { plainText } from './fixtures/plainText';
import { reportInput, signedExam, vignetteFindings } from './fixtures/reportInputs';
import type { PdfSection, PdfStack, PdfText } from './pdfTypes';
import { footerFor } from './reportHeader';
import { reportableExam } from './reportInput';
import { checkParts, reportDocument, reportFileName, reportFiles } from './reportPack';
import { availableReportParts } from './reportParts';

describe('report pack definitions', () => {
  it('only signed (or replaced) exams have reports', () => {
    const findings = vignetteFindings('V01');
    expect(reportableExam(signedExam(findings, { state: 'draft', assessment: null, signedAt: null })).ok).toBe(false);
    expect(reportableExam(signedExam(findings, { state: 'discarded' })).ok).toBe(false);
    expect(reportableExam(signedExam(findings)).ok).toBe(true);
    expect(reportableExam(signedExam(findings, { state: 'superseded' })).ok).toBe(true);
  });

  it('lists the referral letter only when warranted, with the reason either way', () => {
    const low = availableReportParts(reportInput(vignetteFindings('V01')).exam);
    expect(low.map((p) => [p.part, p.available])).toEqual([
      ['clinician', true],
      ['patient', true],
      ['referral', false],
    ]);
    expect(low[2]?.reason).toMatch(/^Not needed: no category requires a referral/);
    const high = availableReportParts(reportInput(vignetteFindings('V14')).exam);
    expect(high[2]).toMatchObject({ available: true, label: 'Referral letter' });
    expect(high[2]?.reason).toContain('First assessment within 2-4 weeks (by 23 December 2026)');
  });

  it('refuses an unwarranted referral letter without a chosen service and reason, and an empty choice; orders the parts', () => {
    const input = reportInput(vignetteFindings('V01'));
    expect(checkParts(input, ['referral'])).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(checkParts({ ...input, referral: { destination: null, reason: 'Thick nails she cannot cut' } }, ['referral'])).toEqual({ ok: true, value: ['referral'] });
    expect(checkParts(input, [])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(checkParts(reportInput(vignetteFindings('V14')), ['referral', 'clinician'])).toEqual({ ok: true, value: ['clinician', 'referral'] });
  });

  it('one document with every part (each a section from a new page), or one per part, named by identifier and date', () => {
    const input = reportInput(vignetteFindings('V14'));
    const [pack] = reportFiles(input, { parts: ['patient', 'clinician', 'referral'], largePrint: false, combined: true });
    expect(pack?.fileName).toBe('Foot screening report - MRN-1001 - 2026-11-25.pdf');
    expect(pack?.definition.content.every((c) => typeof c === 'object' && 'section' in c)).toBe(true);
    expect(pack?.definition.content).toHaveLength(3);
    const separate = reportFiles(input, { parts: ['clinician', 'patient', 'referral'], largePrint: false, combined: false });
    expect(separate.map((f) => f.fileName)).toEqual([
      'Clinician report - MRN-1001 - 2026-11-25.pdf',
      'Patient copy - MRN-1001 - 2026-11-25.pdf',
      'Referral letter - MRN-1001 - 2026-11-25.pdf',
    ]);
    expect(reportFileName(input, ['patient'])).toBe('Patient copy - MRN-1001 - 2026-11-25.pdf');
  });

  it('takes every date from the exam and the given generation time, never the clock', () => {
    const input = reportInput(vignetteFindings('V14'));
    const a = reportDocument(input, { parts: ['clinician', 'patient', 'referral'], largePrint: false });
    const b = reportDocument(input, { parts: ['clinician', 'patient', 'referral'], largePrint: false });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.info.creationDate.toISOString()).toBe(input.generatedAt);
    expect(a.info.modDate.toISOString()).toBe(input.generatedAt);
    // With the clock set years ahead, nothing from the clock reaches the document.
    vi.useFakeTimers({ now: new Date('2031-05-05T12:00:00Z') });
    try {
      const later = reportDocument(input, { parts: ['clinician', 'patient', 'referral'], largePrint: false });
      expect(JSON.stringify(later)).toBe(JSON.stringify(a));
      const section = later.content[0] as PdfSection;
      const text = `${plainText(later.content)}\n${plainText(section.footer?.(1, 1) ?? '')}`;
      expect(text).toContain('25 November 2026');
      expect(text).not.toContain('2031');
    } finally {
      vi.useRealTimers();
    }
  });

  it('footer: who, when generated (in the clinic time zone), Page x of y', () => {
    const footer = plainText(footerFor(reportInput(vignetteFindings('V01')))(1, 3));
    expect(footer).toBe('NÍ BHRIAIN, Zoë · born 3 July 1956 · MRN-1001\nGenerated 25 November 2026, 15:45 GMT\nPage 1 of 3');
    const summer = footerFor({ ...reportInput(vignetteFindings('V01')), generatedAt: '2026-07-01T09:05:00.000Z' });
    expect(plainText(summer(2, 2))).toContain('Generated 1 July 2026, 10:05 BST');
  });

  it('the clinician report leads with the clinic, the patient, then the feet, the result and the next review date', () => {
    const doc = reportDocument(reportInput(vignetteFindings('V04')), { parts: ['clinician'], largePrint: false });
    const first = ((doc.content[0] as PdfSection).section[0] as PdfStack).stack;
    expect(plainText(first[0] ?? '')).toBe('Riverside Diabetes Centre\nDiabetic foot screening: clinician report');
    const text = plainText(doc.content);
    expect(text).toContain('By 25 February 2027');
    expect(text).toContain('Category 1 (low risk)');
    expect(text).toContain('Moderate risk');
    expect((first[1] as { table: { body: PdfText[][] } }).table.body[0]?.[1]).toEqual({ text: 'NÍ BHRIAIN, Zoë', bold: true });
  });
});
