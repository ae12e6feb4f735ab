import type { interopOperations } from '#shared/ipc/interopOperations';
import { fail, ok } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function interopHandlers({ registerImport, fhirExport, sources, jobs }: AppServices): HandlersOf<typeof interopOperations> {
  return {
    chooseRegisterFile: (_r, c) => sources.choose('register', c.clientKey),
    runRegisterImport: (r, c) => {
      const file = sources.resolve(r.ref, c.clientKey);
      if (file === null) return fail('not_found', 'The chosen file is no longer available; choose it again.');
      const { ref: _ref, jobId, fileName, ...options } = r;
      return jobs.run(c.clientKey, jobId, (job) => registerImport.runJob(c.clientKey, jobId, file, fileName, options, c.actor, job));
    },
    cancelRegisterImport: (r, c) => ok({ cancelled: registerImport.cancel(c.clientKey, r.jobId) }),
    getLastRegisterImport: () => ok(registerImport.lastImport()),
    undoRegisterImport: (r, c) => registerImport.undo(r.batchId, c.actor),
    exportScreeningFhir: (r, c) => fhirExport.exportScreening(r.examId, c.actor),
  };
}
