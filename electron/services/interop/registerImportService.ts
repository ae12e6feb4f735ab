import fs from 'node:fs';
import path from 'node:path';
import { displayName, type Patient, type PatientInput } from '#shared/domain/patient';
import { defaultClinicIdentifierSystem } from '#shared/fhir/systems';
import type { ImportedPatient, RefusedImport } from '#shared/interop/exchangePatient';
import { registerRecordFieldLabels, registerRecordFields } from '#shared/interop/registerRecord';
import type {
  ImportAction,
  ImportBatch,
  ImportPreviewRow,
  MergePreview,
  RegisterImportOptions,
  RegisterImportReport,
  UndoImportOutcome,
} from '#shared/interop/registerImport';
import { assertNever, fail, ok, type Result } from '#shared/ipc/result';
import { isoDateOf } from '#shared/text/dates';
import type { ImportEvent } from '../../interop/register/collectImport';
import { matchRegisterPatient } from '../../interop/register/registerMatch';
import { readRegisterCsv, type RegisterReadEvent } from '../../interop/register/readRegisterCsv';
import { readRegisterFhir, type FhirRegisterEvent } from '../../interop/register/readRegisterFhir';
import type { Store } from '../../db/store';
import type { Actor } from '../actor';
import type { Clock } from '../clock';
import { silentJob, yieldToOthers, type JobReporter } from '../jobs/jobProgress';
import type { SettingsService } from '../settings/settingsService';
import { writeTransaction } from '../transaction';
import { installationId } from './installation';

/**
 * Rows checked and stored per transaction: bounded memory, few commits (each waits for the disk),
 * and other requests get the database between chunks (about a fifth of a second each).
 */
const chunkRows = 2000;
/** How much of a report is kept for the screen; the counts always cover the whole file. */
export const reportLimits = { preview: 20, refused: 1000, merges: 500 } as const;

export interface RegisterImportHooks {
  job?: JobReporter;
  signal?: AbortSignal;
  /** Every refused row as it is found (the command line prints them all; the report keeps the first ones). */
  onRefused?: (refused: RefusedImport) => void;
}

interface Classified {
  action: ImportAction;
  input: PatientInput;
  existing: Patient | null;
  merge: MergePreview | null;
}

/**
 * Brings a clinic's register (CSV from a GP or hospital system, or FHIR R4 Patients) into the
 * patient records. Each row is matched to an existing patient by national number or clinic
 * identifier; a new patient is created, an existing one updated only where the file is newer and
 * the person agreed (`applyUpdates`, after the merge preview). The whole import is one batch that
 * can be undone; a cancelled, failed or interrupted import is rolled back, so a file is never
 * half-imported. A dry run reads and checks everything and stores nothing.
 */
export class RegisterImportService {
  private readonly running = new Map<string, AbortController>();
  /** Batches being written by this process now (not interrupted ones). */
  private readonly activeBatches = new Set<number>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  /** Runs an import for a client's job, cancellable with `cancel` under the same job id. */
  async runJob(clientKey: string, jobId: string, file: string, fileName: string, options: RegisterImportOptions, actor: Actor, job: JobReporter): Promise<Result<RegisterImportReport>> {
    const key = `${clientKey}\n${jobId}`;
    const controller = new AbortController();
    this.running.set(key, controller);
    try {
      return await this.run(file, fileName, options, actor, { job, signal: controller.signal });
    } finally {
      this.running.delete(key);
    }
  }

  /** Cancels a running import of this client; true when there was one. */
  cancel(clientKey: string, jobId: string): boolean {
    const controller = this.running.get(`${clientKey}\n${jobId}`);
    controller?.abort();
    return controller !== undefined;
  }

