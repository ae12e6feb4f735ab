import { operationNames } from './operationNames';
import type { Api, OperationCall, OperationName } from './operations';

/** How one transport calls one operation: IPC in the desktop preload, fetch in the browser. */
export type OperationCaller = <K extends OperationName>(operation: K) => OperationCall<K>;

/**
 * `window.api`'s operations over a transport: one function per name of the contract, each typed by
 * its own request and response. The desktop preload, the browser harness client and the
 * renderer's session watch build theirs with it, so each is checked against `Api`.
 */
export function operationApi(caller: OperationCaller): Api {
  const entries = operationNames.map((operation) => [operation, caller(operation)] as const);
  // TypeScript cannot follow the loop over the names into the mapped type; each entry was made by
  // `caller` for its own name, and operations.ts holds the list of names to the table.
  return Object.fromEntries(entries) as Api;
}
