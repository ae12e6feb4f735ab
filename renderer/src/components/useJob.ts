import { useCallback, useState } from 'react';
import type { JobProgress } from '#shared/domain/recall';
import type { Result } from '#shared/ipc/result';
import { api } from '../api/api';

const pollMs = 300;

/**
 * Runs a long operation (CSV export, a batch of letters) under a job id this page chooses, and
 * asks the application how far it has got while the operation's own request is still open.
 */
export function useJob(): { progress: JobProgress | null; running: boolean; run: <T>(start: (jobId: string) => Promise<Result<T>>) => Promise<Result<T>> } {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [running, setRunning] = useState(false);

  const run = useCallback(async <T,>(start: (jobId: string) => Promise<Result<T>>): Promise<Result<T>> => {
    setRunning(true);
    setProgress(null);
    const jobId = crypto.randomUUID();
    let finished = false;
    const poll = async (): Promise<void> => {
      while (!finished) {
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        if (finished) return;
        const r = await api().getJobProgress({ jobId });
        if (!finished && r.ok && r.value) setProgress(r.value);
      }
    };
    void poll();
    try {
      return await start(jobId);
    } finally {
      finished = true;
      setRunning(false);
      setProgress(null);
    }
  }, []);

  return { progress, running, run };
}

/** "Writing examinations: 12,000 of 59,450" for people and screen readers. */
export function progressWords(progress: JobProgress | null, starting: string): string {
  if (!progress) return starting;
  const n = new Intl.NumberFormat();
  if (progress.total === null) return `${progress.step}…`;
  if (progress.done === 0 && progress.step === 'Making the PDF') return `${progress.step} (${n.format(progress.total)} pages)…`;
  return `${progress.step}: ${n.format(progress.done)} of ${n.format(progress.total)}`;
}

/** 0-100 when the step has a total and has started, else null (an indeterminate bar). */
export function progressPercent(progress: JobProgress | null): number | null {
  if (!progress || progress.total === null || progress.total === 0 || progress.done === 0) return null;
  return Math.min(100, Math.round((100 * progress.done) / progress.total));
}
