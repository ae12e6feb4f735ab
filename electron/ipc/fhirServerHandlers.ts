import type { fhirServerOperations } from '#shared/ipc/fhirServerOperations';
import { ok } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function fhirServerHandlers({ fhirServer, fhirPush }: AppServices): HandlersOf<typeof fhirServerOperations> {
  return {
    getFhirServerSettings: () => ok(fhirServer.view()),
    updateFhirServerSettings: (r, c) => fhirServer.update(r, c.actor),
    testFhirServerConnection: async (r) => ok(await fhirServer.test(r)),
    getExamDelivery: (r) => ok(fhirPush.status(r.examId)),
    listPatientDeliveries: (r) => ok(fhirPush.ofPatient(r.patientId)),
    retryExamDelivery: (r) => fhirPush.retryNow(r.examId),
  };
}