  async run(file: string, fileName: string, options: RegisterImportOptions, actor: Actor, hooks: RegisterImportHooks = {}): Promise<Result<RegisterImportReport>> {
    const job = hooks.job ?? silentJob;
    this.rollBackInterrupted();
    let fileTime: string;
    let format: 'csv' | 'fhir';
    try {
      fileTime = (await fs.promises.stat(file)).mtime.toISOString();
      format = await sniffFormat(file);
    } catch {
      return fail('not_found', 'The file cannot be opened.');
    }
    const clinic = this.settings.clinic();
    const check = { dateOrder: options.dateOrder ?? clinic.dateOrder, nationalNumberFormat: clinic.nationalNumberFormat, today: isoDateOf(this.clock.now()) };
    const events: AsyncIterable<RegisterReadEvent | FhirRegisterEvent> =
      format === 'csv'
        ? readRegisterCsv(file, { ...check, ...(options.columns ? { columns: options.columns } : {}), ...(hooks.signal ? { signal: hooks.signal } : {}), progressEvery: 1000 })
        : readRegisterFhir(file, { ...check, clinicIdentifierSystem: defaultClinicIdentifierSystem(installationId(this.store, this.clock)), ...(hooks.signal ? { signal: hooks.signal } : {}) });

    const report: RegisterImportReport = {
      fileName: path.basename(fileName),
      format,
      encoding: null,
      delimiter: null,
      headers: [],
      mapping: {},
      unmatched: [],
      rows: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      older: 0,
      declined: 0,
      refused: 0,
      preview: [],
      refusedRows: [],
      merges: [],
      mergeCount: 0,
      dryRun: options.dryRun,
      batchId: null,
      failed: null,
    };
    const refuse = (refused: RefusedImport): void => {
      report.refused += 1;
      if (report.refusedRows.length < reportLimits.refused) report.refusedRows.push(refused);
      hooks.onRefused?.(refused);
    };
    const now = this.clock.now().toISOString();
    const batchId = options.dryRun ? null : this.store.importBatches.start({ startedAt: now, actor: actor.name, fileName: report.fileName, format });
    if (batchId !== null) this.activeBatches.add(batchId);
    job.step(options.dryRun ? 'Checking the register' : 'Importing the register', null);

    let pending: ImportedPatient[] = [];
    const flush = (): void => {
      const rows = pending;
      pending = [];
      if (rows.length === 0) return;
      writeTransaction(this.store.db, () => {
        for (const row of rows) this.importRow(row, options, fileTime, now, batchId, report, refuse);
        return ok(null);
      });
    };

    try {
      for await (const event of events as AsyncIterable<ImportEvent>) {
        switch (event.kind) {
          case 'start':
            describeStart(event as Extract<RegisterReadEvent | FhirRegisterEvent, { kind: 'start' }>, report);
            break;
          case 'patient':
            pending.push(event.row);
            if (pending.length >= chunkRows) {
              flush();
              await yieldToOthers();
            }
            break;
          case 'refused':
            refuse(event.refused);
            break;
          case 'progress':
            job.step(options.dryRun ? 'Checking the register' : 'Importing the register', event.totalBytes);
            job.advance(event.bytesRead);
            break;
          case 'done':
            flush();
            report.rows = event.rows;
            break;
          case 'failed':
            report.failed = { message: event.message, at: event.at };
            break;
          default:
            return assertNever(event, 'import event');
        }
        if (hooks.signal?.aborted && report.failed === null) {
          report.failed = { message: 'The import was cancelled; nothing from the file was kept.', at: null };
        }
        if (report.failed) break;
      }
    } catch (error) {
      report.failed = { message: `The import stopped: ${error instanceof Error ? error.message : String(error)}. Nothing from the file was kept.`, at: null };
    }

    if (batchId !== null) {
      this.activeBatches.delete(batchId);
      if (report.failed) {
        this.rollBack(batchId);
        this.store.audit.append({ at: now, actor: actor.name, action: 'patient.import.rolled-back', entity: 'import_batch', entityId: String(batchId), details: { reason: report.failed.message } });
        report.created = 0;
        report.updated = 0;
      } else {
        report.batchId = batchId;
        writeTransaction(this.store.db, () => {
          this.store.importBatches.finish({
            id: batchId,
            rows: report.rows,
            created: report.created,
            updated: report.updated,
            unchanged: report.unchanged + report.older + report.declined,
            refused: report.refused,
            finishedAt: this.clock.now().toISOString(),
          });
          this.store.audit.append({
            at: now,
            actor: actor.name,
            action: 'patient.import',
            entity: 'import_batch',
            entityId: String(batchId),
            details: { file: report.fileName, format, rows: report.rows, created: report.created, updated: report.updated, refused: report.refused },
          });
          return ok(null);
        });
      }
    }
    job.finish();
    return ok(report);
  }

