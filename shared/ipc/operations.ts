import { z } from 'zod';
import { patientIdSchema, patientInputSchema, patientSchema } from '../domain/patient';
import { searchPatientsRequestSchema, searchPatientsResponseSchema } from '../domain/patientSearch';
import type { OperationName } from './operationNames';
import type { Result } from './result';

/**
 * The contract between the renderer and the application: one row per operation, each with the
 * zod schema of its request and of its response. The Electron IPC handlers, the preload, the
 * loopback harness and the renderer's `window.api` type are all derived from this table.
 */
interface OperationSchemas {
  request: z.ZodType;
  response: z.ZodType;
}

const byId = z.object({ id: patientIdSchema }).strict();

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Where the clinic's records live, shown in Settings so staff know what to back up. */
  dataFile: z.string(),
  /** `desktop` in Electron, `browser` in the loopback harness. */
  shell: z.enum(['desktop', 'browser']),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const operations = {
  getAppInfo: { request: z.object({}).strict(), response: appInfoSchema },
  searchPatients: { request: searchPatientsRequestSchema.strict(), response: searchPatientsResponseSchema },
  getPatient: { request: byId, response: patientSchema },
  createPatient: { request: z.object({ patient: patientInputSchema }).strict(), response: patientSchema },
  updatePatient: {
    request: z
      .object({
        id: patientIdSchema,
        /** The `updatedAt` the form was loaded with: a save over someone else's change is refused. */
        expectedUpdatedAt: z.string().max(40),
        patient: patientInputSchema,
      })
      .strict(),
    response: patientSchema,
  },
  archivePatient: { request: byId, response: patientSchema },
  restorePatient: { request: byId, response: patientSchema },
} as const satisfies Record<OperationName, OperationSchemas>;

export type Operations = typeof operations;
/** What a caller sends (defaults may be left out). */
export type RequestOf<K extends OperationName> = z.input<Operations[K]['request']>;
/** What a handler receives after parsing (defaults filled in, text trimmed). */
export type ParsedRequestOf<K extends OperationName> = z.output<Operations[K]['request']>;
export type ResponseOf<K extends OperationName> = z.output<Operations[K]['response']>;

/** The renderer's whole view of the application: one async function per operation. */
export type Api = { [K in OperationName]: (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>> };
