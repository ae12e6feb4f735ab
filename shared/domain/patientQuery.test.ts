import { describe, expect, it } from 'vitest';
import { describePatientQuery, parsePatientQuery } from './patientQuery';

describe('patient query', () => {
  const today = '2026-11-25';
  it('separates name fragments from a typed date of birth', () => {
    const q = parsePatientQuery('Smith 03/07/1956 an', 'dmy', today);
    expect(q.words).toEqual(['smith', 'an']);
    expect(q.dateOfBirth).toBe('1956-07-03');
    expect(describePatientQuery(q)).toBe('Patients with a name or identifier starting with “smith” and “an”, born 3 July 1956');
  });
  it('folds accents and punctuation the way patient words are stored', () => {
    expect(parsePatientQuery("Ó'Brien ŻAK", 'dmy', today).words).toEqual(['obrien', 'zak']);
  });
  it('uses at most four words and says so', () => {
    const q = parsePatientQuery('a b c d e', 'dmy', today);
    expect(q.words).toHaveLength(4);
    expect(describePatientQuery(q)).toMatch(/only the first 4 words/);
  });
});

describe('a national number typed in groups', () => {
  const today = '2026-11-25';
  it.each(['943 476 5919', '943-476-5919', '9434765919', '943\u00a0476\u00a05919', ' 943 – 476 – 5919 '])('reads %j as one number', (typed) => {
    expect(parsePatientQuery(typed, 'dmy', today).words).toEqual(['9434765919']);
  });
  it('keeps a date of birth apart from the number beside it', () => {
    const q = parsePatientQuery('1956-07-03 943 476 5919', 'dmy', today);
    expect(q.dateOfBirth).toBe('1956-07-03');
    expect(q.words).toEqual(['9434765919']);
  });
  it('joins only neighbouring groups: a name between them separates two numbers', () => {
    expect(parsePatientQuery('943 smith 476', 'dmy', today).words).toEqual(['943', 'smith', '476']);
  });
});
