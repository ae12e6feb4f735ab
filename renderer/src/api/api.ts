import type { DesktopApi } from '#shared/ipc/desktopApi';
import { operationApi } from '#shared/ipc/operationApi';
import type { Api, OperationCall, OperationName, RequestOf } from '#shared/ipc/operations';

declare global {
  interface Window {
    /** Provided by the desktop preload, or by the loopback harness in a browser. */
    api: DesktopApi;
  }
}

/** Fired when the application answers "not signed in / locked", so the sign-in gate can react. */
export const authChangedEvent = 'foot-screening:auth-changed';

let wrapped: DesktopApi | null = null;

/** One operation of `base`, telling the sign-in gate when the answer is `unauthorized`. */
function watched<K extends OperationName>(base: Api, operation: K): OperationCall<K> {
  const call: OperationCall<K> = base[operation];
  return async (request: RequestOf<K>) => {
    const result = await call(request);
    if (!result.ok && result.error.code === 'unauthorized') window.dispatchEvent(new Event(authChangedEvent));
    return result;
  };
}

/**
 * The renderer's only way to reach the application: `window.api`, with every answer watched for
 * `unauthorized` (signed out elsewhere, idle lock) so the lock screen appears wherever the nurse
 * is, without losing the screen underneath.
 */
export function api(): DesktopApi {
  if (wrapped) return wrapped;
  const base = window.api;
  wrapped = { ...operationApi((operation) => watched(base, operation)), onMenuCommand: base.onMenuCommand } satisfies DesktopApi;
  return wrapped;
}
