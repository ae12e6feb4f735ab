import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { ChosenFile } from '#shared/domain/backups';
import { fail, type Result } from '#shared/ipc/result';
import { safeFileName } from '../services/files/fileSink';
import { readLimited } from './body';
import type { FileSource } from '../services/files/fileSource';

interface Upload {
  file: string;
  clientKey: string;
  expiresAt: number;
}

const lifetimeMs = 30 * 60_000;

/**
 * The browser harness's FileSource: the page uploads the file the user picked (a backup to
 * restore) and gets an unguessable reference, valid for the uploading tab only, for 30 minutes.
 * Files wait in a private temp folder.
 */
export class UploadStore implements FileSource {
  private readonly dir: string;

  /** `parent`: the app's private temp folder in the data folder (emptied at each start); the OS temp folder in tests. */
  constructor(parent: string = os.tmpdir()) {
    this.dir = fs.mkdtempSync(path.join(parent, 'foot-screening-uploads-'));
  }
  private readonly uploads = new Map<string, Upload>();

  /** Streams a request body to disk; past `maxBytes` it keeps nothing. */
  async receive(clientKey: string, suggestedName: string, req: http.IncomingMessage, maxBytes: number): Promise<ChosenFile | { kind: 'too-large' }> {
    this.sweep();
    const ref = randomBytes(18).toString('base64url');
    const file = path.join(this.dir, ref);
    const out = fs.createWriteStream(file);
    let bytes = 0;
    try {
      const outcome = await readLimited(req, maxBytes, (chunk) => {
        bytes += chunk.length;
        return out.write(chunk) ? undefined : new Promise<void>((resolve) => out.once('drain', () => resolve()));
      });
      await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      if (outcome === 'too-large') {
        fs.rmSync(file, { force: true });
        return { kind: 'too-large' };
      }
    } catch (error) {
      out.destroy();
      fs.rmSync(file, { force: true });
      throw error;
    }
    this.uploads.set(ref, { file, clientKey, expiresAt: Date.now() + lifetimeMs });
    return { kind: 'chosen', ref, fileName: safeFileName(suggestedName), bytes };
  }

  /** In the browser the page picks and uploads the file itself; the server has no dialog to show. */
  choose(): Promise<Result<ChosenFile>> {
    return Promise.resolve(fail('bad_request', 'In the browser, the page chooses the file and uploads it.'));
  }

  resolve(ref: string, clientKey: string): string | null {
    this.sweep();
    const upload = this.uploads.get(ref);
    return upload && upload.clientKey === clientKey ? upload.file : null;
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private sweep(): void {
    const now = Date.now();
    for (const [ref, upload] of this.uploads) {
      if (upload.expiresAt < now) {
        fs.rmSync(upload.file, { force: true });
        this.uploads.delete(ref);
      }
    }
  }
}
