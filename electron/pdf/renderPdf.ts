import fs from 'node:fs';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

/**
 * Turns a pdfmake document definition (built as plain data in shared/report) into PDF bytes,
 * with Noto Sans embedded from resources/fonts so every Latin, Greek and Cyrillic name prints
 * ("Zoë Ní Bhriain", "Jürgen Öztürk", "Łucja Żak"). pdfmake 0.3's Node entry is a singleton:
 * fonts and access policies are set once.
 */

export const reportFontFamily = 'NotoSans';

let configuredFontDir: string | null = null;

/** resources/fonts, found from the source tree, the bundle (out/…) or a packaged app. */
export function findFontDir(): string {
  const candidates: string[] = [];
  if (process.env.FOOT_SCREENING_FONTS) candidates.push(process.env.FOOT_SCREENING_FONTS);
  // Walk up from this file (CommonJS bundles: the Electron main) and from the entry script (the
  // ESM harness bundle, tsx CLIs). No import.meta: the CommonJS main bundle cannot carry it.
  const starts = [typeof __dirname === 'string' ? __dirname : null, process.argv[1] ? path.dirname(path.resolve(process.argv[1])) : null];
  for (const start of starts) {
    if (start === null) continue;
    for (let dir = start, i = 0; i < 6; i++, dir = path.dirname(dir)) candidates.push(path.join(dir, 'resources', 'fonts'));
  }
  candidates.push(path.resolve('resources', 'fonts'));
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, 'NotoSans-Regular.ttf')));
  if (!found) throw new Error('The report fonts (resources/fonts/NotoSans-*.ttf) were not found.');
  return found;
}

function configure(): void {
  if (configuredFontDir !== null) return;
  const dir = findFontDir();
  pdfmake.setFonts({
    [reportFontFamily]: {
      normal: path.join(dir, 'NotoSans-Regular.ttf'),
      bold: path.join(dir, 'NotoSans-Bold.ttf'),
      italics: path.join(dir, 'NotoSans-Italic.ttf'),
      bolditalics: path.join(dir, 'NotoSans-BoldItalic.ttf'),
    },
  });
  // Reports never fetch anything: no URLs, and local files only from the font folder.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file: string) => path.resolve(file).startsWith(dir));
  configuredFontDir = dir;
}

/** Renders one document definition to PDF bytes. */
export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  configure();
  const doc = pdfmake.createPdf({ ...definition, defaultStyle: { font: reportFontFamily, ...definition.defaultStyle } });
  return (await doc.getBuffer()) as Buffer;
}
