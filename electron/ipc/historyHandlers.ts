import { fail, ok, type Result } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import { CsvExportService } from '../services/export/csvExport';
import { JobProgressRegistry, type JobReporter } from '../services/jobs/jobProgress';
import { DashboardService } from '../services/recall/dashboardService';
import { LettersService } from '../services/recall/lettersService';
import { RecallService } from '../services/recall/recallService';
import type { HandlerContext, Handlers } from './handlers';

type HistoryOperation =
  | 'getPatientRecall'
  | 'recordContact'
  | 'listWorklist'
  | 'printInvitationLetters'
  | 'getJobProgress'
  | 'getDashboard'
  | 'exportCsv'
  | 'getRecallSettings'
  | 'updateRecallSettings';

/**
 * The handlers of issue 7, spread into the handler table. The services are built here from the
 * ones the app already has, so AppServices does not change; a restore rebuilds them with it.
 */
export function createHistoryHandlers(services: AppServices): Pick<Handlers, HistoryOperation> {
  const { db, clock, settings, files } = services;
  const recall = new RecallService(db, clock, settings);
  const dashboard = new DashboardService(db, clock, settings);
  const letters = new LettersService({ db, clock, settings, recall, files });
  const exporter = new CsvExportService({ db, clock, files });
  const jobs = new JobProgressRegistry();

  /** Runs a long job under the page's job id, so getJobProgress can follow it; always finishes it. */
  async function asJob<T>(c: HandlerContext, jobId: string, work: (job: JobReporter) => Promise<Result<T>>): Promise<Result<T>> {
    const job = jobs.start(c.clientKey, jobId, 'Starting', null);
    if (!job) return fail('conflict', 'That job is already running.');
    try {
      return await work(job);
    } finally {
      job.finish();
    }
  }

  return {
    getPatientRecall: (r) => recall.forPatient(r.patientId),
    recordContact: (r, c) => recall.recordContact(r, c.actor),
    listWorklist: (r) => recall.worklist(r),
    printInvitationLetters: (r, c) => asJob(c, r.jobId, (job) => letters.print(r, c.actor, job)),
    getJobProgress: (r, c) => ok(jobs.get(c.clientKey, r.jobId)),
    getDashboard: (r) => dashboard.figures(r),
    exportCsv: (r, c) => asJob(c, r.jobId, (job) => exporter.export(r, c.actor, job)),
    getRecallSettings: () => ok(settings.recall()),
    updateRecallSettings: (r, c) => settings.updateRecall(r, c.actor),
  };
}
