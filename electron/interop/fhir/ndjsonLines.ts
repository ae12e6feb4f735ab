import fs from 'node:fs';
import readline from 'node:readline';

/**
 * The lines of an NDJSON file, streamed (FHIR Bulk Data files are UTF-8, one resource per line).
 * Blank lines are skipped but counted, so `line` is the line number an editor shows.
 */
export async function* ndjsonLines(file: string, signal?: AbortSignal): AsyncGenerator<{ line: number; value: unknown } | { line: number; error: string }> {
  const input = fs.createReadStream(file, { encoding: 'utf8' });
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const text of lines) {
      if (signal?.aborted) return;
      line += 1;
      const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
      if (trimmed === '') continue;
      try {
        yield { line, value: JSON.parse(trimmed) as unknown };
      } catch {
        yield { line, error: 'not valid JSON' };
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
