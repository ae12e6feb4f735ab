import type { fhirLookupOperations } from '#shared/ipc/fhirLookupOperations';
import { ok } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import type { HandlersOf } from './handlerContext';

export function fhirLookupHandlers({ fhirLookup }: AppServices): HandlersOf<typeof fhirLookupOperations> {
  return {
    getFhirLookupAvailability: () => ok(fhirLookup.availability()),
    // Previews belong to the client that asked: another tab or window cannot confirm them.
    lookUpFhirPatient: (r, c) => fhirLookup.lookUp(r.nationalNumber, c.clientKey),
    pullFhirPatient: (r, c) => fhirLookup.pull(r.previewId, c.clientKey, c.actor),
  };
}
