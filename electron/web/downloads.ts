import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Delivery, DeliveryMode, FileKind } from '#shared/domain/files';
import { safeFileName, type FileSink } from '../services/files/fileSink';

interface Stored {
  file: string;
  name: string;
  kind: FileKind;
  inline: boolean;
  expiresAt: number;
}

const lifetimeMs = 15 * 60_000;

export const mimeTypes: Readonly<Record<FileKind, string>> = {
  pdf: 'application/pdf',
  csv: 'text/csv; charset=utf-8',
  backup: 'application/vnd.sqlite3',
  register: 'text/csv; charset=utf-8',
  fhir: 'application/fhir+json',
};

/**
 * The browser harness's FileSink: files go to a private temp folder and are offered once through
 * an unguessable download address (same access token as every other request), for 15 minutes.
 */
export class DownloadStore implements FileSink {
  private readonly dir: string;

  /** `parent`: the app's private temp folder in the data folder (emptied at each start); the OS temp folder in tests. */
  constructor(parent: string = os.tmpdir()) {
    this.dir = fs.mkdtempSync(path.join(parent, 'foot-screening-downloads-'));
  }
  private readonly files = new Map<string, Stored>();

  async deliver(suggestedName: string, kind: FileKind, mode: DeliveryMode, write: (targetPath: string) => Promise<void>): Promise<Delivery> {
    this.sweep();
    const id = randomBytes(18).toString('base64url');
    const name = safeFileName(suggestedName);
    const file = path.join(this.dir, id);
    await write(file);
    const bytes = fs.statSync(file).size;
    const inline = mode === 'open';
    this.files.set(id, { file, name, kind, inline, expiresAt: Date.now() + lifetimeMs });
    return { kind: 'download', fileName: name, bytes, url: `./download/${id}/${encodeURIComponent(name)}`, inline };
  }

  /** The file behind a download id, if it exists and has not expired. */
  lookup(id: string): Stored | null {
    this.sweep();
    return this.files.get(id) ?? null;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, stored] of this.files) {
      if (stored.expiresAt < now) {
        fs.rmSync(stored.file, { force: true });
        this.files.delete(id);
      }
    }
  }
}
