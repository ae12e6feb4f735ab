import type { JobProgress } from '#shared/domain/recall';
import { fail, type Result } from '#shared/ipc/result';

/**
 * Progress of long jobs (CSV export, a batch of invitation letters) for the page that started
 * them. The page picks the job id and asks `getJobProgress` while the job's own request is still
 * running; answers are per client, so one tab never sees another's jobs. Kept in memory only: a
 * job does not outlive the app, and a finished one is forgotten after a minute.
 */
export interface JobReporter {
  /** A new step ("Writing rows"), with its total when known; `done` starts again at 0. */
  step(step: string, total: number | null): void;
  /** How far the current step is. */
  advance(done: number): void;
  finish(): void;
}

interface Entry {
  progress: JobProgress;
  finishedAt: number | null;
}

const keepFinishedMs = 60_000;

export class JobProgressRegistry {
  private readonly jobs = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Null when this client already runs a job with that id. */
  start(clientKey: string, jobId: string, step: string, total: number | null): JobReporter | null {
    this.sweep();
    const key = `${clientKey}\n${jobId}`;
    if (this.jobs.has(key)) return null;
    const entry: Entry = { progress: { step, done: 0, total, finished: false }, finishedAt: null };
    this.jobs.set(key, entry);
    return {
      step: (next, nextTotal) => {
        entry.progress = { step: next, done: 0, total: nextTotal, finished: false };
      },
      advance: (done) => {
        entry.progress = { ...entry.progress, done };
      },
      finish: () => {
        entry.progress = { ...entry.progress, finished: true };
        entry.finishedAt = this.now();
      },
    };
  }

  /** Runs a long job under the page's job id, so `get` can follow it; always finishes it. */
  async run<T>(clientKey: string, jobId: string, work: (job: JobReporter) => Promise<Result<T>>): Promise<Result<T>> {
    const job = this.start(clientKey, jobId, 'Starting', null);
    if (!job) return fail('conflict', 'That job is already running.');
    try {
      return await work(job);
    } finally {
      job.finish();
    }
  }

  get(clientKey: string, jobId: string): JobProgress | null {
    this.sweep();
    return this.jobs.get(`${clientKey}\n${jobId}`)?.progress ?? null;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.jobs) {
      if (entry.finishedAt !== null && now - entry.finishedAt > keepFinishedMs) this.jobs.delete(key);
    }
  }
}

/** A reporter that reports nowhere (CLIs, tests that do not watch). */
export const silentJob: JobReporter = { step: () => {}, advance: () => {}, finish: () => {} };

/** Lets other requests (the progress polls among them) be answered between pages of work. */
export function yieldToOthers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
