import type { OperationName } from '../../shared/ipc/operationNames';
import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/operations';
import { ok, type Result } from '../../shared/ipc/result';
import type { AppServices } from '../services/appServices';
import type { Actor } from '../services/patients/patientService';

/** Who is calling: set by the transport (IPC sender or harness session). */
export interface CallContext {
  actor: Actor;
}

export type Handlers = {
  [K in OperationName]: (request: ParsedRequestOf<K>, context: CallContext) => Result<ResponseOf<K>> | Promise<Result<ResponseOf<K>>>;
};

/** One handler per operation: a line that calls the service. No logic lives here. */
export function createHandlers(services: AppServices): Handlers {
  const { patients } = services;
  return {
    getAppInfo: () => ok(services.info),
    searchPatients: (r) => patients.search(r),
    getPatient: (r) => patients.get(r.id),
    createPatient: (r, c) => patients.create(r.patient, c.actor),
    updatePatient: (r, c) => patients.update(r.id, r.expectedUpdatedAt, r.patient, c.actor),
    archivePatient: (r, c) => patients.archive(r.id, c.actor),
    restorePatient: (r, c) => patients.restore(r.id, c.actor),
  };
}
