import fs from 'node:fs';
import { pipeline } from 'node:stream';
import type * as CsvParse from 'csv-parse';
import { loadOnce } from '#shared/async/loadOnce';
import type { ImportedPatient, RefusedImport } from '#shared/interop/exchangePatient';
import { mapColumns, missingColumns, type ColumnMapping, type ColumnOverride } from '#shared/interop/registerColumns';
import { checkRegisterRow, DuplicateIdentifiers, type RegisterCheckOptions } from '#shared/interop/registerRows';
import { detectEncoding, DecodeText, encodingLabels, type DetectedEncoding, type TextEncoding } from './textEncoding';

/**
 * Reads a register export (CSV as GP and hospital systems write it) row by row, streamed, so a
 * file of any length is read in bounded memory: at any moment one chunk of the file, one row, and
 * the identifiers seen so far (to refuse a second row with the same NHS number). Each data row
 * comes out as a candidate patient as it would be stored, or as refused with every reason and its
 * row number as a spreadsheet shows it (the header is row 1). Nothing is written anywhere: the
 * caller previews, matches and stores.
 */

export interface RegisterReadLimits {
  /** Files larger than this are refused before reading (default 200 MiB). */
  maxBytes: number;
  /** Data rows; reading stops with a message once a file has more (default 500,000). */
  maxRows: number;
  /** Characters in one row: protects memory from a quote that is never closed (default 1 MiB). */
  maxRowChars: number;
}

export const defaultRegisterLimits: RegisterReadLimits = { maxBytes: 200 * 1024 * 1024, maxRows: 500_000, maxRowChars: 1024 * 1024 };

export interface RegisterCsvOptions extends RegisterCheckOptions {
  /** The person's corrections from the mapping screen; they win over the guess. */
  columns?: ColumnOverride;
  /** Skip detection (the person chose the encoding). */
  encoding?: TextEncoding;
  limits?: Partial<RegisterReadLimits>;
  /** Cancels the read; the last event is then `failed` with "cancelled". */
  signal?: AbortSignal;
  /** How often (in data rows) a `progress` event is sent. */
  progressEvery?: number;
}

export type RegisterReadEvent =
  | {
      kind: 'start';
      encoding: TextEncoding;
      encodingLabel: string;
      delimiter: string;
      headers: string[];
      mapping: ColumnMapping;
      unmatched: { column: number; header: string }[];
    }
  | { kind: 'patient'; row: ImportedPatient }
  | { kind: 'refused'; refused: RefusedImport }
  | { kind: 'progress'; bytesRead: number; totalBytes: number; rows: number }
  | { kind: 'done'; rows: number; accepted: number; refused: number }
  /** The whole file is refused (nothing from it may be stored); `at` is the row where reading stopped, if any. */
  | { kind: 'failed'; message: string; at: number | null };

/** csv-parse, loaded with the first register read rather than at every start of the app. */
const loadCsvParse: () => Promise<typeof CsvParse> = loadOnce(() => import('csv-parse'));

const candidateDelimiters = [',', ';', '\t', '|'] as const;

/** The delimiter of the header line: the candidate that occurs most often outside quotes. */
export function sniffDelimiter(text: string): string {
  const counts = new Map<string, number>(candidateDelimiters.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  let bestCount = 0;
  for (const [d, n] of counts) {
    if (n > bestCount) {
      best = d;
      bestCount = n;
    }
  }
  return best;
}

/** What csv-parse's error codes mean to a person, naming the row. */
function describeCsvError(error: CsvParse.CsvError & { records?: number }, limits: RegisterReadLimits): { message: string; at: number | null } {
  const at = typeof error.records === 'number' ? error.records + 1 : null;
  const where = at === null ? 'The file' : `Row ${at.toLocaleString('en-GB')}`;
  // csv-parse has many codes; only these few need their own words, the rest keep the library's message.
  const code: string = error.code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return { message: `${where}: a quoted cell is never closed (a missing " ), so the rest of the file cannot be read.`, at };
  }
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return { message: `${where} is longer than ${limits.maxRowChars.toLocaleString('en-GB')} characters: probably a quote that is never closed.`, at };
  }
  if (code === 'INVALID_OPENING_QUOTE' || code === 'CSV_INVALID_CLOSING_QUOTE') {
    return { message: `${where}: a quote (") in the middle of a cell. Cells with quotes must be quoted themselves, with quotes doubled ("").`, at };
  }
  return { message: `${where} cannot be read as CSV (${error.message}).`, at };
}

async function readStart(path: string, detected: DetectedEncoding): Promise<string> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return new TextDecoder(detected.encoding, { fatal: false }).decode(buffer.subarray(detected.bomLength, bytesRead));
  } finally {
    await handle.close();
  }
}

