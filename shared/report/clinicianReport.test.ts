import { describe, expect, it } from 'vitest';
import { clinicianReport } from './clinicianReport';
import { plainText } from './fixtures/plainText';
import { reportInput, vignetteFindings } from './fixtures/reportInputs';
import { referralLetter } from './referralLetter';

/** The clinician report and the referral letter never contradict the action they print (decisions 6 and 10). */

const text = (id: string): string => plainText(clinicianReport(reportInput(vignetteFindings(id))));

function summaryRow(report: string, label: string): string {
  const lines = report.split('\n');
  return lines[lines.indexOf(label) + 1] ?? '';
}

describe('clinician report: follow-up', () => {
  it('NICE moderate: the summary says the referral is warranted, as the action asks', () => {
    const report = text('V03');
    expect(summaryRow(report, 'Action, referral')).toBe('Refer: Foot protection service (FPS) / podiatry, first assessment within 6-8 weeks, by 20 January 2027.');
    expect(report).not.toMatch(/not warranted/i);
  });

  it('an incomplete exam with confirmed LOPS has a review date and the referral, never "not set"', () => {
    const report = text('V27');
    expect(summaryRow(report, 'Next review')).toMatch(/^By 25 February 2027 \(the result is incomplete: until it is settled\)/);
    expect(report).not.toContain('Not set');
    expect(summaryRow(report, 'Action, referral')).toMatch(/^If the result settles on it, refer: Foot protection service/);
  });

  it('low risk: no referral, said plainly', () => {
    expect(summaryRow(text('V01'), 'Referral')).toBe('Not warranted: no category requires a referral and there is no red flag.');
  });

  it('a red flag: medical review by a GP or physician is listed beside the foot referral', () => {
    expect(text('V36')).toContain('Also prompt medical review of a red flag (GP or physician).');
  });

  it('a PAD "no" that is not firm says so (decision 5)', () => {
    const withDetails = plainText(clinicianReport({ ...reportInput(vignetteFindings('V48')), details: true }));
    expect(withDetails).toContain('Not ruled out firmly (decision 5): Right foot: PAD ruled out by the pulses alone');
  });
});

describe('referral letter', () => {
  it('names an abnormal waveform and a low toe pressure among the key findings', () => {
    expect(plainText(referralLetter(reportInput(vignetteFindings('V45'))))).toContain('Right foot: posterior tibial Doppler waveform absent (PAD).');
    expect(plainText(referralLetter(reportInput(vignetteFindings('V46'))))).toContain('toe pressure 20 mmHg: PAD (below 30)');
  });

  it('an offered (provisional) referral says the screening is not decided yet', () => {
    expect(plainText(referralLetter(reportInput(vignetteFindings('V41'))))).toContain('Not decided yet: the screening is incomplete');
  });
});
