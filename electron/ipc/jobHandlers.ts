import type { jobOperations } from '#shared/ipc/jobOperations';
import { ok } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function jobHandlers({ jobs }: AppServices): HandlersOf<typeof jobOperations> {
  return {
    getJobProgress: (r, c) => ok(jobs.get(c.clientKey, r.jobId)),
  };
}
