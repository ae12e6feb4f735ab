/**
 * Folding for search: case- and accent-insensitive, so "zoe" finds "Zoë", "ozturk" finds
 * "Öztürk" and "lucja zak" finds "Łucja Żak". NFD splits most accented letters into a base
 * letter and combining marks; the letters below have no decomposition and are mapped by hand.
 */
const undecomposable: Readonly<Record<string, string>> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};

const combiningMarks = /[\u0300-\u036f]/g;

export function foldForSearch(text: string): string {
  const lower = text.normalize('NFD').replace(combiningMarks, '').toLowerCase();
  let out = '';
  for (const ch of lower) out += undecomposable[ch] ?? ch;
  return out;
}

const wordPunctuation = /[-'’.,/]+/g;

/**
 * One search key: folded, with punctuation inside the word removed, so `O'Brien`, `obrien` and
 * `o-brien` meet, and `DEMO-000123` is found by typing `demo000123` or `demo-000123`.
 */
export function searchKey(word: string): string {
  return foldForSearch(word).replace(wordPunctuation, '').trim();
}

/**
 * The words of a name or query: folded, split on spaces, hyphens, apostrophes and dots.
 * "O'Brien-Smith" gives `o`, `brien`, `smith` and also the joined forms `obrien` and
 * `obriensmith`, so a nurse typing the name without its punctuation still finds it.
 */
export function searchWords(text: string): string[] {
  const folded = foldForSearch(text).trim();
  if (folded === '') return [];
  const words = new Set<string>();
  for (const chunk of folded.split(/\s+/)) {
    const parts = chunk.split(/[-'’.,]+/).filter((p) => p !== '');
    for (const part of parts) words.add(part);
    if (parts.length > 1) words.add(parts.join(''));
  }
  return [...words];
}
