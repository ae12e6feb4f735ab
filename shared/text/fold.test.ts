import { describe, expect, it } from 'vitest';
import { foldForSearch, searchKey, searchWords } from './fold';

describe('search folding', () => {
  it('ignores case and accents, including letters without a decomposition', () => {
    expect(foldForSearch('Zoë Ní Bhriain')).toBe('zoe ni bhriain');
    expect(foldForSearch('Jürgen Öztürk')).toBe('jurgen ozturk');
    expect(foldForSearch('Łucja Żak')).toBe('lucja zak');
    expect(foldForSearch('Søren Ærø Straße')).toBe('soren aero strasse');
  });
  it('splits names into words and keeps joined forms of punctuated names', () => {
    expect(searchWords("O'Brien-Smith")).toEqual(expect.arrayContaining(['o', 'brien', 'smith', 'obriensmith']));
    expect(searchWords('  Mary   Ann ')).toEqual(['mary', 'ann']);
  });
  it('drops punctuation inside a search key', () => {
    expect(searchKey("O'Brien")).toBe('obrien');
    expect(searchKey('DEMO-000123')).toBe('demo000123');
  });
});
