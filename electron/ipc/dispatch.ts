import { isOperationName, operations } from '#shared/ipc/operations';
import { fail, type Result } from '#shared/ipc/result';
import { describeIssues, toFieldIssues } from '#shared/ipc/zodIssues';
import type { AppLogger } from '../log/logger';
import type { AuthService } from '../services/auth/authService';
import type { CallContext, HandlerContext, Handlers } from './handlerContext';

export type Dispatch = (operation: string, payload: unknown, context: CallContext) => Promise<Result<unknown>>;

/**
 * The one entry point both transports (Electron IPC and the loopback harness) call: known
 * operation, caller allowed (signed in, unlocked, right role), payload parsed with the shared
 * schema, handler called, envelope returned. A refused or bad request reaches no service, so it
 * changes nothing.
 */
export function createDispatch(handlers: Handlers, auth: AuthService, log: AppLogger): Dispatch {
  return async (operation, payload, context) => {
    if (!isOperationName(operation)) {
      return fail('unknown_operation', 'Unknown operation.');
    }
    const definition = operations[operation];
    const allowed = auth.authorize(context.clientKey, definition.access);
    if (!allowed.ok) return allowed;
    const parsed = definition.request.safeParse(payload);
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      return fail('bad_request', `The request was not accepted: ${describeIssues(issues)}`, issues);
    }
    const user = allowed.value;
    const handlerContext: HandlerContext = { ...context, user, actor: { name: user?.username ?? 'anonymous' } };
    try {
      // The table ties each parsed request to its handler; TypeScript cannot follow the
      // correlation through the union, so the call goes through a widened signature.
      const handler = handlers[operation] as (request: unknown, context: HandlerContext) => Result<unknown> | Promise<Result<unknown>>;
      return await handler(parsed.data, handlerContext);
    } catch (error) {
      // Log the operation and the error type only: payloads hold patient data.
      log.error('operation failed', { operation, error: error instanceof Error ? error.name : 'unknown' });
      return fail('internal', 'Something went wrong while doing that. Nothing was saved. Try again; if it keeps happening, contact support.');
    }
  };
}
