import { footDiagramInput } from '../clinical/footDiagramInput';
import { sides } from '../domain/findings';
import type { PdfContent } from './pdfTypes';
import { diagramKey, printDiagramSvg, printDiagramWidth } from './printDiagram';
import type { ReportableExam } from './reportInput';

/**
 * The diagram of both feet in the reports: the print drawing (printDiagram.ts, from the screen's
 * geometry and marker shapes) with its key. Shapes and inner marks, not colour, tell felt, not
 * felt, not tested and not recorded apart, so it reads in black and white.
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

/** The drawing(s), 240 pt wide, and the key; null when no foot was examined. */
export function footDiagrams(exam: ReportableExam): PdfContent | null {
  if (!anyFootExamined(exam)) return null;
  const tests = diagramTests(exam);
  const [first] = tests;
  if (!first) return null;
  return {
    stack: [
      ...tests.map((test): PdfContent => ({ svg: printDiagramSvg(exam, test), width: printDiagramWidth, margin: [0, 0, 0, 2] })),
      diagramKey(footDiagramInput(exam.assessment, first).protocol),
    ],
    width: printDiagramWidth,
  };
}
