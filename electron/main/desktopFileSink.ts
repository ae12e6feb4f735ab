import { app, dialog, shell, type BrowserWindow } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { Delivery, DeliveryMode, FileKind } from '#shared/domain/files';
import { safeFileName, type FileSink } from '../services/files/fileSink';

export const fileFilters: Readonly<Record<FileKind, Electron.FileFilter[]>> = {
  pdf: [{ name: 'PDF document', extensions: ['pdf'] }],
  csv: [{ name: 'CSV spreadsheet', extensions: ['csv'] }],
  backup: [{ name: 'Foot Screening backup', extensions: ['db', 'sqlite'] }],
  register: [{ name: 'Register export (CSV, FHIR JSON or NDJSON)', extensions: ['csv', 'txt', 'json', 'ndjson'] }],
  fhir: [{ name: 'FHIR R4 (JSON)', extensions: ['json', 'ndjson'] }],
};

/** Desktop FileSink: "save" asks where with the OS dialog; "open" shows the file in the OS viewer (to print). */
export function desktopFileSink(getWindow: () => BrowserWindow | null, tempDir: string = app.getPath('temp')): FileSink {
  return {
    async deliver(suggestedName: string, kind: FileKind, mode: DeliveryMode, write: (targetPath: string) => Promise<void>): Promise<Delivery> {
      const name = safeFileName(suggestedName);
      if (mode === 'open') {
        const dir = fs.mkdtempSync(path.join(tempDir, 'foot-screening-'));
        const file = path.join(dir, name);
        await write(file);
        const error = await shell.openPath(file);
        if (error) throw new Error(`The file could not be opened: ${error}`);
        return { kind: 'opened', fileName: name, bytes: fs.statSync(file).size };
      }
      const window = getWindow();
      const options: Electron.SaveDialogOptions = { defaultPath: path.join(app.getPath('documents'), name), filters: fileFilters[kind] };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
      await write(choice.filePath);
      return { kind: 'saved', fileName: path.basename(choice.filePath), bytes: fs.statSync(choice.filePath).size };
    },
  };
}
