import type { ErrorCode } from '#shared/ipc/result';
import { assertNever } from '#shared/ipc/result';

/** The HTTP status the harness answers with for each error code (the body is always the envelope). */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case 'bad_request':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
    case 'unknown_operation':
      return 404;
    case 'conflict':
      return 409;
    case 'validation_failed':
      return 422;
    case 'too_many_attempts':
      return 429;
    case 'internal':
      return 500;
    default:
      return assertNever(code, 'error code');
  }
}