export async function* readRegisterCsv(path: string, options: RegisterCsvOptions): AsyncGenerator<RegisterReadEvent> {
  const limits = { ...defaultRegisterLimits, ...options.limits };
  let totalBytes: number;
  try {
    totalBytes = (await fs.promises.stat(path)).size;
  } catch {
    yield { kind: 'failed', message: 'The file cannot be opened.', at: null };
    return;
  }
  if (totalBytes > limits.maxBytes) {
    yield {
      kind: 'failed',
      message: `The file is ${formatBytes(totalBytes)}; a register can be at most ${formatBytes(limits.maxBytes)}. Export it in parts (for example by practice) and import each.`,
      at: null,
    };
    return;
  }
  if (totalBytes === 0) {
    yield { kind: 'failed', message: 'The file is empty.', at: null };
    return;
  }
  let detected: DetectedEncoding;
  if (options.encoding) {
    detected = { encoding: options.encoding, bomLength: 0 };
  } else {
    const found = await detectEncoding(path);
    if (!found.ok) {
      yield { kind: 'failed', message: found.error.message, at: null };
      return;
    }
    detected = found.value;
  }
  const delimiter = sniffDelimiter(await readStart(path, detected));

  const { parse } = await loadCsvParse();
  const decode = new DecodeText(detected);
  const parser = parse({
    delimiter,
    relax_column_count: true,
    skip_empty_lines: false,
    max_record_size: limits.maxRowChars,
  });
  const source = fs.createReadStream(path, { highWaterMark: 256 * 1024 });
  pipeline(source, decode, parser, () => {
    // Errors reach the loop below through the parser.
  });
  const abort = (): void => {
    parser.destroy(new Error('cancelled'));
  };
  options.signal?.addEventListener('abort', abort, { once: true });

  let headers: string[] | null = null;
  let mapping: ColumnMapping = {};
  const duplicates = new DuplicateIdentifiers(options.nationalNumberFormat);
  const progressEvery = options.progressEvery ?? 5_000;
  let rows = 0;
  let accepted = 0;
  let refused = 0;
  // Records are counted here rather than with csv-parse's `info` (a third of its time): empty
  // lines are records too (skip_empty_lines is off), so the count is the spreadsheet row number.
  let at = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      at += 1;
      if (headers === null) {
        headers = cells.map((h) => h.trim());
        const guess = mapColumns(headers, options.columns);
        const missing = missingColumns(guess.mapping, headers);
        if (missing.length > 0) {
          yield { kind: 'failed', message: missing.join(' '), at: 1 };
          return;
        }
        mapping = guess.mapping;
        yield { kind: 'start', encoding: detected.encoding, encodingLabel: encodingLabels[detected.encoding], delimiter, headers, mapping, unmatched: guess.unmatched };
        continue;
      }
      // Blank rows (spreadsheets export them as empty lines or ",,,,") are skipped but still counted.
      if (cells.every((c) => c.trim() === '')) continue;
      rows += 1;
      if (rows > limits.maxRows) {
        yield {
          kind: 'failed',
          message: `The file has more than ${limits.maxRows.toLocaleString('en-GB')} patients; import it in parts.`,
          at,
        };
        return;
      }
      const where = `row ${at}`;
      const outcome = checkRegisterRow(cells, mapping, headers.length, options);
      if (!outcome.ok) {
        refused += 1;
        yield { kind: 'refused', refused: { at, where, reasons: outcome.reasons, label: outcome.label } };
      } else {
        const clash = duplicates.check(outcome.patient, where);
        if (clash.length > 0) {
          refused += 1;
          yield { kind: 'refused', refused: { at, where, reasons: clash, label: outcome.label } };
        } else {
          accepted += 1;
          yield { kind: 'patient', row: { at, where, lastUpdated: outcome.lastUpdated, patient: outcome.patient } };
        }
      }
      if (rows % progressEvery === 0) yield { kind: 'progress', bytesRead: decode.bytesRead, totalBytes, rows };
    }
  } catch (error) {
    if (options.signal?.aborted) {
      yield { kind: 'failed', message: 'The import was cancelled; nothing from the file was kept.', at: null };
      return;
    }
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      const described = describeCsvError(error as CsvParse.CsvError, limits);
      yield { kind: 'failed', ...described };
      return;
    }
    yield { kind: 'failed', message: error instanceof Error ? error.message : 'The file cannot be read.', at: null };
    return;
  } finally {
    options.signal?.removeEventListener('abort', abort);
    source.destroy();
  }
  if (headers === null) {
    yield { kind: 'failed', message: 'The file has no header row.', at: null };
    return;
  }
  yield { kind: 'progress', bytesRead: totalBytes, totalBytes, rows };
  yield { kind: 'done', rows, accepted, refused };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${Math.round(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
