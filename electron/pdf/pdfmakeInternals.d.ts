/**
 * pdfmake 0.3.11's line renderer (pdfmake is pinned), which `bidiLines.ts` extends; its published
 * types leave it out. Typed in bidiLines.ts, the one place it is used.
 */
declare module 'pdfmake/js/Renderer.js' {
  const renderer: unknown;
  export default renderer;
}
