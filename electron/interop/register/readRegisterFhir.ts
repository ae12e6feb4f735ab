import fs from 'node:fs';
import type { Bundle, Condition, Patient, Resource } from '@medplum/fhirtypes';
import { appCodeIn } from '#shared/fhir/codeSystems';
import { patientFromResource } from '#shared/fhir/patient';
import { DuplicateIdentifiers, type RegisterCheckOptions } from '#shared/interop/registerRows';
import { ndjsonLines } from '../fhir/ndjsonLines';
import { loadR4Definitions } from '../fhir/r4Validator';
import type { RegisterReadEvent } from './readRegisterCsv';

/**
 * Reads a register sent as FHIR R4 `Patient` resources, in a Bundle (JSON) or as NDJSON (one
 * resource per line, as FHIR Bulk Data writes them), into the same candidate rows and refusals as
 * a CSV register. Each `Patient` must be valid R4 (checked against the R4 definitions) and pass
 * the same checks as a CSV row (NHS number check digit, real dates, no second use of an
 * identifier). Other resource types are counted and left alone. NDJSON is streamed; a Bundle is
 * one JSON document, so its size is limited.
 */

export interface RegisterFhirOptions extends RegisterCheckOptions {
  /** The clinic's own patient identifier system, to find the clinic identifier among a Patient's identifiers. */
  clinicIdentifierSystem: string;
  /** Bundle files larger than this are refused (default 100 MiB); NDJSON files up to `maxNdjsonBytes` (default 1 GiB). */
  maxBundleBytes?: number;
  maxNdjsonBytes?: number;
  maxPatients?: number;
  signal?: AbortSignal;
}

export type FhirRegisterEvent =
  | Exclude<RegisterReadEvent, { kind: 'start' }>
  /** `otherResources`: entries that are neither Patient nor Condition (null for NDJSON, which is not read ahead). */
  | { kind: 'start'; format: 'bundle' | 'ndjson'; otherResources: number | null };

const mb = 1024 * 1024;

