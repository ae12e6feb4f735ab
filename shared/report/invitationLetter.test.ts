import { describe, expect, it } from 'vitest';
import { readability } from '../text/readability';
import { plainText } from './fixtures/plainText';
import { invitationLetters, letterParagraphs, lettersFileName, type LetterBatch, type LetterInput } from './invitationLetter';
import type { PdfStack } from './pdfTypes';

const zoe: LetterInput = { patient: { familyName: 'Ní Bhriain', givenNames: 'Zoë', clinicIdentifier: 'MRN-1001' }, lastExaminedOn: '2025-03-12', dueOn: '2026-03-12' };
const batch = (letters: LetterInput[], bookingText = 'Phone 01632 960000, Monday to Friday, 9 to 5'): LetterBatch => ({
  letters,
  clinicName: 'Riverside Diabetes Centre',
  bookingText,
  letterDate: '2026-11-25',
  generatedAt: '2026-11-25T10:00:00.000Z',
});

describe('invitation letters', () => {
  it('say when the last check was and when the next was due, in plain words', () => {
    const [when, , , booking] = letterParagraphs(zoe, batch([zoe]));
    expect(when).toBe('Your last foot check with us was on 12 March 2025. Your next check was due on 12 March 2026, so it is now time to book it.');
    expect(booking).toBe('To book, phone 01632 960000, Monday to Friday, 9 to 5.');
    expect(letterParagraphs({ ...zoe, dueOn: '2026-12-20' }, batch([zoe]))[0]).toContain('Your next check is due on 20 December 2026. Please book it now.');
    expect(letterParagraphs({ ...zoe, lastExaminedOn: null, dueOn: null }, batch([zoe]))[0]).toBe(
      'We would like to invite you for a diabetes foot check. We do not have a record of one with us yet.',
    );
    expect(letterParagraphs(zoe, batch([zoe], ''))[3]).toBe('To book, please phone or visit the clinic.');
  });

  it.each([
    ['overdue', zoe],
    ['due soon', { ...zoe, dueOn: '2026-12-20' }],
    ['never screened', { ...zoe, lastExaminedOn: null, dueOn: null }],
  ])('read at Flesch-Kincaid grade 6 or below (%s)', (_what, letter) => {
    // The printed words, without the lines that are names, dates and numbers rather than prose.
    const printed = plainText(invitationLetters(batch([letter])).content)
      .split('\n')
      .filter((line) => !/^(Riverside|Zoë|25 November|Our reference)/.test(line))
      .join('\n');
    expect(printed).toContain('Foot problem now?');
    const r = readability(printed);
    expect(r.grade, `grade ${r.grade.toFixed(1)}\n${printed}`).toBeLessThanOrEqual(6);
  });

  it('put every letter on its own page, addressed by name, with the reference and no medical detail', () => {
    const other: LetterInput = { patient: { familyName: 'Żak', givenNames: 'Łucja', clinicIdentifier: 'Z-1' }, lastExaminedOn: null, dueOn: null };
    const doc = invitationLetters(batch([zoe, other]));
    expect(doc.content).toHaveLength(2);
    const [first, second] = doc.content as PdfStack[];
    expect(first?.pageBreak).toBeUndefined();
    expect(second?.pageBreak).toBe('before');
    const words = plainText(doc.content);
    for (const expected of ['Dear Zoë Ní Bhriain,', 'Dear Łucja Żak,', 'Our reference: MRN-1001', '25 November 2026', 'Riverside Diabetes Centre']) expect(words).toContain(expected);
    for (const never of ['risk', 'category', 'NICE', 'IWGDF', 'neuropathy']) expect(words).not.toContain(never);
    expect(doc.info.creationDate.toISOString()).toBe('2026-11-25T10:00:00.000Z');
    expect(lettersFileName(batch([zoe, other]))).toBe('Invitation letters - 2026-11-25 - 2 patients.pdf');
    expect(lettersFileName(batch([zoe]))).toBe('Invitation letters - 2026-11-25 - 1 patient.pdf');
  });
});
