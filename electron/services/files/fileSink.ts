import type { Delivery, DeliveryMode, FileKind } from '#shared/domain/files';

/**
 * Where files the app produces go. Services write through this and never know whether they run
 * in the desktop app (OS save dialog, OS viewer) or in the browser harness (download links).
 */
export interface FileSink {
  /**
   * Delivers one file. `write` receives the path to write to (the destination, or a temporary file)
   * and must finish writing before it resolves.
   */
  deliver(suggestedName: string, kind: FileKind, mode: DeliveryMode, write: (targetPath: string) => Promise<void>): Promise<Delivery>;
}

/** Makes a string safe as a file name on every OS ("Żak, Łucja" stays readable). */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    // Control characters are exactly what must go: they are invalid in Windows file names.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return cleaned === '' || /^\.+$/.test(cleaned) ? 'file' : cleaned;
}
