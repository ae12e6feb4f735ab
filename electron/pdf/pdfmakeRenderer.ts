
/**
 * pdfmake 0.3.11's renderer (pdfmake is pinned): the one place every laid-out line and drawing
 * passes through before PDFKit draws it, extended by `bidiLines.ts` (line order, ActualText) and
 * `sharedFontkit.ts` (the diagram's fonts). Only what those use is typed.
 */

export interface PdfkitFont {
  unicode: number[][];
  toUnicodeCmap(): unknown;
}

export interface PdfkitDocument {
  text(...args: unknown[]): unknown;
  addContent(data: string): unknown;
  registerFont(name: string, src: Uint8Array): unknown;
}

export interface RendererInstance {
  pdfDocument: PdfkitDocument;
}

export interface RendererPrototype {
  renderLine(this: RendererInstance, line: unknown, x: number, y: number): unknown;
  renderSVG(this: RendererInstance, svg: unknown): unknown;
}

let rendererModule: unknown = null;

/** Loads pdfmake's renderer module (with the first report); `rendererPrototype` needs it loaded. */
export async function loadPdfmakeRenderer(): Promise<void> {
  rendererModule ??= await import('pdfmake/js/Renderer.js');
}

export function rendererPrototype(): RendererPrototype {
  if (rendererModule === null) throw new Error('pdfmake\'s renderer is not loaded yet (loadPdfmakeRenderer)');
  // The CommonJS module's `default`, whether this file is bundled (esbuild gives the class) or run
  // as ESM (Node gives module.exports, whose `default` is the class).
  let candidate: unknown = (rendererModule as { default?: unknown }).default;
  if (typeof candidate === 'object' && candidate !== null && 'default' in candidate) candidate = (candidate as { default: unknown }).default;
  const proto = typeof candidate === 'function' ? (candidate.prototype as Partial<Record<keyof RendererPrototype, unknown>>) : null;
  if (!proto || typeof proto.renderLine !== 'function' || typeof proto.renderSVG !== 'function') {
    throw new Error('pdfmake changed: Renderer.renderLine or renderSVG not found (electron/pdf is written for pdfmake 0.3.11).');
  }
  return proto as RendererPrototype;
}
