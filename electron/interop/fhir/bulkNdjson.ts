import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { toBulkLines } from '#shared/fhir/bulkForm';
import { appCodeSystemResources } from '#shared/fhir/codeSystems';
import { resourceList, screeningResources, type ScreeningForFhir } from '#shared/fhir/examBundle';
import type { FhirExportContext } from '#shared/fhir/identity';

/**
 * Writes signed screenings as FHIR Bulk Data files: one NDJSON file per resource type
 * (`Patient.ndjson`, `Observation.ndjson` ...), one resource per line, plus `manifest.json` in
 * the shape of a Bulk Data export's manifest. Streamed: screenings come from an iterator (a keyset
 * page of the database at a time) and each line is written before the next screening is read,
 * waiting for the disk when it is behind, so memory stays bounded by the ids of patients and
 * signers already written (each is written once however many screenings they have).
 */

export interface BulkExportOptions {
  /** The export's time (ISO instant) for the manifest. */
  transactionTime: string;
  /** Include the app's code systems (`CodeSystem.ndjson`) so the files explain their own codes. Default true. */
  includeCodeSystems?: boolean;
  /** Called after each screening, for progress and cancelling (return false to stop). */
  onScreening?: (done: number) => boolean | void;
}

export interface BulkExportResult {
  screenings: number;
  /** Per resource type: file and line count, in the order files were first written. */
  files: { type: string; file: string; count: number }[];
  cancelled: boolean;
}

/** Resources shared by many screenings, written once. */
const sharedTypes = new Set(['Patient', 'Condition', 'Practitioner', 'PractitionerRole']);

export async function writeBulkNdjson(
  screenings: Iterable<ScreeningForFhir> | AsyncIterable<ScreeningForFhir>,
  outDir: string,
  context: FhirExportContext,
  options: BulkExportOptions,
): Promise<BulkExportResult> {
  await fs.promises.mkdir(outDir, { recursive: true });
  const streams = new Map<string, { stream: fs.WriteStream; file: string; count: number }>();
  const written = new Set<string>();
  const open = (type: string): { stream: fs.WriteStream; file: string; count: number } => {
    let s = streams.get(type);
    if (!s) {
      const file = path.join(outDir, `${type}.ndjson`);
      s = { stream: fs.createWriteStream(file, { encoding: 'utf8' }), file, count: 0 };
      streams.set(type, s);
    }
    return s;
  };
  const write = async (type: string, line: string): Promise<void> => {
    const s = open(type);
    s.count += 1;
    if (!s.stream.write(`${line}\n`)) await once(s.stream, 'drain');
  };

  const fast: FhirExportContext = { base64: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64'), ...context };
  let count = 0;
  let cancelled = false;
  try {
    if (options.includeCodeSystems ?? true) {
      for (const cs of appCodeSystemResources()) await write('CodeSystem', JSON.stringify({ ...cs, id: cs.url?.split('/').pop() ?? cs.name }));
    }
    for await (const input of screenings) {
      for (const { type, id, line } of toBulkLines(resourceList(screeningResources(input, fast)))) {
        if (sharedTypes.has(type)) {
          const key = `${type}/${id}`;
          if (written.has(key)) continue;
          written.add(key);
        }
        await write(type, line);
      }
      count += 1;
      if (options.onScreening?.(count) === false) {
        cancelled = true;
        break;
      }
    }
  } finally {
    await Promise.all([...streams.values()].map(({ stream }) => new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())))));
  }
  const files = [...streams.entries()].map(([type, s]) => ({ type, file: s.file, count: s.count }));
  const manifest = {
    transactionTime: options.transactionTime,
    request: 'foot-screening export (all signed screenings)',
    requiresAccessToken: false,
    output: files.map((f) => ({ type: f.type, url: path.basename(f.file), count: f.count })),
    error: [],
  };
  await fs.promises.writeFile(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { screenings: count, files, cancelled };
}
