import { footDiagramInput } from '../clinical/footDiagramInput';
import { footDiagramSvg } from '../clinical/footDiagramSvg';
import { sides } from '../domain/findings';
import type { PdfContent } from './pdfTypes';
import type { ReportableExam } from './reportInput';

/**
 * The diagram of both feet, drawn by the same function and from the same data as the screen's
 * (shared/clinical/footDiagramSvg with footDiagramInput), with its legend: shapes and inner marks,
 * not colour, tell felt, not felt, not tested and not recorded apart, so it reads in black and white.
 */

export type DiagramTest = 'monofilament' | 'ipswich';

/** The sensory tests that have something to draw: the exam's protocol, plus any other test recorded. */
export function diagramTests(exam: ReportableExam): DiagramTest[] {
  const feet = sides.map((s) => exam.assessment.perFoot[s]);
  const tests: DiagramTest[] = [];
  if (exam.protocol !== 'ipswich' || feet.some((f) => f.monofilament.sites.length > 0)) tests.push('monofilament');
  if (exam.protocol === 'ipswich' || feet.some((f) => f.touchTest.sites.length > 0)) tests.push('ipswich');
  return tests;
}

/** Whether any foot was examined (otherwise there is nothing on the feet to draw). */
export function anyFootExamined(exam: ReportableExam): boolean {
  return sides.some((s) => exam.assessment.perFoot[s].role === 'examined');
}

/** The diagram(s) at `width` points, or null when no foot was examined. */
export function footDiagrams(exam: ReportableExam, width: number): PdfContent | null {
  if (!anyFootExamined(exam)) return null;
  const tests = diagramTests(exam);
  return {
    stack: tests.map((test) => ({
      svg: footDiagramSvg({ ...footDiagramInput(exam.assessment, test), width }),
      width,
      margin: [0, 0, 0, 4],
    })),
  };
}
