import { inflateSync } from 'node:zlib';

/**
 * What a PDF draws, read from its bytes rather than through a PDF library: the glyphs shown by
 * the page content streams. Report fonts are embedded as Type 0 fonts with Identity-H encoding,
 * so each glyph is four hex digits in a TJ string, and glyph 0 is the font's .notdef, the empty
 * box a reader sees where the font has no glyph for a character (the text layer then gets no
 * character at all). Test support only.
 */

/** The decoded content of every stream in the file (Flate streams inflated, others as they are). */
function streams(pdf: Buffer): string[] {
  const out: string[] = [];
  const text = pdf.toString('latin1');
  const start = /stream\r?\n/g;
  for (let m = start.exec(text); m !== null; m = start.exec(text)) {
    const dict = text.slice(Math.max(0, m.index - 300), m.index);
    const length = /\/Length (\d+)/.exec(dict.slice(dict.lastIndexOf('<<')));
    if (!length) continue;
    const from = m.index + m[0].length;
    const raw = pdf.subarray(from, from + Number(length[1]));
    try {
      out.push((/\/FlateDecode/.test(dict.slice(dict.lastIndexOf('<<'))) ? inflateSync(raw) : raw).toString('latin1'));
    } catch {
      // Not a stream this check can read (none in the reports); skip it.
    }
    start.lastIndex = from + raw.length;
  }
  return out;
}

/** How many glyphs the pages draw, and how many of them are .notdef (glyph 0). */
export function drawnGlyphs(pdf: Buffer): { glyphs: number; notdef: number } {
  let glyphs = 0;
  let notdef = 0;
  for (const content of streams(pdf)) {
    const shows = /\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g;
    for (let m = shows.exec(content); m !== null; m = shows.exec(content)) {
      for (const hex of (m[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
        for (let i = 0; i + 4 <= (hex[1] ?? '').length; i += 4) {
          glyphs++;
          if ((hex[1] ?? '').slice(i, i + 4) === '0000') notdef++;
        }
      }
    }
  }
  return { glyphs, notdef };
}