  /** The last finished import, for "Undo the last import". */
  lastImport(): ImportBatch | null {
    this.rollBackInterrupted();
    return this.store.importBatches.latest();
  }

  /**
   * Undoes a whole import: patients it created are removed, patients it updated get their record
   * back as it was. Refused (nothing changes) when it is not the last import, when a patient it
   * created has screenings or contacts since, or when someone edited one of its patients since.
   */
  undo(batchId: number, actor: Actor): Result<UndoImportOutcome> {
    const now = this.clock.now().toISOString();
    return writeTransaction(this.store.db, () => {
      const latest = this.store.importBatches.latest();
      if (!latest || latest.id !== batchId) return fail('conflict', 'Only the last import can be undone.');
      if (latest.undoneAt !== null) return fail('conflict', 'This import has already been undone.');
      const changes = this.store.importBatches.changes(batchId);
      const blocked: string[] = [];
      for (const change of changes) {
        const patient = this.store.patients.findById(change.patient_id);
        if (!patient) continue;
        const edited = patient.updatedAt !== change.after_updated_at;
        const hasRecords = change.change === 'created' && this.store.importBatches.hasRecords(change.patient_id);
        if (edited || hasRecords) blocked.push(`${displayName(patient)} (${patient.clinicIdentifier}): ${hasRecords ? 'has screenings or contacts recorded since' : 'edited since the import'}`);
      }
      if (blocked.length > 0) {
        const shown = blocked.slice(0, 5).join('; ');
        const more = blocked.length > 5 ? ` and ${blocked.length - 5} more` : '';
        return fail('conflict', `The import cannot be undone without losing later work: ${shown}${more}.`);
      }
      const { removed, restored } = this.revert(changes);
      this.store.importBatches.markUndone(batchId, now, actor.name);
      this.store.audit.append({ at: now, actor: actor.name, action: 'patient.import.undo', entity: 'import_batch', entityId: String(batchId), details: { removed, restored } });
      return ok({ batchId, removed, restored });
    });
  }

  /** An import the app stopped in the middle of (closed, crashed) is rolled back before anything else. */
  private rollBackInterrupted(): void {
    for (const id of this.store.importBatches.unfinished()) {
      if (!this.activeBatches.has(id)) this.rollBack(id);
    }
  }

  private rollBack(batchId: number): void {
    writeTransaction(this.store.db, () => {
      this.revert(this.store.importBatches.changes(batchId));
      this.store.importBatches.forget(batchId);
      return ok(null);
    });
  }

  private revert(changes: ReturnType<Store['importBatches']['changes']>): { removed: number; restored: number } {
    let removed = 0;
    let restored = 0;
    for (const change of changes) {
      if (change.change === 'created') {
        this.store.importBatches.removeImportedPatient(change.patient_id);
        removed += 1;
      } else if (change.before_json !== null) {
        const before = JSON.parse(change.before_json) as Patient;
        this.store.patients.update(change.patient_id, before, before.updatedAt);
        this.store.importBatches.setUpdatedAt(change.patient_id, before.updatedAt);
        restored += 1;
      }
    }
    return { removed, restored };
  }

