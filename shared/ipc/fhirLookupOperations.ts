import { fhirLookupAnswerSchema, fhirLookupAvailabilitySchema, fhirLookupRequestSchema, fhirPullOutcomeSchema, fhirPullRequestSchema } from '../domain/fhirLookup';
import { emptyRequest, type OperationTable } from './operationTable';

/**
 * Finding a patient on the clinic's FHIR server by NHS number and bringing the record into the
 * local register. Any member of staff may do it (it is how a new patient is usually added once the
 * server is set up); the settings stay with administrators.
 */
export const fhirLookupOperations = {
  getFhirLookupAvailability: { request: emptyRequest, response: fhirLookupAvailabilitySchema, access: 'user' },
  lookUpFhirPatient: { request: fhirLookupRequestSchema, response: fhirLookupAnswerSchema, access: 'user' },
  pullFhirPatient: { request: fhirPullRequestSchema, response: fhirPullOutcomeSchema, access: 'user' },
} as const satisfies OperationTable;
