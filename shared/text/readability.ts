/**
 * Flesch-Kincaid grade level of English text, used to check the patient copy's words:
 *   grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59
 * (Kincaid et al. 1975). A reading age of about 11 is grade 6 (reading age = grade + 5).
 * Syllables are counted by the usual vowel-group rule, which is close enough for short, plain
 * words; the result is a guide, not a measurement.
 */

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
}

export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  const trimmed = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

/** Sentences end at . ! ? : ; or a line break (list items and headings count as sentences). */
export function readability(text: string): Readability {
  const sentences = text.split(/[.!?;:]+(?=\s|$)|\n+/).filter((s) => /[A-Za-z]/.test(s));
  const words = text.match(/[A-Za-zÀ-ž'’-]+/g)?.filter((w) => /[A-Za-z]/.test(w)) ?? [];
  const syllableCount = words.reduce((sum, w) => sum + syllables(w), 0);
  const wordCount = words.length;
  const sentenceCount = Math.max(1, sentences.length);
  const grade = wordCount === 0 ? 0 : 0.39 * (wordCount / sentenceCount) + 11.8 * (syllableCount / wordCount) - 15.59;
  return { words: wordCount, sentences: sentenceCount, syllables: syllableCount, grade };
}
