import type { AppInfo } from '#shared/domain/appInfo';
import { openStore } from '../db/store';
import type { Db } from '../db/types';
import type { AppLogger } from '../log/logger';
import { AuditLogService } from './audit/auditLogService';
import type { ChainKeys } from './audit/verifyAuditChain';
import { AuthService } from './auth/authService';
import type { BackupOperations } from './backup/backupManager';
import type { Clock } from './clock';
import { DashboardService } from './dashboard/dashboardService';
import { ExamService } from './exams/examService';
import { CsvExportService } from './export/csvExport';
import type { FileSink } from './files/fileSink';
import { noFileSource, type FileSource } from './files/fileSource';
import { FhirExamImportService } from './interop/fhirExamImportService';
import { FhirExportService } from './interop/fhirExportService';
import { FhirPushService, type FhirPushTuning } from './interop/fhirPushService';
import { FhirPatientLookupService } from './interop/fhirPatientLookupService';
import { FhirServerSettingsService } from './interop/fhirServerSettings';
import { RegisterImportService } from './interop/registerImportService';
import { JobProgressRegistry } from './jobs/jobProgress';
import { PatientService } from './patients/patientService';
import { LettersService } from './recall/lettersService';
import { RecoverySheetService } from './backup/recoverySheetService';
import type { ClinicKey } from '../security/clinicKey';
import { RecallService } from './recall/recallService';
import { ReportService } from './reports/reportService';
import { SettingsService } from './settings/settingsService';

/** Everything the operations need, built once per open database (a restore builds them again). */
export interface AppServices {
  db: Db;
  clock: Clock;
  info: AppInfo;
  files: FileSink;
  /** Where files the user gives come from (a register to import). */
  sources: FileSource;
  settings: SettingsService;
  auth: AuthService;
  patients: PatientService;
  exams: ExamService;
  auditLog: AuditLogService;
  /** Lives as long as the application, across restores (which replace everything else here). */
  backups: BackupOperations;
  reports: ReportService;
  recall: RecallService;
  letters: LettersService;
  dashboard: DashboardService;
  csvExport: CsvExportService;
  /** Progress of the letters and exports running now; forgotten at a restore, like the sessions. */
  jobs: JobProgressRegistry;
  registerImport: RegisterImportService;
  fhirExport: FhirExportService;
  recoverySheet: RecoverySheetService;
  /** The clinic's FHIR server: address and sign-in (administrators), "Test connection". */
  fhirServer: FhirServerSettingsService;
  /** The background sender of signed screenings to that server; started and stopped by openApplication. */
  fhirPush: FhirPushService;
  fhirImport: FhirExamImportService;
  /** Finds a patient on the clinic's FHIR server by NHS number and brings the record in. */
  fhirLookup: FhirPatientLookupService;
}

export interface AppServicesOptions {
  db: Db;
  clock: Clock;
  info: AppInfo;
  /** Where produced files go: OS dialogs on the desktop, download links in the harness. */
  files: FileSink;
  /** Where files the user gives come from: the OS open dialog, or uploads to the harness. */
  sources?: FileSource;
  backups: BackupOperations;
  /** IANA zone for printed times; the computer's own by default. */
  timeZone?: string;
  /** Rows per page of a CSV export; tests that follow the progress use small pages. */
  exportPageSize?: number;
  /** Seals the audit chain (HMAC-SHA-256); kept outside the database with the clinic key. */
  auditKey?: Buffer;
  /** The audit key and the newest entry recorded outside the database, for Verify. */
  auditAnchor?: () => ChainKeys;
  /** The clinic key in use, for the recovery sheet. */
  clinicKey?: () => ClinicKey | null;
  /** The FHIR server sender's fetch, time-out and waits (tests shorten them). */
  fhirPush?: FhirPushTuning;
  /** For the background sender's warnings. */
  log?: AppLogger;
}

/**
 * The composition root: the one place where services are built and handed each other. The
 * desktop app, the loopback harness, the command-line tools, the tests and the bench all reach it
 * through `openApplication`.
 */
export function createAppServices(o: AppServicesOptions): AppServices {
  const { db, clock, files } = o;
  // Each repository prepares its statements once per database; every service shares them.
  const store = openStore(db, o.auditKey ?? null);
  const settings = new SettingsService(store, clock);
  const patients = new PatientService(store, clock, () => settings.clinic().nationalNumberFormat);
  const fhirServer = new FhirServerSettingsService(store, clock, { ...(o.fhirPush?.fetch ? { fetch: o.fhirPush.fetch } : {}), ...(o.fhirPush?.testTimeoutMs ? { timeoutMs: o.fhirPush.testTimeoutMs } : {}) });
  // Built after the exams (it sends their FHIR export), but the exams tell it about each signature.
  let fhirPush: FhirPushService | null = null;
  const exams = new ExamService(store, clock, settings, { sending: () => fhirServer.connection() !== null, queued: () => fhirPush?.kick() });
  const recall = new RecallService(store, clock, settings);
  const reports = new ReportService({ store, clock, exams, patients, settings, files, ...(o.timeZone ? { timeZone: o.timeZone } : {}) });
  const fhirExport = new FhirExportService({ store, clock, exams, reports, settings, files });
  fhirPush = new FhirPushService({
    store,
    clock,
    server: fhirServer,
    bundle: (examId) => fhirExport.bundle(examId),
    ...(o.log ? { log: o.log } : {}),
    ...(o.fhirPush ? { tuning: o.fhirPush } : {}),
  });
  return {
    db,
    clock,
    info: o.info,
    files,
    sources: o.sources ?? noFileSource,
    settings,
    auth: new AuthService(store, clock, settings),
    patients,
    exams,
    auditLog: new AuditLogService(store, o.auditAnchor),
    backups: o.backups,
    reports,
    recall,
    letters: new LettersService({ store, clock, settings, recall, files }),
    dashboard: new DashboardService(store, clock, settings),
    csvExport: new CsvExportService({ store, clock, files, ...(o.exportPageSize ? { pageSize: o.exportPageSize } : {}) }),
    jobs: new JobProgressRegistry(),
    registerImport: new RegisterImportService(store, clock, settings),
    recoverySheet: new RecoverySheetService({ store, clock, settings, files, clinicKey: o.clinicKey ?? (() => null) }),
    fhirExport,
    fhirServer,
    fhirPush,
    fhirImport: new FhirExamImportService(store, clock, settings),
    fhirLookup: new FhirPatientLookupService({
      store,
      clock,
      settings,
      patients,
      server: fhirServer,
      tuning: { ...(o.fhirPush?.fetch ? { fetch: o.fhirPush.fetch } : {}), ...(o.fhirPush?.lookupTimeoutMs ? { lookupTimeoutMs: o.fhirPush.lookupTimeoutMs } : {}) },
    }),
  };
}
