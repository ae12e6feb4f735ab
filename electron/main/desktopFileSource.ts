import { dialog, type BrowserWindow } from 'electron';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ChosenFile } from '#shared/domain/backups';
import type { FileKind } from '#shared/domain/files';
import { ok, type Result } from '#shared/ipc/result';
import type { FileSource } from '../services/files/fileSource';
import { fileFilters } from './desktopFileSink';

/**
 * Desktop FileSource: the OS open dialog, shown by the main process. The page only ever holds a
 * reference to the chosen file, never its path, and only the window that chose it can use it.
 */
export function desktopFileSource(getWindow: () => BrowserWindow | null): FileSource {
  const chosen = new Map<string, { file: string; clientKey: string }>();
  return {
    async choose(kind: FileKind, clientKey: string): Promise<Result<ChosenFile>> {
      const window = getWindow();
      const options: Electron.OpenDialogOptions = { properties: ['openFile'], filters: [...fileFilters[kind], { name: 'All files', extensions: ['*'] }] };
      const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const file = choice.filePaths[0];
      if (choice.canceled || !file) return ok({ kind: 'cancelled' });
      const ref = randomBytes(18).toString('base64url');
      chosen.set(ref, { file, clientKey });
      return ok({ kind: 'chosen', ref, fileName: path.basename(file), bytes: fs.statSync(file).size });
    },
    resolve(ref: string, clientKey: string): string | null {
      const entry = chosen.get(ref);
      return entry && entry.clientKey === clientKey ? entry.file : null;
    },
  };
}
