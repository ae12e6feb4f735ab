import { AuditQueryRepository } from './repositories/auditQueryRepository';
import { AuditRepository } from './repositories/auditRepository';
import { DashboardRepository } from './repositories/dashboardRepository';
import { ExamOriginRepository } from './repositories/examOriginRepository';
import { ExamRepository } from './repositories/examRepository';
import { ExportRepository } from './repositories/exportRepository';
import { ImportBatchRepository } from './repositories/importBatchRepository';
import { OutboxRepository } from './repositories/outboxRepository';
import { PatientRepository } from './repositories/patientRepository';
import { RecallRepository } from './repositories/recallRepository';
import { SettingRepository } from './repositories/settingRepository';
import { UserRepository } from './repositories/userRepository';
import type { Db } from './types';

/**
 * One open database and its repositories. Each repository prepares its statements once, so the
 * composition root opens one store per database and every service reads and writes through it.
 */
export interface Store {
  db: Db;
  patients: PatientRepository;
  exams: ExamRepository;
  /** Where screenings imported from FHIR came from. */
  examOrigins: ExamOriginRepository;
  recall: RecallRepository;
  users: UserRepository;
  settings: SettingRepository;
  audit: AuditRepository;
  auditQueries: AuditQueryRepository;
  dashboard: DashboardRepository;
  exports: ExportRepository;
  importBatches: ImportBatchRepository;
  /** Signed screenings waiting for the clinic's FHIR server. */
  outbox: OutboxRepository;
}

/** `auditKey` seals the audit chain (HMAC); null only for databases opened without a clinic key. */
export function openStore(db: Db, auditKey: Buffer | null = null): Store {
  return {
    db,
    patients: new PatientRepository(db),
    exams: new ExamRepository(db),
    examOrigins: new ExamOriginRepository(db),
    recall: new RecallRepository(db),
    users: new UserRepository(db),
    settings: new SettingRepository(db),
    audit: new AuditRepository(db, auditKey),
    auditQueries: new AuditQueryRepository(db),
    dashboard: new DashboardRepository(db),
    exports: new ExportRepository(db),
    importBatches: new ImportBatchRepository(db),
    outbox: new OutboxRepository(db),
  };
}
