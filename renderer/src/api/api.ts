import type { DesktopApi } from '../../../shared/ipc/desktopApi';

declare global {
  interface Window {
    /** Provided by the desktop preload, or by the loopback harness in a browser. */
    api: DesktopApi;
  }
}

/** The renderer's only way to reach the application (design section 2). */
export function api(): DesktopApi {
  return window.api;
}
