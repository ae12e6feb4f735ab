/**
 * The result envelope every operation answers with (shared/ipc).
 * Typed outcomes instead of thrown errors (Medplum habit): a caller must look at `ok` before it
 * can touch the value, and an error always carries a machine code and a sentence for people.
 */
export const errorCodes = [
  'bad_request', // the request did not match the operation's schema
  'validation_failed', // well-formed, but the clinic data is not acceptable (e.g. DOB in the future)
  'not_found',
  'conflict', // e.g. a clinic identifier already in use, or a record changed by someone else
  'forbidden', // the caller may not do this (foreign sender, wrong role, signed exam)
  'unauthorized', // no or wrong token / session
  'unknown_operation',
  'too_many_attempts',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one field, so forms can show the message next to the field. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `dateOfBirth` or `feet.left.abi`. Empty for the whole request. */
  path: string;
  message: string;
}

export interface AppError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, issues?: FieldIssue[]): Result<T> {
  return issues && issues.length > 0
    ? { ok: false, error: { code, message, issues } }
    : { ok: false, error: { code, message } };
}

/** Exhaustiveness guard for switches over closed unions: adding a member becomes a compile error. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unhandled ${what}: ${String(value)}`);
}
