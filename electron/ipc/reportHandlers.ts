import type { User } from '#shared/domain/users';
import type { AppServices } from '../services/appServices';
import { ReportService } from '../services/reports/reportService';
import type { HandlerContext, Handlers } from './handlers';

function signedIn(c: HandlerContext): User {
  if (!c.user) throw new Error('dispatch let a signed-out call through');
  return c.user;
}

/**
 * The report pack's handlers (issue 6), spread into the handler table. The ReportService is built
 * here from the services the app already has, so AppServices does not change.
 */
export function createReportHandlers(services: AppServices): Pick<Handlers, 'listReportParts' | 'renderReport'> {
  const reports = new ReportService({
    db: services.db,
    clock: services.clock,
    exams: services.exams,
    patients: services.patients,
    settings: services.settings,
    files: services.files,
  });
  return {
    listReportParts: (r) => reports.listParts(r.examId),
    renderReport: (r, c) => reports.render(r, signedIn(c)),
  };
}
