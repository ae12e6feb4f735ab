import type { exportOperations } from '#shared/ipc/exportOperations';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function exportHandlers({ csvExport, jobs }: AppServices): HandlersOf<typeof exportOperations> {
  return {
    exportCsv: (r, c) => jobs.run(c.clientKey, r.jobId, (job) => csvExport.export(r, c.actor, job)),
  };
}