export async function* readRegisterFhir(file: string, options: RegisterFhirOptions): AsyncGenerator<FhirRegisterEvent> {
  let size: number;
  try {
    size = (await fs.promises.stat(file)).size;
  } catch {
    yield { kind: 'failed', message: 'The file cannot be opened.', at: null };
    return;
  }
  const maxNdjson = options.maxNdjsonBytes ?? 1024 * mb;
  if (size > maxNdjson) {
    yield { kind: 'failed', message: `The file is ${Math.round(size / mb)} MB; at most ${Math.round(maxNdjson / mb)} MB can be imported at once.`, at: null };
    return;
  }
  const r4 = await loadR4Definitions();
  const duplicates = new DuplicateIdentifiers(options.nationalNumberFormat);
  const maxPatients = options.maxPatients ?? 500_000;
  let rows = 0;
  let accepted = 0;
  let refused = 0;

  /** One Patient (with its diabetes Condition when the file has it) into an event. */
  const take = (patient: Patient, at: number, where: string, diabetes?: Condition): FhirRegisterEvent => {
    rows += 1;
    const label = patient.id ? `Patient/${patient.id}` : null;
    const invalid = r4.validate(patient);
    if (invalid.length > 0) {
      refused += 1;
      return { kind: 'refused', refused: { at, where, label, reasons: invalid.map((i) => `Not valid FHIR R4: ${i.message}${i.message.includes(i.path) ? '' : ` (${i.path})`}`) } };
    }
    const outcome = patientFromResource(patient, options, diabetes);
    if (!outcome.ok) {
      refused += 1;
      return { kind: 'refused', refused: { at, where, label: outcome.label ?? label, reasons: outcome.reasons } };
    }
    const clash = duplicates.check(outcome.patient, where);
    if (clash.length > 0) {
      refused += 1;
      return { kind: 'refused', refused: { at, where, label: outcome.label, reasons: clash } };
    }
    accepted += 1;
    return { kind: 'patient', row: { at, where, lastUpdated: outcome.lastUpdated, patient: outcome.patient } };
  };

  // NDJSON if the first line is a whole resource other than a Bundle; otherwise one JSON
  // document (a Bundle, pretty-printed or on one line).
  let ndjson = false;
  for await (const first of ndjsonLines(file)) {
    ndjson = 'value' in first && (first.value as Resource | null)?.resourceType !== 'Bundle';
    break;
  }

  if (ndjson) {
    let started = false;
    for await (const item of ndjsonLines(file, options.signal)) {
      if (!started) {
        started = true;
        yield { kind: 'start', format: 'ndjson', otherResources: null };
      }
      const where = `line ${item.line}`;
      if ('error' in item) {
        refused += 1;
        yield { kind: 'refused', refused: { at: item.line, where, label: null, reasons: ['Not valid JSON: each line must be one FHIR resource'] } };
        continue;
      }
      const resource = item.value as Resource;
      if (resource?.resourceType === 'Bundle') {
        for (const event of bundlePatients(resource, take, `line ${item.line}, `)) yield event;
      } else if (resource?.resourceType === 'Patient') {
        yield take(resource, item.line, where);
      }
      if (rows > maxPatients) {
        yield { kind: 'failed', message: `The file has more than ${maxPatients.toLocaleString('en-GB')} patients; import it in parts.`, at: item.line };
        return;
      }
    }
    if (options.signal?.aborted) {
      yield { kind: 'failed', message: 'The import was cancelled; nothing from the file was kept.', at: null };
      return;
    }
    yield { kind: 'done', rows, accepted, refused };
    return;
  }

  const maxBundle = options.maxBundleBytes ?? 100 * mb;
  if (size > maxBundle) {
    yield { kind: 'failed', message: `A FHIR Bundle can be at most ${Math.round(maxBundle / mb)} MB (this one is ${Math.round(size / mb)} MB). Export the register as NDJSON, which has no such limit.`, at: null };
    return;
  }
  let document: unknown;
  try {
    document = JSON.parse((await fs.promises.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch {
    yield { kind: 'failed', message: 'The file is neither FHIR JSON nor NDJSON (it does not parse as JSON).', at: null };
    return;
  }
  const resource = document as Resource;
  if (resource?.resourceType === 'Patient') {
    yield { kind: 'start', format: 'bundle', otherResources: 0 };
    yield take(resource, 1, 'the Patient');
  } else if (resource?.resourceType === 'Bundle') {
    const others = (resource.entry ?? []).filter((e) => e.resource?.resourceType !== 'Patient' && e.resource?.resourceType !== 'Condition').length;
    yield { kind: 'start', format: 'bundle', otherResources: others };
    if ((resource.entry?.length ?? 0) > maxPatients * 2) {
      yield { kind: 'failed', message: `The Bundle has more than ${maxPatients.toLocaleString('en-GB')} patients; import it in parts.`, at: null };
      return;
    }
    for (const event of bundlePatients(resource, take, '')) yield event;
  } else {
    yield { kind: 'failed', message: 'The file is JSON but not a FHIR Bundle or Patient (no "resourceType").', at: null };
    return;
  }
  yield { kind: 'done', rows, accepted, refused };
}

/** The Patients of a Bundle, each with the diabetes Condition that refers to it, numbered as entries from 1. */
function* bundlePatients(
  bundle: Bundle,
  take: (patient: Patient, at: number, where: string, diabetes?: Condition) => FhirRegisterEvent,
  prefix: string,
): Generator<FhirRegisterEvent> {
  const entries = bundle.entry ?? [];
  const diabetesBySubject = new Map<string, Condition>();
  for (const e of entries) {
    const r = e.resource;
    if (r?.resourceType === 'Condition' && appCodeIn(r.code, 'screening') === 'diabetes' && r.subject.reference) diabetesBySubject.set(r.subject.reference, r);
  }
  for (const [i, e] of entries.entries()) {
    if (e.resource?.resourceType !== 'Patient') continue;
    const keys = [e.fullUrl, e.resource.id ? `Patient/${e.resource.id}` : undefined].filter((k): k is string => k !== undefined);
    const diabetes = keys.map((k) => diabetesBySubject.get(k)).find((c) => c !== undefined);
    yield take(e.resource, i + 1, `${prefix}entry ${i + 1}`, diabetes);
  }
}
