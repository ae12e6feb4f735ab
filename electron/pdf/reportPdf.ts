import type { PdfDocument } from '#shared/report/pdfTypes';
import { renderPdf } from './renderPdf';

/**
 * PDF bytes of a report definition from shared/report. shared/ declares its own subset of
 * pdfmake's types (it may not see pdfmake's, which pull in the DOM and Node); passing it here to
 * `renderPdf` is where the compiler proves that subset is a valid pdfmake document definition.
 */
export function renderReportPdf(definition: PdfDocument): Promise<Buffer> {
  return renderPdf(definition);
}
