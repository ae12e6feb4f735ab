import type { ExamDelivery } from '#shared/domain/fhirServer';
import type { Db } from '../types';

interface OutboxRow {
  exam_id: number;
  status: ExamDelivery['status'];
  attempts: number;
  queued_at: string;
  next_attempt_at: string;
  last_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  server_id: string | null;
}

function deliveryOf(r: OutboxRow): ExamDelivery {
  return {
    examId: r.exam_id,
    status: r.status,
    attempts: r.attempts,
    queuedAt: r.queued_at,
    nextAttemptAt: r.next_attempt_at,
    lastAttemptAt: r.last_attempt_at,
    lastError: r.last_error,
    sentAt: r.sent_at,
    serverId: r.server_id,
  };
}

/** The FHIR server outbox (see migration 008): one row per signed screening version to send. */
export class OutboxRepository {
  private readonly enqueueStmt;
  private readonly findStmt;
  private readonly dueStmt;
  private readonly nextDueStmt;
  private readonly claimStmt;
  private readonly sentStmt;
  private readonly retryStmt;
  private readonly failedStmt;
  private readonly requeueStmt;
  private readonly interruptedStmt;
  private readonly ofPatientStmt;

  constructor(db: Db) {
    this.enqueueStmt = db.prepare<[{ examId: number; now: string }]>(
      `INSERT INTO fhir_outbox (exam_id, status, queued_at, next_attempt_at) VALUES (@examId, 'queued', @now, @now)
       ON CONFLICT (exam_id) DO NOTHING`,
    );
    this.findStmt = db.prepare<[number], OutboxRow>('SELECT * FROM fhir_outbox WHERE exam_id = ?');
    this.dueStmt = db.prepare<[string, number], OutboxRow>(
      "SELECT * FROM fhir_outbox WHERE status = 'queued' AND next_attempt_at <= ? ORDER BY next_attempt_at, exam_id LIMIT ?",
    );
    this.nextDueStmt = db.prepare<[], { at: string | null }>("SELECT min(next_attempt_at) AS at FROM fhir_outbox WHERE status = 'queued'");
    this.claimStmt = db.prepare<[{ examId: number; now: string }]>(
      "UPDATE fhir_outbox SET status = 'sending', attempts = attempts + 1, last_attempt_at = @now WHERE exam_id = @examId AND status = 'queued'",
    );
    this.sentStmt = db.prepare<[{ examId: number; now: string; serverId: string | null }]>(
      "UPDATE fhir_outbox SET status = 'sent', sent_at = @now, server_id = @serverId, last_error = NULL WHERE exam_id = @examId",
    );
    this.retryStmt = db.prepare<[{ examId: number; next: string; error: string }]>(
      "UPDATE fhir_outbox SET status = 'queued', next_attempt_at = @next, last_error = @error WHERE exam_id = @examId",
    );
    this.failedStmt = db.prepare<[{ examId: number; error: string }]>("UPDATE fhir_outbox SET status = 'failed', last_error = @error WHERE exam_id = @examId");
    this.requeueStmt = db.prepare<[{ examId: number; now: string }]>(
      "UPDATE fhir_outbox SET status = 'queued', next_attempt_at = @now WHERE exam_id = @examId AND status IN ('failed', 'queued')",
    );
    this.interruptedStmt = db.prepare("UPDATE fhir_outbox SET status = 'queued' WHERE status = 'sending'");
    this.ofPatientStmt = db.prepare<[number], OutboxRow>(
      'SELECT o.* FROM fhir_outbox o JOIN exam e ON e.id = o.exam_id WHERE e.patient_id = ? ORDER BY o.exam_id',
    );
  }

  /** Called inside the signing transaction. A second signature of the same row is impossible; the guard keeps it harmless. */
  enqueue(examId: number, now: string): void {
    this.enqueueStmt.run({ examId, now });
  }

  find(examId: number): ExamDelivery | null {
    const row = this.findStmt.get(examId);
    return row ? deliveryOf(row) : null;
  }

  ofPatient(patientId: number): ExamDelivery[] {
    return this.ofPatientStmt.all(patientId).map(deliveryOf);
  }

  due(now: string, limit: number): ExamDelivery[] {
    return this.dueStmt.all(now, limit).map(deliveryOf);
  }

  /** When the earliest queued row is due, or null when nothing waits. */
  nextDueAt(): string | null {
    return this.nextDueStmt.get()?.at ?? null;
  }

  /** Marks the row as in flight; false when someone else took it (or it is no longer queued). */
  claim(examId: number, now: string): boolean {
    return this.claimStmt.run({ examId, now }).changes === 1;
  }

  markSent(examId: number, now: string, serverId: string | null): void {
    this.sentStmt.run({ examId, now, serverId });
  }

  retryLater(examId: number, next: string, error: string): void {
    this.retryStmt.run({ examId, next, error });
  }

  markFailed(examId: number, error: string): void {
    this.failedStmt.run({ examId, error });
  }

  /** "Retry now": a failed (or waiting) row becomes due at once. False when there is nothing to retry. */
  requeueNow(examId: number, now: string): boolean {
    return this.requeueStmt.run({ examId, now }).changes === 1;
  }

  /** At start: rows left `sending` by a crash or a closed app go back to the queue. */
  resumeInterrupted(): number {
    return this.interruptedStmt.run().changes;
  }
}
