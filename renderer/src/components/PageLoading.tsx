import { Box, CircularProgress, Typography } from '@mui/material';

/**
 * Shown while a screen's code loads on first use (usually a few milliseconds: it is read from
 * the app's own files). Announced politely to screen readers, with words next to the spinner.
 */
export function PageLoading({ what = 'this screen' }: { what?: string }): React.JSX.Element {
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, p: 2 }}>
      <CircularProgress size={20} aria-hidden />
      <Typography color="text.secondary">Loading {what}…</Typography>
    </Box>
  );
}
