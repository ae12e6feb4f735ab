import type { reportOperations } from '#shared/ipc/reportOperations';
import type { AppServices } from '../services/appServices';
import { signedIn, type HandlersOf } from './handlerContext';

export function reportHandlers({ reports }: AppServices): HandlersOf<typeof reportOperations> {
  return {
    listReportParts: (r) => reports.listParts(r.examId),
    renderReport: (r, c) => reports.render(r, signedIn(c)),
  };
}