  /** Matches, checks and (unless a dry run) stores one candidate row; inside the chunk's transaction. */
  private importRow(
    row: ImportedPatient,
    options: RegisterImportOptions,
    fileTime: string,
    now: string,
    batchId: number | null,
    report: RegisterImportReport,
    refuse: (refused: RefusedImport) => void,
  ): void {
    const label = `${row.patient.familyName.toUpperCase()}, ${row.patient.givenNames}`;
    const classified = this.classify(row, options, fileTime);
    if ('reasons' in classified) {
      refuse({ at: row.at, where: row.where, reasons: classified.reasons, label });
      return;
    }
    const { action, input, existing, merge } = classified;
    if (merge) {
      report.mergeCount += 1;
      if (report.merges.length < reportLimits.merges) report.merges.push(merge);
    }
    if (batchId !== null && (action === 'create' || action === 'update')) {
      try {
        if (action === 'create') {
          const id = this.store.patients.insert(input, now);
          this.store.importBatches.recordChange({ batchId, patientId: id, change: 'created', beforeJson: null, afterUpdatedAt: now });
        } else if (existing) {
          this.store.patients.update(existing.id, input, now);
          this.store.importBatches.recordChange({ batchId, patientId: existing.id, change: 'updated', beforeJson: JSON.stringify(existing), afterUpdatedAt: now });
        }
      } catch (error) {
        // A clinic identifier made from the national number may clash with another row's own identifier.
        if (error instanceof Error && /UNIQUE/.test(error.message)) {
          refuse({ at: row.at, where: row.where, reasons: [`Clinic identifier ${input.clinicIdentifier} is already used by another patient`], label });
          return;
        }
        throw error;
      }
    }
    switch (action) {
      case 'create':
        report.created += 1;
        break;
      case 'update':
        report.updated += 1;
        break;
      case 'unchanged':
        report.unchanged += 1;
        break;
      case 'older':
        report.older += 1;
        break;
      case 'declined':
        report.declined += 1;
        break;
      default:
        assertNever(action, 'import action');
    }
    if (report.preview.length < reportLimits.preview) {
      const record: ImportPreviewRow['record'] = {};
      for (const field of registerRecordFields) record[field] = input[field];
      report.preview.push({ at: row.at, where: row.where, action, record });
    }
  }

  private classify(row: ImportedPatient, options: RegisterImportOptions, fileTime: string): Classified | { reasons: string[] } {
    const match = matchRegisterPatient(this.store, row.patient);
    switch (match.kind) {
      case 'refused':
        return { reasons: match.reasons };
      case 'new':
        return { action: 'create', input: match.input, existing: null, merge: null };
      case 'existing':
        break;
      default:
        return assertNever(match, 'register match');
    }
    const { existing, input, changes } = match;
    if (changes.length === 0) return { action: 'unchanged', input, existing, merge: null };
    const fileUpdated = row.lastUpdated ?? fileTime;
    const newer = fileUpdated > existing.updatedAt;
    const action: ImportAction = !newer ? 'older' : options.applyUpdates ? 'update' : 'declined';
    const merge: MergePreview = {
      at: row.at,
      where: row.where,
      patientId: existing.id,
      label: `${displayName(existing)} (${existing.clinicIdentifier})`,
      newer,
      fileUpdated: row.lastUpdated,
      recordUpdated: existing.updatedAt,
      changes: changes.map((c) => ({ ...c, label: registerRecordFieldLabels[c.field] })),
    };
    return { action, input: action === 'update' ? input : existing, existing, merge };
  }
}


function describeStart(event: Extract<RegisterReadEvent | FhirRegisterEvent, { kind: 'start' }>, report: RegisterImportReport): void {
  if ('headers' in event) {
    report.encoding = event.encodingLabel;
    report.delimiter = event.delimiter;
    report.headers = event.headers;
    report.mapping = { ...event.mapping } as Record<string, number>;
    report.unmatched = event.unmatched;
  }
}

/** FHIR (a JSON Bundle or NDJSON) starts with `{` after any BOM and white space; anything else is read as CSV. */
async function sniffFormat(file: string): Promise<'csv' | 'fhir'> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart();
    return text.startsWith('{') ? 'fhir' : 'csv';
  } finally {
    await handle.close();
  }
}
