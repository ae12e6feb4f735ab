import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import type { JobProgress } from '#shared/domain/recall';
import { progressPercent, progressWords } from './useJob';

interface JobStatusProps {
  running: boolean;
  progress: JobProgress | null;
  /** What to say before the first progress arrives ("Starting the export…"). */
  starting: string;
  /** The progress bar's name for screen readers. */
  label: string;
  /** Why the job failed, if it did. */
  failed: string | null;
  minHeight: number;
}

/** A long job's progress in words and as a bar, announced politely; then its failure, if any. */
export function JobStatus({ running, progress, starting, label, failed, minHeight }: JobStatusProps): React.JSX.Element {
  const percent = progressPercent(progress);
  return (
    <>
      <Box role="status" aria-live="polite" sx={{ mt: 2, minHeight }}>
        {running ? (
          <>
            <Typography variant="body2">{progressWords(progress, starting)}</Typography>
            <LinearProgress variant={percent === null ? 'indeterminate' : 'determinate'} value={percent ?? undefined} aria-label={label} sx={{ mt: 1 }} />
          </>
        ) : null}
      </Box>
      {failed ? (
        <Alert severity="error" role="alert">
          {failed}
        </Alert>
      ) : null}
    </>
  );
}
