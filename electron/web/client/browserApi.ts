/**
 * `window.api` for the browser: the same operations as the desktop preload, over fetch to the
 * loopback harness. Served by the harness before the renderer's own script runs.
 */
import type { ChosenFile } from '#shared/domain/backups';
import type { DesktopApi } from '#shared/ipc/desktopApi';
import { operationApi } from '#shared/ipc/operationApi';
import type { OperationName, RequestOf, ResponseOf } from '#shared/ipc/operations';
import { fail, ok, type Result } from '#shared/ipc/result';

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

async function call<K extends OperationName>(operation: K, request: RequestOf<K>): Promise<Result<ResponseOf<K>>> {
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
    // The harness answers every operation with its Result envelope (see electron/web/server.ts).
    return (await response.json()) as Result<ResponseOf<K>>;
  } catch {
    return fail('internal', `The app answered with an unexpected response (HTTP ${response.status}).`);
  }
}

/**
 * The desktop app picks a file (a backup to restore, a register to import) with the OS open dialog
 * in the main process; here the page shows the browser's file picker and uploads the file, and
 * gets the same kind of reference. Must be called straight from a click (browsers show pickers
 * only on a user gesture).
 */
function chooseAndUpload(accept: string): Promise<Result<ChosenFile>> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    document.body.appendChild(input);
    const done = (result: Result<ChosenFile>): void => {
      input.remove();
      resolve(result);
    };
    input.addEventListener('cancel', () => done(ok({ kind: 'cancelled' })));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) {
        done(ok({ kind: 'cancelled' }));
        return;
      }
      fetch('./upload', {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}`, 'X-Client-Key': key, 'X-File-Name': encodeURIComponent(file.name) },
        body: file,
        credentials: 'same-origin',
      })
        .then(async (response) => done((await response.json()) as Result<ChosenFile>))
        .catch(() => done(fail('internal', 'The file could not be sent to the app. Is `npm start` still running?')));
    });
    input.click();
  });
}

window.api = {
  ...operationApi((operation) => (request) => call(operation, request)),
  chooseBackupFile: () => chooseAndUpload('.db,.sqlite,.sqlite3,.bak'),
  chooseRegisterFile: () => chooseAndUpload('.csv,.txt,.json,.ndjson'),
  // The browser has no application menu: subscribing is accepted and does nothing.
  onMenuCommand: () => () => {},
} satisfies DesktopApi;
