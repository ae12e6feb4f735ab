import type { patientOperations } from '#shared/ipc/patientOperations';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function patientHandlers({ patients }: AppServices): HandlersOf<typeof patientOperations> {
  return {
    searchPatients: (r) => patients.search(r),
    getPatient: (r) => patients.get(r.id),
    createPatient: (r, c) => patients.create(r.patient, c.actor),
    updatePatient: (r, c) => patients.update(r.id, r.expectedUpdatedAt, r.patient, c.actor),
    archivePatient: (r, c) => patients.archive(r.id, c.actor),
    restorePatient: (r, c) => patients.restore(r.id, c.actor),
  };
}
