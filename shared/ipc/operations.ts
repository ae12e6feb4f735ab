import type * as z from 'zod';
import { accountOperations } from './accountOperations';
import { auditOperations } from './auditOperations';
import { backupOperations } from './backupOperations';
import { dashboardOperations } from './dashboardOperations';
import { examOperations } from './examOperations';
import { exportOperations } from './exportOperations';
import { fhirLookupOperations } from './fhirLookupOperations';
import { fhirServerOperations } from './fhirServerOperations';
import { interopOperations } from './interopOperations';
import { jobOperations } from './jobOperations';
import type { operationNames } from './operationNames';
import { patientOperations } from './patientOperations';
import { recallOperations } from './recallOperations';
import { reportOperations } from './reportOperations';
import type { Result } from './result';
import { settingsOperations } from './settingsOperations';

export type { Access } from './operationTable';

/**
 * The contract between the renderer and the application: one row per operation, with the zod
 * schema of its request and of its response and who may call it, kept by domain in one table
 * each. The Electron IPC handlers, the preload, the loopback harness and the renderer's
 * `window.api` type are all derived from it. The operation names are the table's keys; an
 * operation defined twice is caught by `operations.test.ts`.
 */
export const operations = {
  ...settingsOperations,
  ...accountOperations,
  ...patientOperations,
  ...examOperations,
  ...auditOperations,
  ...backupOperations,
  ...reportOperations,
  ...recallOperations,
  ...dashboardOperations,
  ...exportOperations,
  ...jobOperations,
  ...interopOperations,
  ...fhirServerOperations,
  ...fhirLookupOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;

/** True for the name of an operation of the table (never for `constructor`, `__proto__` ...). */
export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(operations, name);
}

/**
 * Compile-time check that `operationNames` (which the preload bundles instead of this table)
 * lists exactly the table's operations: a name missing from either side fails here, naming it.
 */
type NoneLeft<Names extends never> = Names;
type ListedName = (typeof operationNames)[number];
export type OperationsMissingFromOperationNames = NoneLeft<Exclude<OperationName, ListedName>>;
export type OperationNamesMissingFromTheTable = NoneLeft<Exclude<ListedName, OperationName>>;

/** What a caller sends (defaults may be left out). */
export type RequestOf<K extends OperationName> = z.input<Operations[K]['request']>;
/** What a handler receives after parsing (defaults filled in, text trimmed). */
export type ParsedRequestOf<K extends OperationName> = z.output<Operations[K]['request']>;
export type ResponseOf<K extends OperationName> = z.output<Operations[K]['response']>;

/** How the renderer calls one operation. */
export type OperationCall<K extends OperationName> = (request: RequestOf<K>) => Promise<Result<ResponseOf<K>>>;

/** The renderer's whole view of the application: one async function per operation. */
export type Api = { [K in OperationName]: OperationCall<K> };
