/**
 * `window.api` for the browser: the same operations as the desktop preload, over fetch to the
 * loopback harness. Served by the harness before the renderer's own script runs.
 */
import type { DesktopApi } from '../../../shared/ipc/desktopApi';
import { operationNames } from '../../../shared/ipc/operationNames';
import { fail, type Result } from '../../../shared/ipc/result';

declare global {
  interface Window {
    api: DesktopApi;
  }
}

const token = document.querySelector<HTMLMetaElement>('meta[name="harness-token"]')?.content ?? '';

/** This tab's own key: its sign-in and idle lock are separate from other tabs', and survive a reload. */
function clientKey(): string {
  const existing = sessionStorage.getItem('foot-screening.client-key');
  if (existing) return existing;
  const fresh = crypto.randomUUID();
  sessionStorage.setItem('foot-screening.client-key', fresh);
  return fresh;
}
const key = clientKey();

async function call(operation: string, request: unknown): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(`./api/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Client-Key': key },
      body: JSON.stringify(request ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    return fail('internal', 'Cannot reach the app. Is `npm start` still running? Your entries on this screen are kept.');
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return fail('internal', `The app answered with an unexpected response (HTTP ${response.status}).`);
  }
}

const operationsApi = Object.fromEntries(operationNames.map((name) => [name, (request: unknown) => call(name, request)]));

// The browser has no application menu: subscribing is accepted and does nothing.
window.api = { ...operationsApi, onMenuCommand: () => () => {} } as unknown as DesktopApi;
