import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { fail, ok, type Result } from '#shared/ipc/result';

/**
 * Which text encoding a register file is in. GP and hospital systems write UTF-8 (with or without
 * a byte order mark), Excel's "Unicode text" writes UTF-16, and older Windows exports write
 * Windows-1252 (Latin-1 plus € and curly quotes), where "Zoë" is one byte that is not valid UTF-8.
 * A file that is valid UTF-8 is read as UTF-8; otherwise as Windows-1252 unless it holds bytes
 * Windows-1252 does not define, or looks like a workbook or binary, which is refused with what to
 * do instead.
 */
export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type TextEncoding = (typeof textEncodings)[number];

export const encodingLabels: Readonly<Record<TextEncoding, string>> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Western European)',
};

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** Bytes of byte order mark to skip. */
  bomLength: number;
}

/** Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 text. */
const undefinedIn1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

const saveAsCsv = 'In Excel choose File > Save As > "CSV UTF-8 (Comma delimited)" and import that file.';

/** Reads the file once to decide its encoding. */
export async function detectEncoding(path: string): Promise<Result<DetectedEncoding>> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const start = head.subarray(0, bytesRead);
    if (start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf) return ok({ encoding: 'utf-8', bomLength: 3 });
    if (start[0] === 0xff && start[1] === 0xfe) return ok({ encoding: 'utf-16le', bomLength: 2 });
    if (start[0] === 0xfe && start[1] === 0xff) return ok({ encoding: 'utf-16be', bomLength: 2 });
    if (start.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      return fail('validation_failed', `This is an Excel workbook (.xlsx), not a CSV file. ${saveAsCsv}`);
    }
    if (start.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      return fail('validation_failed', `This is an old Excel workbook (.xls), not a CSV file. ${saveAsCsv}`);
    }
    if (start.includes(0)) {
      return fail('validation_failed', `The file holds zero bytes, so it is not CSV text (perhaps UTF-16 without a byte order mark, or not a text file). ${saveAsCsv}`);
    }
    // Validate the whole file as UTF-8 in one streaming pass (fast; no text is kept).
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let valid = true;
    let seen1252Undefined = false;
    for await (const chunk of fs.createReadStream(path, { highWaterMark: 1024 * 1024 })) {
      const bytes = chunk as Buffer;
      if (valid) {
        try {
          decoder.decode(bytes, { stream: true });
        } catch {
          valid = false;
        }
      }
      if (!valid) {
        for (const b of bytes) if (undefinedIn1252.has(b)) seen1252Undefined = true;
        if (seen1252Undefined) break;
      }
    }
    if (valid) {
      try {
        decoder.decode();
      } catch {
        valid = false; // the file ends inside a multi-byte character
      }
    }
    if (valid) return ok({ encoding: 'utf-8', bomLength: 0 });
    if (seen1252Undefined) {
      return fail('validation_failed', `The file is neither UTF-8 nor Windows-1252 text, so names could be read wrongly. ${saveAsCsv}`);
    }
    return ok({ encoding: 'windows-1252', bomLength: 0 });
  } finally {
    await handle.close();
  }
}

/** Decodes a byte stream to text chunks, skipping the byte order mark; characters split across chunks are kept whole. */
export class DecodeText extends Transform {
  private readonly decoder: TextDecoder;
  private toSkip: number;
  /** Bytes taken in so far (for progress). */
  bytesRead = 0;

  constructor(detected: DetectedEncoding) {
    super({ readableObjectMode: false, decodeStrings: true });
    this.decoder = new TextDecoder(detected.encoding, { fatal: true, ignoreBOM: true });
    this.toSkip = detected.bomLength;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytesRead += chunk.length;
    let bytes = chunk;
    if (this.toSkip > 0) {
      const skip = Math.min(this.toSkip, bytes.length);
      bytes = bytes.subarray(skip);
      this.toSkip -= skip;
    }
    try {
      const text = this.decoder.decode(bytes, { stream: true });
      done(null, text);
    } catch {
      done(new Error('The file changed encoding part-way through, so it cannot be read safely.'));
    }
  }

  override _flush(done: TransformCallback): void {
    try {
      done(null, this.decoder.decode());
    } catch {
      done(new Error('The file ends in the middle of a character.'));
    }
  }
}
