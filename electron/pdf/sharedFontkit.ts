import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Fontkit from 'fontkit';
import { rendererPrototype, type PdfkitDocument, type RendererInstance } from './pdfmakeRenderer';
import { reportFontFamilies, type FontFace } from './reportFonts';

/**
 * PDFKit opens each font anew for every document: it reads the file and fontkit decodes its tables
 * (character map, shaping rules, the CFF outlines of the 19 MB CJK collection) again, which made
 * one report with a Chinese name take about a second. Here each face is read and decoded once per
 * process and shared by every document (a decoded font is only read from; each document still
 * makes its own subset) and by the font coverage check. The shaping of each piece of text
 * (fontkit's `layout`, the costliest part of laying out a report) is remembered per face too:
 * PDFKit keeps such a cache only for the length of one document.
 *
 * How PDFKit gets the shared font: pdfmake is given, for each face, a name in its virtual file
 * system whose content is a small handle (bytes that name the face) instead of the font file.
 * PDFKit passes those bytes to fontkit's `create`, which asks each registered font format whether
 * it recognises them; the format registered here recognises the handles and returns the decoded
 * face. fontkit is published as ESM and CommonJS;
 * PDFKit requires the CommonJS one, so that is the one resolved here (the way PDFKit resolves it)
 * and registered with.
 */

type Font = Fontkit.Font;

const handlePrefix = 'FootScreeningFontHandle:';

export class SharedFonts {
  private readonly fontkit: typeof Fontkit;
  private readonly decoded = new Map<string, Font>();

  constructor(private readonly dir: string) {
    const here = createRequire(path.join(dir, 'resolve-from-here.js'));
    const pdfkit = createRequire(here.resolve('pdfmake')).resolve('pdfkit');
    this.fontkit = createRequire(pdfkit)('fontkit') as typeof Fontkit;
    const decodedByKey = (key: string): Font => this.decodedByKey(key);
    // fontkit calls `new format(stream)` for the first format whose `probe` accepts the bytes; a
    // constructor may return another object, here the face already decoded.
    class SharedFontHandle {
      static probe(buffer: Uint8Array): boolean {
        return Buffer.from(buffer.buffer, buffer.byteOffset, Math.min(buffer.byteLength, handlePrefix.length)).toString('latin1') === handlePrefix;
      }

      constructor(stream: { buffer: Uint8Array }) {
        const key = Buffer.from(stream.buffer).toString('latin1').slice(handlePrefix.length);
        return decodedByKey(key);
      }
    }
    (this.fontkit as unknown as { registerFormat(format: unknown): void }).registerFormat(SharedFontHandle);
  }

  /** The face's handle: the bytes pdfmake's virtual file system holds for it. */
  handle(face: FontFace): Buffer {
    return Buffer.from(`${handlePrefix}${face.file}#${face.face ?? ''}`, 'latin1');
  }

  /**
   * The face's name in pdfmake's virtual file system: the font file's own path (a face of a
   * collection adds "#face"). pdfmake's SVG renderer asks PDFKit for the diagram's fonts by that
   * name without looking in the virtual file system, so PDFKit reads the file itself there (and
   * then uses the face already in the document: the same font).
   */
  fileName(face: FontFace): string {
    const file = path.join(this.dir, face.file);
    return face.face ? `${file}#${face.face}` : file;
  }

  /** The face, read and decoded on first use. */
  font(face: FontFace): Font {
    return this.decodedByKey(`${face.file}#${face.face ?? ''}`);
  }

  private decodedByKey(key: string): Font {
    let font = this.decoded.get(key);
    if (!font) {
      const [file = '', face = ''] = key.split('#');
      const made = this.fontkit.create(fs.readFileSync(path.join(this.dir, path.basename(file))), face || undefined);
      if (!('hasGlyphForCodePoint' in made)) throw new Error(`${file}: expected one font face`);
      font = rememberShaping(ownCodePoints(made));
      this.decoded.set(key, font);
    }
    return font;
  }
}

let diagramFonts: SharedFonts | null = null;

/**
 * pdfmake's SVG renderer asks PDFKit for the diagram's fonts by file name, without pdfmake's
 * virtual file system: each document registers those names with PDFKit as the handles, so the
 * diagram's text uses the decoded faces too instead of reading and decoding the files again.
 */
export function shareFontsWithDiagrams(fonts: SharedFonts): void {
  const installed = diagramFonts !== null;
  diagramFonts = fonts;
  if (installed) return;
  const proto = rendererPrototype();
  const renderSVG = proto.renderSVG;
  const registered = new WeakSet<PdfkitDocument>();
  const faces = reportFontFamilies.flatMap((f) => [f.regular, f.bold, f.italics, f.boldItalics]);
  proto.renderSVG = function (this: RendererInstance, svg: unknown): unknown {
    const doc = this.pdfDocument;
    const shared = diagramFonts;
    if (shared && !registered.has(doc)) {
      registered.add(doc);
      for (const face of faces) doc.registerFont(shared.fileName(face), shared.handle(face));
    }
    return renderSVG.call(this, svg);
  };
}

/**
 * fontkit keeps one glyph object per glyph id, with the characters it was first made for. Where
 * several characters share a glyph (Arabic yeh and Farsi yeh in their joined forms), the text
 * layer would then carry whichever came first in the process, and the same document would not
 * give the same bytes after another was printed. Each glyph handed out for a shaped text gets its
 * own characters (the shared glyph, with its outline and metrics, underneath), so the text layer
 * depends on the document alone, as when PDFKit opened each font per document.
 */
function ownCodePoints(font: Font): Font {
  const getGlyph = font.getGlyph.bind(font);
  const withOwn = (id: number, codePoints: number[] = []): Fontkit.Glyph => {
    const glyph = getGlyph(id);
    return codePoints.length === 0 ? glyph : (Object.create(glyph, { codePoints: { value: codePoints, enumerable: true } }) as Fontkit.Glyph);
  };
  Object.defineProperty(font, 'getGlyph', { value: withOwn, configurable: true, writable: true });
  return font;
}

/** Pieces of text whose shaping a face remembers; past this the memory starts again. */
const shapedLimit = 20_000;

type GlyphRun = ReturnType<Font['layout']>;

/**
 * Wraps a face's `layout` so that shaping the same text with the same features again gives the
 * glyphs computed before. PDFKit scales the positions of the run it gets in place, so every caller
 * gets its own copy of the positions; the glyphs (only read) are shared.
 */
function rememberShaping(font: Font): Font {
  const layout = font.layout.bind(font);
  const shaped = new Map<string, GlyphRun>();
  const remembering = (text: string, features?: unknown, ...rest: unknown[]): GlyphRun => {
    if (typeof text !== 'string' || rest.some((r) => r !== undefined)) return (layout as (...args: unknown[]) => GlyphRun)(text, features, ...rest);
    const key = features === undefined ? `|${text}` : `${JSON.stringify(features)}|${text}`;
    let run = shaped.get(key);
    if (!run) {
      if (shaped.size >= shapedLimit) shaped.clear();
      run = (layout as (...args: unknown[]) => GlyphRun)(text, features);
      shaped.set(key, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run) as object) as GlyphRun;
    Object.assign(copy, run, { positions: run.positions.map((p) => ({ ...p })) });
    return copy;
  };
  Object.defineProperty(font, 'layout', { value: remembering, configurable: true, writable: true });
  return font;
}
