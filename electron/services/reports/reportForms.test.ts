import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changed, normalFindings } from '#shared/clinical/fixtures/findingsBuilders';
import type { ReferralDestination } from '#shared/domain/settings';
import { everythingAbnormal, reportInput, vignetteFindings } from '#shared/report/fixtures/reportInputs';
import { addressWindow, invitationLetters } from '#shared/report/invitationLetter';
import { reportFileName } from '#shared/report/reportPack';
import type { ReportInput } from '#shared/report/reportInput';
import type { ReportPart } from '#shared/report/reportParts';
import { renderReportPdf } from '../../pdf/reportPdf';
import { pdfPageCount, pdfText, pdfWords } from '../../testing/poppler';
import { tempDir } from '../../testing/testApp';
import { renderReportFiles } from './renderReportFiles';

/**
 * The reports as the screening form, letters and patient copy they replace: page counts of a
 * normal screen, no blank lines for handwriting, the new form items when recorded, the referral
 * letter a podiatrist can act on, the patient copy's wording for one foot and a foot not
 * checked, per-part page numbers, the window-envelope address and the file names. Read back from
 * real PDFs with pdftotext.
 */

const dir = tempDir('report-forms-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let counter = 0;
async function render(input: ReportInput, parts: ReportPart[], options: { largePrint?: boolean; combined?: boolean } = {}): Promise<string[]> {
  const files = await renderReportFiles(input, { parts, largePrint: options.largePrint ?? false, combined: options.combined ?? true });
  return files.map((f) => {
    const file = path.join(dir, `forms-${++counter}.pdf`);
    fs.writeFileSync(file, f.bytes);
    return file;
  });
}

async function one(input: ReportInput, parts: ReportPart[], options: { largePrint?: boolean } = {}): Promise<string> {
  const [file] = await render(input, parts, options);
  if (!file) throw new Error('nothing rendered');
  return file;
}

const flat = (file: string): string => pdfText(file).replace(/\s+/g, ' ');
const contacts = { clinicPhone: '01632 960000', emergencyNumber: '999' };

describe('a normal screen', () => {
  const input = (): ReportInput => reportInput(normalFindings(), { contacts });

  it('the clinician report is one page, the patient copy one page, in large print too', async () => {
    expect(pdfPageCount(await one(input(), ['clinician']))).toBe(1);
    expect(pdfPageCount(await one(input(), ['patient']))).toBe(1);
    expect(pdfPageCount(await one(input(), ['patient'], { largePrint: true }))).toBe(1);
  });

  it('the clinician report carries the form: header, both feet, history, results with reasons, action, review, referral, signature', async () => {
    const text = flat(await one(reportInput(normalFindings(), { exam: { signedByName: 'Nina Nurse' } }), ['clinician']));
    for (const part of ['NÍ BHRIAIN, Zoë', 'MRN-1001', 'Examined on 25 November 2026', 'Right foot Left foot', 'Dorsalis pedis pulse', 'ABI', 'TBI', 'History and symptoms']) {
      expect(text).toContain(part);
    }
    expect(text).toMatch(/IWGDF 2023: Category 0 \(very low risk\) No LOPS/);
    expect(text).toMatch(/NICE NG19: Low risk No risk factor/);
    expect(text).toContain('Action Screen once a year.');
    expect(text).toContain('Next review By 25 November 2027');
    expect(text).toContain('Referral Not warranted');
    expect(text).toContain('Signed electronically by Nina Nurse on 25 November 2026, 10:20 GMT.');
    // Developer references and empty score tables are gone from the page.
    expect(text).not.toContain('docs/clinical-rules');
    expect(text).not.toContain('Not calculated');
    expect(text).not.toContain('Other causes to consider');
  });

  it('the examiner prints with role and registration number; the details appendix only when asked', async () => {
    const base = reportInput(vignetteFindings('V14'), { contacts });
    const withExaminer = { ...base, examiner: { name: 'Nina Nurse', role: 'Nurse', registrationNumber: '12A3456E' } };
    const plain = await one(withExaminer, ['clinician']);
    expect(flat(plain)).toContain('Nina Nurse, Nurse, registration 12A3456E');
    expect(pdfPageCount(plain)).toBe(1);
    const details = flat(await one({ ...withExaminer, details: true }, ['clinician']));
    expect(details).toContain('Details of the assessment');
    expect(details).toContain('Rule sets: IWGDF-2023');
  });
});

describe('no blank lines for handwriting', () => {
  it.each([
    ['normal', () => reportInput(normalFindings())],
    ['all abnormal', () => reportInput(everythingAbnormal())],
    ['high risk', () => reportInput(vignetteFindings('V14'))],
  ])('%s: no run of underscores or dots to write on, no "____" phone number', async (_name, make) => {
    const text = pdfText(await one(make(), ['clinician', 'patient', 'referral']));
    expect(text).not.toMatch(/_{3,}|\.{6,}|…{2,}/);
  });
});

describe('the optional form items print when recorded', () => {
  it('nails, colour, warmth, oedema, maceration, pre-ulcerative lesion, ulcer description, history, footwear, self-care and outcome', async () => {
    const findings = changed(vignetteFindings('V14'), (f) => {
      f.feet.left = {
        ...f.feet.left,
        nails: { thickened: true, fungal: true },
        colour: 'red',
        warmth: 'warm',
        oedema: true,
        skin: { ...f.feet.left.skin, interdigitalMaceration: true, preUlcerativeLesion: true, ulcerDescription: 'Shallow 1 cm ulcer under the 1st metatarsal head, clean base' },
      };
      f.history = { ...f.history, previousUlcerSide: 'left', previousUlcerDate: '2019-05', smoking: 'current', underVascularClinic: false };
      f.footwear = { assessment: 'inappropriate', note: 'Slip-on slippers worn outdoors' };
      f.selfCare = { ability: 'needs_help', canCutOwnNails: false, impairedVision: true };
      f.outcome = { actionTaken: 'Dressing applied; podiatry booked', educationVerbal: true, leafletGiven: true, comment: 'Daughter helps with foot checks' };
    });
    const text = flat(await one(reportInput(findings), ['clinician']));
    for (const part of [
      'Nails',
      'Thickened, fungal',
      'Colour',
      'Red',
      'Warmer than the other foot',
      'Oedema',
      'Toe-web maceration',
      'Pre-ulcerative lesion',
      'Shallow 1 cm ulcer under the 1st metatarsal head, clean base',
      'Yes (left, 2019-05)',
      'Current smoker',
      'Under a vascular clinic',
      'Inappropriate: Slip-on slippers worn outdoors',
      'Needs help, cannot cut own nails, impaired vision',
      'Dressing applied; podiatry booked',
      'foot care advice given verbally; leaflet given.',
      'Daughter helps with foot checks',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('a signature under older rules whose category differs today says "under the current rules"', async () => {
    const input = reportInput(vignetteFindings('V14'));
    const old = structuredClone(input);
    old.exam.assessment.engineVersion = '1.0.0';
    old.exam.assessment.iwgdf2023 = { ...old.exam.assessment.iwgdf2023, category: 1, label: 'Category 1 (low risk)', ruleSetVersion: '1.0.0' };
    expect(flat(await one(old, ['clinician']))).toMatch(/under the current rules/i);
    expect(flat(await one(input, ['clinician']))).not.toMatch(/under the current rules/i);
  });
});

describe('referral letter a podiatrist can act on', () => {
  const destination: ReferralDestination = {
    id: 'fps-riverside',
    service: 'foot-protection',
    name: 'Podiatry: Foot Protection Team, Riverside Health Centre',
    address: 'Riverside Health Centre\nMill Lane\nExampleton EX1 2AB',
    phone: '01632 960111',
    email: 'fps@example.org',
  };
  const input = (overrides: Partial<ReportInput> = {}): ReportInput => {
    const findings = changed(vignetteFindings('V21'), (f) => {
      f.feet.right.skin = { ...f.feet.right.skin, ulcerDescription: 'Deep ulcer at the heel, 2 x 3 cm, sloughy base' };
    });
    return {
      ...reportInput(findings, {
        contacts,
        patient: {
          mobilePhone: '07700 900123',
          addressLine1: '12 Station Road',
          town: 'Exampleton',
          postcode: 'EX1 3CD',
          preferredLanguage: 'Polish',
          interpreterNeeded: true,
          gpPractice: 'Mill Lane Surgery',
          gpPracticeCode: 'B86001',
          relevantConditions: 'Retinopathy; CKD stage 3',
          medicines: 'Metformin 1 g twice daily; ramipril 5 mg',
        },
      }),
      examiner: { name: 'Nina Nurse', role: 'Nurse', registrationNumber: '12A3456E' },
      clinicAddress: 'Riverside Diabetes Centre\n1 Hospital Road\nExampleton EX1 1AA',
      referral: { destination, reason: 'Deep heel ulcer needs debridement' },
      ...overrides,
    };
  };

  it('names referrer, patient contacts, language and interpreter, GP, conditions, medicines, ulcer, one urgency line', async () => {
    const text = flat(await one(input(), ['referral']));
    for (const part of [
      'Podiatry: Foot Protection Team, Riverside Health Centre',
      'To (Foot protection service)',
      'Mill Lane',
      'Phone 01632 960111',
      'Nina Nurse, Nurse, registration 12A3456E',
      '1 Hospital Road',
      'Phone 01632 960000',
      '07700 900123',
      '12 Station Road',
      'EX1 3CD',
      'Polish',
      'Interpreter Needed',
      'Mill Lane Surgery (B86001)',
      'Retinopathy; CKD stage 3',
      'Metformin 1 g twice daily; ramipril 5 mg',
      'Deep ulcer at the heel, 2 x 3 cm, sloughy base',
      'Deep heel ulcer needs debridement',
    ]) {
      expect(text).toContain(part);
    }
    expect(text.match(/Urgency: /g)?.length).toBe(2);
    expect(text).not.toMatch(/urgently: immediately:|: [a-z]+: limb/);
  });

  it('lists each reason once', async () => {
    const text = pdfText(await one(input(), ['referral']));
    const section = text.slice(text.indexOf('Reason for referral'), text.indexOf('Key findings'));
    const reasons = section.split('\n').map((l) => l.trim()).filter((l) => l.length > 20);
    expect(new Set(reasons.map((r) => r.toLowerCase())).size).toBe(reasons.length);
  });

  it('an immediate referral reads as one clean phrase', async () => {
    const text = flat(await one({ ...reportInput(everythingAbnormal()), referral: undefined }, ['referral']));
    expect(text).toContain('Urgency: Immediately (limb-threatening)');
    expect(text).not.toContain('Immediately: limb-threatening');
  });
});

describe('patient copy wording', () => {
  it('one foot (the other absent): "your foot", never "your feet" for the findings', async () => {
    const text = flat(await one(reportInput(vignetteFindings('V17'), { contacts }), ['patient']));
    expect(text).toContain('We checked your left foot.');
    expect(text).not.toMatch(/on your feet|in your feet were/);
    expect(text).not.toContain('an operation on your foot');
  });

  it('a foot not checked: "Your left foot was not checked today."', async () => {
    const findings = changed(normalFindings(), (f) => {
      f.feet.left = { status: 'declined', statusReason: 'Patient declined the left foot' };
    });
    const text = flat(await one(reportInput(findings, { contacts }), ['patient']));
    expect(text).toContain('Your left foot was not checked today.');
    expect(text).toContain('your right foot');
    expect(text).not.toContain('your feet were');
  });

  it('one "next check" line, the clinic phone and, outside active disease, the emergency number', async () => {
    const text = flat(await one(reportInput(vignetteFindings('V14'), { contacts }), ['patient']));
    expect(text).toContain('We are asking the foot team to see you by 23 December 2026. They will tell you when to come back.');
    expect(text).not.toContain('Your next foot check is due by');
    expect(text).toContain('Call Riverside Diabetes Centre on 01632 960000');
    expect(text).toContain('call 999 now');
  });

  it('large print of a high risk: the risk and the help box are on page 1', async () => {
    const file = await one(reportInput(vignetteFindings('V14'), { contacts }), ['patient'], { largePrint: true });
    const page1 = pdfText(file, { first: 1, last: 1 });
    expect(page1).toContain('Your risk: High risk');
    expect(page1).toContain('Get help the same day if you see:');
  });
});

describe('pack page numbers', () => {
  it('each part numbers its own pages in a combined file', async () => {
    const file = await one(reportInput(everythingAbnormal(), { contacts }), ['clinician', 'patient', 'referral']);
    const pages = pdfPageCount(file);
    const footers = Array.from({ length: pages }, (_, i) => /Page (\d+) of (\d+)/.exec(pdfText(file, { first: i + 1, last: i + 1 }))?.slice(1).join('/'));
    // The clinician report (2 pages) is followed by a patient copy starting again at page 1.
    expect(footers[0]).toBe('1/2');
    expect(footers[1]).toBe('2/2');
    expect(footers[2]?.startsWith('1/')).toBe(true);
    expect(footers.filter((f) => f?.startsWith('1/')).length).toBe(3);
  });
});

describe('invitation letters for a window envelope', () => {
  it('print the name and postal address inside the DL window', async () => {
    const definition = invitationLetters({
      letters: [
        {
          patient: { title: 'Mrs', familyName: 'Ní Bhriain', givenNames: 'Zoë', clinicIdentifier: 'MRN-1001', addressLine1: '12 Station Road', addressLine2: 'Flat 3', town: 'Exampleton', postcode: 'EX1 3CD' },
          lastExaminedOn: '2025-03-12',
          dueOn: '2026-03-12',
        },
      ],
      clinicName: 'Riverside Diabetes Centre',
      bookingText: 'Phone 01632 960000',
      letterDate: '2026-11-25',
      generatedAt: '2026-11-25T10:00:00.000Z',
    });
    const file = path.join(dir, 'letters.pdf');
    fs.writeFileSync(file, await renderReportPdf(definition));
    const { words } = pdfWords(file);
    const inWindow = (w: { xMin: number; yMin: number; xMax: number; yMax: number }): boolean =>
      w.xMin >= addressWindow.x && w.xMax <= addressWindow.x + addressWindow.width && w.yMin >= addressWindow.y && w.yMax <= addressWindow.y + addressWindow.height;
    for (const text of ['Mrs', 'Station', 'Flat', 'Exampleton', 'EX1', '3CD']) {
      const word = words.find((w) => w.text === text);
      expect(word, text).toBeDefined();
      if (word) expect(inWindow(word), `${text} at ${word.xMin},${word.yMin}`).toBe(true);
    }
    // Nothing else in the window, and the letter itself starts below it.
    const others = words.filter((w) => inWindow(w) && !['Mrs', 'Zoë', 'Ní', 'Bhriain', '12', 'Station', 'Road', 'Flat', '3', 'Exampleton', 'EX1', '3CD'].includes(w.text));
    expect(others).toEqual([]);
    expect(pdfPageCount(file)).toBe(1);
  });
});

describe('file names', () => {
  it('identifier and date by default, never the name unless the clinic chose it', () => {
    const input = reportInput(normalFindings());
    expect(reportFileName(input, ['clinician'])).toBe('Clinician report - MRN-1001 - 2026-11-25.pdf');
    expect(reportFileName(input, ['clinician', 'patient'], 'date-identifier')).toBe('Foot screening report - 2026-11-25 - MRN-1001.pdf');
    expect(reportFileName(input, ['patient'], 'name-identifier-date')).toBe('Patient copy - NÍ BHRIAIN, Zoë - MRN-1001 - 2026-11-25.pdf');
    expect(reportFileName(reportInput(normalFindings(), { patient: { clinicIdentifier: 'A/B:1' } }), ['patient'])).toBe('Patient copy - A_B_1 - 2026-11-25.pdf');
  });
});
