import { createHash } from 'node:crypto';
import path from 'node:path';
import type pdfmakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { loadOnce } from '#shared/async/loadOnce';
import { installBidiLines } from './bidiLines';
import { loadPdfmakeRenderer } from './pdfmakeRenderer';
import { PrintableDocument } from './printableDocument';
import { defaultFontFamily, findFontDir, FontCoverage, pdfmakeFonts, reportFontFamilies } from './reportFonts';
import { shareFontsWithDiagrams, SharedFonts } from './sharedFontkit';
import type { ScriptRunSplitter } from './scriptRuns';

/**
 * Turns a pdfmake document definition (built as plain data in shared/report, naming no fonts)
 * into PDF bytes. Every text run gets a Noto font that has its glyphs and right-to-left text is
 * put in visual order (`printableDocument.ts`, `bidiLines.ts`), so names and notes in any of the
 * scripts in `reportFonts.ts` print and read back from the text layer. PDFKit embeds subsets.
 *
 * The same definition gives the same bytes: the metadata dates come from the definition (the
 * generation time its caller passes), and the file identifier is a hash of the file's content
 * rather than of its metadata, so two documents made at the same moment still differ in it.
 * pdfmake 0.3's Node entry is a singleton: fonts and access policies are set once. It is loaded
 * with the first report, not when the app starts (PDFKit and its fonts' tables take a good part
 * of a second to load on an old PC, before anything else could be served).
 */

export const reportFontFamily = defaultFontFamily;

export { findFontDir } from './reportFonts';

interface Configured {
  pdfmake: typeof pdfmakeModule;
  dir: string;
  splitter: ScriptRunSplitter;
}

/**
 * Sets pdfmake's fonts and policies and extends its line renderer, once per process. A failure
 * (fonts missing) is not kept: the next report tries again.
 */
export const configurePdfmake: () => Promise<Configured> = loadOnce(configure);

async function configure(): Promise<Configured> {
  const pdfmake = (await import('pdfmake')).default;
  await loadPdfmakeRenderer();
  const dir = findFontDir();
  const fonts = new SharedFonts(dir);
  for (const family of reportFontFamilies) {
    for (const face of [family.regular, family.bold, family.italics, family.boldItalics]) pdfmake.virtualfs.writeFileSync(fonts.fileName(face), fonts.handle(face));
  }
  pdfmake.setFonts(pdfmakeFonts((face) => fonts.fileName(face)));
  // Reports never fetch anything: no URLs, and local files only from the font folder.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(dir));
  installBidiLines();
  shareFontsWithDiagrams(fonts);
  // Imported here, with the first report, so bidi-js is not compiled at every start of the app.
  const { ScriptRunSplitter } = await import('./scriptRuns');
  return { pdfmake, dir, splitter: new ScriptRunSplitter(new FontCoverage((face) => fonts.font(face))) };
}

/** The definition with fonts and bidi levels on its runs, and the characters no report font covers so far. */
export async function printableDefinition(definition: TDocumentDefinitions): Promise<{ definition: TDocumentDefinitions; missing: Set<string> }> {
  const printable = new PrintableDocument((await configurePdfmake()).splitter);
  const made = printable.definition({ ...definition, defaultStyle: { font: defaultFontFamily, ...definition.defaultStyle } });
  return { definition: made, missing: printable.missing };
}

/**
 * Renders one document definition to PDF bytes, with `missing`: the characters that printed as
 * an empty box because no report font has them (header and footer included).
 */
export async function renderPdfChecked(definition: TDocumentDefinitions): Promise<{ bytes: Buffer; missing: string[] }> {
  const printable = await printableDefinition(definition);
  const { pdfmake } = await configurePdfmake();
  const bytes = (await pdfmake.createPdf(printable.definition).getBuffer()) as Buffer;
  return { bytes: withContentId(bytes), missing: [...printable.missing] };
}

/** Renders one document definition to PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return (await renderPdfChecked(definition)).bytes;
}

/**
 * PDFKit derives the trailer's file identifier from the metadata alone; this replaces it (same
 * length, so no offset moves) with an MD5 of the file, as the PDF specification suggests.
 */
export function withContentId(bytes: Buffer): Buffer {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const m = /\/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]/i.exec(tail);
  if (!m) return bytes;
  const at = bytes.length - Buffer.byteLength(tail, 'latin1') + m.index;
  const out = Buffer.from(bytes);
  const blank = '0'.repeat(32);
  out.write(`/ID [<${blank}> <${blank}>]`, at, 'latin1');
  const id = createHash('md5').update(out).digest('hex');
  out.write(`/ID [<${id}> <${id}>]`, at, 'latin1');
  return out;
}
