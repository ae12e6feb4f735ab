import type { Db } from '../db/types';
import { AuditLogService } from './audit/auditLogService';
import { AuthService } from './auth/authService';
import { ExamService } from './exams/examService';
import type { BackupOperations } from './backup/backupManager';
import type { Clock } from './clock';
import type { FileSink } from './files/fileSink';
import { PatientService } from './patients/patientService';
import { SettingsService } from './settings/settingsService';

/** Everything the operations need, built once per open database. */
export interface AppServices {
  db: Db;
  clock: Clock;
  patients: PatientService;
  settings: SettingsService;
  auth: AuthService;
  exams: ExamService;
  files: FileSink;
  auditLog: AuditLogService;
  /** Lives as long as the application, across restores (which replace everything else here). */
  backups: BackupOperations;
  info: { name: string; version: string; dataFile: string; shell: 'desktop' | 'browser'; schemaVersion: number };
}

export function createAppServices(db: Db, clock: Clock, files: FileSink, info: AppServices['info'], backups: BackupOperations): AppServices {
  const settings = new SettingsService(db, clock);
  return {
    db,
    clock,
    files,
    patients: new PatientService(db, clock),
    settings,
    auth: new AuthService(db, clock, settings),
    exams: new ExamService(db, clock, settings),
    auditLog: new AuditLogService(db),
    backups,
    info,
  };
}
