import type { ReportFileNaming } from '#shared/domain/settings';
import type { ReportInput } from '#shared/report/reportInput';
import { reportFiles, type ReportOptions } from '#shared/report/reportPack';
import type { ReportPart } from '#shared/report/reportParts';
import { renderReportPdf } from '../../pdf/reportPdf';

export interface RenderedReport {
  parts: ReportPart[];
  fileName: string;
  bytes: Buffer;
}

/**
 * Builds the definitions (shared/report) and renders each to PDF bytes: one file with every part,
 * or one per part. Shared by the ReportService and `npm run report`, so both print the same.
 */
export async function renderReportFiles(input: ReportInput, options: ReportOptions & { combined: boolean; naming?: ReportFileNaming }): Promise<RenderedReport[]> {
  const files = reportFiles(input, options);
  const rendered: RenderedReport[] = [];
  // One at a time: pdfmake's Node entry is a singleton, and a clinic prints one pack at a time.
  for (const file of files) rendered.push({ parts: file.parts, fileName: file.fileName, bytes: await renderReportPdf(file.definition) });
  return rendered;
}
