import * as z from 'zod';
import { jobIdSchema, jobProgressSchema } from '../domain/recall';
import type { OperationTable } from './operationTable';

/** Progress of the long jobs (letters, exports) a page started, asked while their request runs. */
export const jobOperations = {
  /** How far a job this page started has got (null: no such job, or finished a while ago). */
  getJobProgress: { request: z.object({ jobId: jobIdSchema }).strict(), response: jobProgressSchema.nullable(), access: 'user' },
} as const satisfies OperationTable;
