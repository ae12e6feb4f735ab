import { describe, expect, it } from 'vitest';
import { assess } from '../clinical/assess';
import { readability } from '../text/readability';
import { plainText } from './fixtures/plainText';
import { changed } from '../clinical/fixtures/findingsBuilders';
import { everythingAbnormal, manyWarnings, reportInput, vignetteFindings } from './fixtures/reportInputs';
import { footCareAdvice, patientRisk, patientRiskProvisional } from './patientAdvice';
import { patientCopy } from './patientCopy';
import type { PdfStack } from './pdfTypes';

const vignetteIds = ['V01', 'V02', 'V03', 'V04', 'V05', 'V07', 'V10', 'V11', 'V13', 'V14', 'V17', 'V19', 'V21', 'V23', 'V27', 'V29', 'V31', 'V34', 'V36', 'V39', 'V41', 'V42', 'V43', 'V44', 'V45', 'V46', 'V47', 'V48'];

/** The patient copy's own words: without the clinic, the name and date line (not ours to simplify). */
function ownWords(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('For ') && line !== 'Riverside Diabetes Centre' && !line.startsWith('Call Riverside'))
    .join('\n');
}

describe('patient copy: plain language for a reading age of about 11', () => {
  it.each(vignetteIds)('%s reads at Flesch-Kincaid grade 6 or below (reading age 11)', (id) => {
    const text = ownWords(plainText(patientCopy(reportInput(vignetteFindings(id)), false)));
    const r = readability(text);
    expect(r.grade, `${id}: grade ${r.grade.toFixed(1)}, ${r.words} words\n${text}`).toBeLessThanOrEqual(6);
  });

  it('every finding abnormal still reads at grade 6 or below', () => {
    expect(readability(ownWords(plainText(patientCopy(reportInput(everythingAbnormal()), false)))).grade).toBeLessThanOrEqual(6);
  });

  it('says what was checked, what it means, the risk in words, when next due and when to get help', () => {
    const text = plainText(patientCopy(reportInput(vignetteFindings('V04')), false));
    expect(text).toContain('For Zoë Ní Bhriain, born 3 July 1956. Checked on 25 November 2026.');
    expect(text).toContain('What we found');
    expect(text).toContain('you could not feel the touch on some parts of your feet');
    expect(text).toContain('Moderate risk');
    // One next-check line: the foot team's date, not a second screening date beside it.
    expect(text).toContain('We are asking the foot team to see you by 20 January 2027. They will tell you when to come back.');
    expect(text).not.toContain('Your next foot check is due by');
    for (const sign of ['a new sore, cut or blister, or any break in the skin', 'a change of colour', 'swelling or heat in your foot', 'sudden numbness or weakness']) {
      expect(text).toContain(sign);
    }
  });

  it('advice matches the risk: more for moderate and high, keep weight off an active problem', () => {
    expect(patientRisk(assess(vignetteFindings('V01')))).toBe('low');
    expect(patientRisk(assess(vignetteFindings('V03')))).toBe('moderate');
    expect(patientRisk(assess(vignetteFindings('V14')))).toBe('high');
    expect(patientRisk(assess(vignetteFindings('V21')))).toBe('active');
    expect(patientRisk(assess(vignetteFindings('V27')))).toBe('undecided');
    expect(footCareAdvice('low').some((a) => a.includes('barefoot'))).toBe(false);
    expect(footCareAdvice('moderate').some((a) => a.includes('barefoot'))).toBe(true);
    expect(footCareAdvice('high').some((a) => a.includes('shoes or insoles the foot team gives you'))).toBe(true);
    expect(footCareAdvice('active')[0]).toBe('Keep weight off the bad foot as much as you can.');
  });

  it('an incomplete result says what is certain ("at least") and that checks are missing', () => {
    const findings = manyWarnings();
    const a = assess(findings);
    expect(a.iwgdf2023.category).toBe('incomplete');
    expect(patientRisk(a)).toBe('high');
    expect(patientRiskProvisional(a)).toBe(true);
    const text = plainText(patientCopy(reportInput(findings), false));
    expect(text).toContain('High risk');
    expect(text).toContain('We still need to finish some checks. Your risk may be higher.');
  });

  it('a red flag: the patient is told a doctor will be asked to see them', () => {
    const text = plainText(patientCopy(reportInput(vignetteFindings('V36')), false));
    expect(text).toContain('We are asking the foot team to see you by 20 January 2027. They will tell you when to come back. We are also asking a doctor to see you soon about the changes in the feeling or strength of your feet and legs.');
  });

  it('an incomplete result still says when the next check is due (decision 6)', () => {
    const text = plainText(patientCopy(reportInput(vignetteFindings('V27')), false));
    expect(text).toContain('Your next foot check is due by 25 February 2027.');
    expect(text).not.toContain('We will tell you when');
  });

  it('moderate risk: the patient is told the foot team will see them (decision 10)', () => {
    expect(plainText(patientCopy(reportInput(vignetteFindings('V03')), false))).toContain('We are asking the foot team to see you by 20 January 2027.');
  });

  describe('limb-threatening disease: the copy starts with when to go to the emergency department (decision 11)', () => {
    const gangrene = changed(vignetteFindings('V04'), (f) => (f.feet.left.skin = { ...f.feet.left.skin, gangrene: true }));

    it('first, in plain words, with the numbers the clinic gave', () => {
      const text = plainText(patientCopy(reportInput(gangrene, { contacts: { clinicPhone: '01632 960000', emergencyNumber: '999' } }), false));
      const emergency = text.indexOf('Go to the emergency department now, or call 999, if:');
      expect(emergency).toBeGreaterThan(-1);
      expect(emergency).toBeLessThan(text.indexOf('Your risk'));
      for (const sign of ['you have a fever or feel unwell', 'redness or swelling spreads', 'you see pus', 'your foot turns cold, pale or black']) {
        expect(text).toContain(sign);
      }
      expect(text).toContain('Call Riverside Diabetes Centre on 01632 960000 if you are not sure what to do.');
      expect(text).toContain('You need to see the foot care team today.');
    });

    it('without numbers it says who to call in words, never a blank line to fill in', () => {
      const text = plainText(patientCopy(reportInput(gangrene), false));
      expect(text).toContain('Go to the emergency department now, or call the emergency number, if:');
      expect(text).toContain('Call Riverside Diabetes Centre if you are not sure what to do.');
      expect(text).not.toMatch(/__|\.\.\.\./);
    });

    it('reads at grade 6 or below', () => {
      const text = ownWords(plainText(patientCopy(reportInput(gangrene, { contacts: { clinicPhone: '01632 960000', emergencyNumber: '999' } }), false)));
      expect(readability(text).grade).toBeLessThanOrEqual(6);
    });

    it('is not shown for a risk that is not active disease', () => {
      expect(plainText(patientCopy(reportInput(vignetteFindings('V14')), false))).not.toContain('emergency department');
    });
  });

  it('no patient copy has a blank line for a phone number', () => {
    for (const id of vignetteIds) {
      expect(plainText(patientCopy(reportInput(vignetteFindings(id)), false)), id).not.toMatch(/_{3,}/);
    }
  });

  it('large print sets the body in 16 pt (RNIB large print 16-18 pt) instead of 12 pt', () => {
    const input = reportInput(vignetteFindings('V01'));
    expect((patientCopy(input, false)[0] as PdfStack).fontSize).toBe(12);
    expect((patientCopy(input, true)[0] as PdfStack).fontSize).toBe(16);
  });

  it('a declined exam says so, without findings it does not have', () => {
    const findings = vignetteFindings('V01');
    findings.examStatus = 'declined';
    const text = plainText(patientCopy(reportInput(findings), false));
    expect(text).toContain('You chose not to have your feet checked today.');
    expect(text).not.toContain('Feeling:');
  });
});
