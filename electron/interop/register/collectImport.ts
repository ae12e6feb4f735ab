import type { ImportedPatient, RefusedImport } from '#shared/interop/exchangePatient';
import { assertNever } from '#shared/ipc/result';

/** The events every register reader (CSV, FHIR) sends, in order: start?, patient|refused|progress..., done | failed. */
export type ImportEvent =
  | { kind: 'start' }
  | { kind: 'patient'; row: ImportedPatient }
  | { kind: 'refused'; refused: RefusedImport }
  | { kind: 'progress'; bytesRead: number; totalBytes: number; rows: number }
  | { kind: 'done'; rows: number; accepted: number; refused: number }
  | { kind: 'failed'; message: string; at: number | null };

export interface CollectedImport<S> {
  start: S | null;
  /** The first `keepPatients` candidate rows (a preview), in file order. */
  patients: ImportedPatient[];
  /** Every refused row, in file order. */
  refused: RefusedImport[];
  accepted: number;
  rows: number;
  /** Set when the whole file was refused: nothing from it may be stored. */
  failed: { message: string; at: number | null } | null;
}

/**
 * Reads a whole import into memory for a preview, a command-line report or a test: the first
 * `keepPatients` candidates and every refusal. Storing rows goes through the events themselves.
 */
export async function collectImport<E extends ImportEvent | { kind: 'start' }>(
  events: AsyncIterable<E>,
  keepPatients = Number.POSITIVE_INFINITY,
): Promise<CollectedImport<Extract<E, { kind: 'start' }>>> {
  const out: CollectedImport<Extract<E, { kind: 'start' }>> = { start: null, patients: [], refused: [], accepted: 0, rows: 0, failed: null };
  for await (const event of events as AsyncIterable<ImportEvent>) {
    switch (event.kind) {
      case 'start':
        out.start = event as Extract<E, { kind: 'start' }>;
        break;
      case 'patient':
        out.accepted += 1;
        if (out.patients.length < keepPatients) out.patients.push(event.row);
        break;
      case 'refused':
        out.refused.push(event.refused);
        break;
      case 'progress':
        break;
      case 'done':
        out.rows = event.rows;
        break;
      case 'failed':
        out.failed = { message: event.message, at: event.at };
        break;
      default:
        return assertNever(event, 'import event');
    }
  }
  return out;
}
