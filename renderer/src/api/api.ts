import type { DesktopApi } from '#shared/ipc/desktopApi';
import { operationNames } from '#shared/ipc/operationNames';
import type { Result } from '#shared/ipc/result';

declare global {
  interface Window {
    /** Provided by the desktop preload, or by the loopback harness in a browser. */
    api: DesktopApi;
  }
}

/** Fired when the application answers "not signed in / locked", so the sign-in gate can react. */
export const authChangedEvent = 'foot-screening:auth-changed';

let wrapped: DesktopApi | null = null;

/**
 * The renderer's only way to reach the application (design section 2): `window.api`, with every
 * answer watched for `unauthorized` (signed out elsewhere, idle lock) so the lock screen appears
 * wherever the nurse is, without losing the screen underneath.
 */
export function api(): DesktopApi {
  if (wrapped) return wrapped;
  const base = window.api;
  const entries = operationNames.map((name) => {
    const call = base[name] as (request: unknown) => Promise<Result<unknown>>;
    return [
      name,
      async (request: unknown): Promise<Result<unknown>> => {
        const result = await call(request);
        if (!result.ok && result.error.code === 'unauthorized') window.dispatchEvent(new Event(authChangedEvent));
        return result;
      },
    ] as const;
  });
  wrapped = { ...Object.fromEntries(entries), onMenuCommand: base.onMenuCommand } as unknown as DesktopApi;
  return wrapped;
}
