import type { recallOperations } from '#shared/ipc/recallOperations';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function recallHandlers({ recall, letters, jobs }: AppServices): HandlersOf<typeof recallOperations> {
  return {
    getPatientRecall: (r) => recall.forPatient(r.patientId),
    recordContact: (r, c) => recall.recordContact(r, c.actor),
    listWorklist: (r) => recall.worklist(r),
    printInvitationLetters: (r, c) => jobs.run(c.clientKey, r.jobId, (job) => letters.print(r, c.actor, job)),
  };
}
