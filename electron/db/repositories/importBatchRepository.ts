import type { ImportBatch } from '#shared/interop/registerImport';
import type { Db } from '../types';

interface BatchRow {
  id: number;
  started_at: string;
  finished_at: string | null;
  actor: string;
  file_name: string;
  rows: number;
  created: number;
  updated: number;
  refused: number;
  undone_at: string | null;
}

export interface BatchChangeRow {
  patient_id: number;
  change: 'created' | 'updated';
  before_json: string | null;
  after_updated_at: string;
}

export interface BatchCounts {
  id: number;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  finishedAt: string;
}

/**
 * Register import batches and what each changed (see migration 006). Also the two lookups an
 * import needs besides the patient repository's (a patient by national number however typed,
 * whether a patient has records of their own) and the removal of a patient an import created,
 * used only to undo that import.
 */
export class ImportBatchRepository {
  private readonly insertStmt;
  private readonly finishStmt;
  private readonly changeStmt;
  private readonly byIdStmt;
  private readonly latestStmt;
  private readonly unfinishedStmt;
  private readonly changesStmt;
  private readonly undoneStmt;
  private readonly forgetChangesStmt;
  private readonly forgetBatchStmt;
  private readonly byNationalNumberStmt;
  private readonly hasRecordsStmt;
  private readonly deleteTermsStmt;
  private readonly deletePatientStmt;
  private readonly setUpdatedAtStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[{ startedAt: string; actor: string; fileName: string; format: string }]>(
      'INSERT INTO import_batch (started_at, actor, file_name, source_format) VALUES (@startedAt, @actor, @fileName, @format)',
    );
    this.finishStmt = db.prepare<[BatchCounts]>(
      `UPDATE import_batch SET finished_at = @finishedAt, rows = @rows, created = @created, updated = @updated, unchanged = @unchanged, refused = @refused
       WHERE id = @id`,
    );
    this.changeStmt = db.prepare<[{ batchId: number; patientId: number; change: string; beforeJson: string | null; afterUpdatedAt: string }]>(
      `INSERT INTO import_batch_patient (batch_id, patient_id, change, before_json, after_updated_at)
       VALUES (@batchId, @patientId, @change, @beforeJson, @afterUpdatedAt)`,
    );
    const columns = 'id, started_at, finished_at, actor, file_name, rows, created, updated, refused, undone_at';
    this.byIdStmt = db.prepare<[number], BatchRow>(`SELECT ${columns} FROM import_batch WHERE id = ?`);
    this.latestStmt = db.prepare<[], BatchRow>(`SELECT ${columns} FROM import_batch WHERE finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`);
    this.unfinishedStmt = db.prepare<[], { id: number }>('SELECT id FROM import_batch WHERE finished_at IS NULL ORDER BY id');
    this.changesStmt = db.prepare<[number], BatchChangeRow>(
      'SELECT patient_id, change, before_json, after_updated_at FROM import_batch_patient WHERE batch_id = ? ORDER BY patient_id',
    );
    this.undoneStmt = db.prepare<[{ id: number; at: string; by: string }]>('UPDATE import_batch SET undone_at = @at, undone_by = @by WHERE id = @id');
    this.forgetChangesStmt = db.prepare<[number]>('DELETE FROM import_batch_patient WHERE batch_id = ?');
    this.forgetBatchStmt = db.prepare<[number]>('DELETE FROM import_batch WHERE id = ?');
    this.byNationalNumberStmt = db.prepare<[string], { id: number }>(
      `SELECT id FROM patient WHERE national_number IS NOT NULL AND upper(replace(replace(national_number, ' ', ''), '-', '')) = ? LIMIT 3`,
    );
    this.hasRecordsStmt = db.prepare<[{ id: number }], { n: number }>(
      `SELECT EXISTS (SELECT 1 FROM exam WHERE patient_id = @id) OR EXISTS (SELECT 1 FROM recall_contact WHERE patient_id = @id) AS n`,
    );
    this.deleteTermsStmt = db.prepare<[number]>('DELETE FROM patient_search_term WHERE patient_id = ?');
    this.deletePatientStmt = db.prepare<[number]>('DELETE FROM patient WHERE id = ?');
    this.setUpdatedAtStmt = db.prepare<[{ id: number; updatedAt: string }]>('UPDATE patient SET updated_at = @updatedAt WHERE id = @id');
  }

  start(batch: { startedAt: string; actor: string; fileName: string; format: 'csv' | 'fhir' }): number {
    return Number(this.insertStmt.run(batch).lastInsertRowid);
  }

  finish(counts: BatchCounts): void {
    this.finishStmt.run(counts);
  }

  recordChange(change: { batchId: number; patientId: number; change: 'created' | 'updated'; beforeJson: string | null; afterUpdatedAt: string }): void {
    this.changeStmt.run(change);
  }

  byId(id: number): ImportBatch | null {
    const row = this.byIdStmt.get(id);
    return row ? toBatch(row) : null;
  }

  /** The most recent finished import (undone or not). */
  latest(): ImportBatch | null {
    const row = this.latestStmt.get();
    return row ? toBatch(row) : null;
  }

  /** Imports that never finished: the app stopped in the middle of them. */
  unfinished(): number[] {
    return this.unfinishedStmt.all().map((r) => r.id);
  }

  changes(batchId: number): BatchChangeRow[] {
    return this.changesStmt.all(batchId);
  }

  markUndone(id: number, at: string, by: string): void {
    this.undoneStmt.run({ id, at, by });
  }

  /** Removes an interrupted or cancelled batch entirely once its changes are rolled back. */
  forget(id: number): void {
    this.forgetChangesStmt.run(id);
    this.forgetBatchStmt.run(id);
  }

  /** Patients holding this national number (normalised), at most three. */
  patientsWithNationalNumber(normalised: string): number[] {
    return this.byNationalNumberStmt.all(normalised).map((r) => r.id);
  }

  /** Whether the patient has screenings or recall contacts: then an import that created them cannot be undone. */
  hasRecords(patientId: number): boolean {
    return (this.hasRecordsStmt.get({ id: patientId })?.n ?? 0) !== 0;
  }

  /** Removes a patient an import created (undo only: the patient has no records of their own). */
  removeImportedPatient(patientId: number): void {
    this.deleteTermsStmt.run(patientId);
    this.deletePatientStmt.run(patientId);
  }

  /** Puts back the update time a record had before an import changed it. */
  setUpdatedAt(id: number, updatedAt: string): void {
    this.setUpdatedAtStmt.run({ id, updatedAt });
  }
}

function toBatch(row: BatchRow): ImportBatch {
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    actor: row.actor,
    fileName: row.file_name,
    rows: row.rows,
    created: row.created,
    updated: row.updated,
    refused: row.refused,
    undoneAt: row.undone_at,
  };
}
