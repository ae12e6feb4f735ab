import type { Db } from '../types';

/** Where an imported screening version came from (exam_origin). */
export interface ExamOrigin {
  examId: number;
  seriesSystem: string;
  seriesValue: string;
  version: number;
  signerSystem: string | null;
  signerValue: string;
  signerName: string;
  signerRole: string;
  importedAt: string;
  importedBy: string;
  source: string;
}

interface OriginRow {
  exam_id: number;
  series_system: string;
  series_value: string;
  version: number;
  signer_system: string | null;
  signer_value: string;
  signer_name: string;
  signer_role: string;
  imported_at: string;
  imported_by: string;
  source: string;
}

const toOrigin = (r: OriginRow): ExamOrigin => ({
  examId: r.exam_id,
  seriesSystem: r.series_system,
  seriesValue: r.series_value,
  version: r.version,
  signerSystem: r.signer_system,
  signerValue: r.signer_value,
  signerName: r.signer_name,
  signerRole: r.signer_role,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  source: r.source,
});

/** Raw SQL, prepared once: the origin of screenings imported from FHIR, and the series they extend. */
export class ExamOriginRepository {
  private readonly ofExamStmt;
  private readonly versionStmt;
  private readonly seriesStmt;
  private readonly insertStmt;
  private readonly localVersionStmt;
  private readonly settleSeriesStmt;

  constructor(db: Db) {
    this.ofExamStmt = db.prepare<[number], OriginRow>('SELECT * FROM exam_origin WHERE exam_id = ?');
    this.versionStmt = db.prepare<[string, number], { exam_id: number }>('SELECT exam_id FROM exam_origin WHERE series_value = ? AND version = ?');
    this.seriesStmt = db.prepare<[string], { series_id: number; patient_id: number }>(
      'SELECT e.series_id, e.patient_id FROM exam_origin o JOIN exam e ON e.id = o.exam_id WHERE o.series_value = ? LIMIT 1',
    );
    this.insertStmt = db.prepare<[OriginRow]>(
      `INSERT INTO exam_origin (exam_id, series_system, series_value, version, signer_system, signer_value, signer_name, signer_role,
         imported_at, imported_by, source)
       VALUES (@exam_id, @series_system, @series_value, @version, @signer_system, @signer_value, @signer_name, @signer_role,
         @imported_at, @imported_by, @source)`,
    );
    this.localVersionStmt = db.prepare<[number, number], { id: number }>(
      "SELECT id FROM exam WHERE series_id = ? AND version = ? AND state IN ('signed', 'superseded')",
    );
    // Only the highest signed version of a series is current: versions may arrive in any order.
    this.settleSeriesStmt = db.prepare<[{ seriesId: number; now: string }]>(
      `UPDATE exam SET state = 'superseded', updated_at = @now
       WHERE series_id = @seriesId AND state = 'signed'
         AND version < (SELECT MAX(version) FROM exam WHERE series_id = @seriesId AND state IN ('signed', 'superseded'))`,
    );
  }

  ofExam(examId: number): ExamOrigin | null {
    const row = this.ofExamStmt.get(examId);
    return row ? toOrigin(row) : null;
  }

  /** The exam already imported for this series value and version, if any. */
  importedVersion(seriesValue: string, version: number): number | null {
    return this.versionStmt.get(seriesValue, version)?.exam_id ?? null;
  }

  /** The local series (and its patient) that earlier imports of this series value went into. */
  importedSeries(seriesValue: string): { seriesId: number; patientId: number } | null {
    const row = this.seriesStmt.get(seriesValue);
    return row ? { seriesId: row.series_id, patientId: row.patient_id } : null;
  }

  /** A signed version of a series made in this database (a screening exported from here and brought back). */
  localVersion(seriesId: number, version: number): number | null {
    return this.localVersionStmt.get(seriesId, version)?.id ?? null;
  }

  insert(origin: ExamOrigin): void {
    this.insertStmt.run({
      exam_id: origin.examId,
      series_system: origin.seriesSystem,
      series_value: origin.seriesValue,
      version: origin.version,
      signer_system: origin.signerSystem,
      signer_value: origin.signerValue,
      signer_name: origin.signerName,
      signer_role: origin.signerRole,
      imported_at: origin.importedAt,
      imported_by: origin.importedBy,
      source: origin.source,
    });
  }

  /** Leaves only the highest version of the series signed; earlier ones superseded. */
  settleSeries(seriesId: number, now: string): void {
    this.settleSeriesStmt.run({ seriesId, now });
  }
}
