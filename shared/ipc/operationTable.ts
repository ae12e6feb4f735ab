import * as z from 'zod';

/**
 * Who may call an operation: `public` needs no sign-in (the sign-in screens); `user` needs a
 * signed-in, unlocked member of staff; `administrator` needs the administrator role.
 */
export type Access = 'public' | 'user' | 'administrator';

/** One row of the operation contract: the request and response schemas and who may call it. */
export interface OperationDefinition {
  request: z.ZodType;
  response: z.ZodType;
  access: Access;
}

/** Each domain's operations are one such table; `operations.ts` joins them. */
export type OperationTable = Readonly<Record<string, OperationDefinition>>;

/** The request of an operation that takes nothing. */
export const emptyRequest = z.object({}).strict();
