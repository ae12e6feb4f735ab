import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { FindingsTable } from '../FindingsTable';
import { summariseFindings } from '../findingsSummary';
import type { StepProps } from './stepProps';

interface ReviewProps extends StepProps {
  signerName: string;
  onSign: () => void;
  onDiscard: () => void;
  onJump: (path: string) => void;
  amendmentReason: string | null;
}

/** Everything recorded, in words, before signing in the nurse's own name. */
export function ReviewStep({ state, assessment, signerName, onSign, onDiscard, onJump, amendmentReason }: ReviewProps): React.JSX.Element {
  const lines = summariseFindings(state.findings, assessment);
  const incomplete = assessment.iwgdf2023.category === 'incomplete' || assessment.nice.category === 'incomplete';
  return (
    <Stack spacing={2}>
      {amendmentReason ? <Alert severity="info">Amendment: {amendmentReason}</Alert> : null}
      {/* Signing first: in view without scrolling; what was recorded follows. */}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <Button variant="contained" size="large" onClick={onSign}>
          Sign as {signerName} (S)
        </Button>
        <Button color="warning" onClick={onDiscard}>
          Discard this draft…
        </Button>
        <Typography variant="body2" color="text.secondary">
          A signed exam cannot be changed; a correction is made as an amendment with a reason.
        </Typography>
      </Box>
      <FindingsTable lines={lines} onJump={onJump} label="What was recorded" />
      {incomplete ? (
        <Alert severity="warning">
          The risk category is incomplete: some findings that could change it are not recorded (see “Still to record” beside the result). You can still sign;
          the record and the report will say the result is incomplete.
        </Alert>
      ) : null}
    </Stack>
  );
}
