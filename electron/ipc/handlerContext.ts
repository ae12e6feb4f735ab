import type { User } from '#shared/domain/users';
import type { OperationName, ParsedRequestOf, ResponseOf } from '#shared/ipc/operations';
import type { OperationTable } from '#shared/ipc/operationTable';
import type { Result } from '#shared/ipc/result';
import type { Actor } from '../services/actor';

/** Which client is calling: set by the transport (desktop window, or browser tab of the harness). */
export interface CallContext {
  /** `desktop:<webContents id>` or `browser:<random per-tab key>`; sessions are kept per client. */
  clientKey: string;
}

/** What a handler knows about the caller once dispatch has checked access. */
export interface HandlerContext extends CallContext {
  /** The signed-in user; never null for `user` and `administrator` operations. */
  user: User | null;
  /** For the audit log. */
  actor: Actor;
}

export type Handler<K extends OperationName> = (request: ParsedRequestOf<K>, context: HandlerContext) => Result<ResponseOf<K>> | Promise<Result<ResponseOf<K>>>;

/** One handler per operation of the contract. */
export type Handlers = { [K in OperationName]: Handler<K> };

/** The handlers of one domain's operation table. */
export type HandlersOf<Table extends OperationTable> = Pick<Handlers, keyof Table & OperationName>;

/** The signed-in user of a `user` or `administrator` operation (dispatch checked it). */
export function signedIn(context: HandlerContext): User {
  if (!context.user) throw new Error('dispatch let a signed-out call through');
  return context.user;
}
