import { Alert, Box, Button, Checkbox, FormControlLabel, FormGroup, Paper, Stack, TextField, Typography } from '@mui/material';
import type { Outcome } from '#shared/domain/findings';
import { updateFindings } from '../model/screeningState';
import { FindingsTable } from '../FindingsTable';
import { summariseFindings } from '../findingsSummary';
import type { StepProps } from './stepProps';

interface ReviewProps extends StepProps {
  signerName: string;
  onSign: () => void;
  onDiscard: () => void;
  onJump: (path: string) => void;
  amendmentReason: string | null;
  /** Answers offered from the last screening and neither confirmed nor changed. */
  unconfirmed: number;
}

/** Everything recorded, in words, before signing in the nurse's own name. */
export function ReviewStep({ state, update, assessment, signerName, onSign, onDiscard, onJump, amendmentReason, unconfirmed }: ReviewProps): React.JSX.Element {
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
      {unconfirmed > 0 ? (
        <Alert severity="info">
          {unconfirmed === 1 ? 'One answer' : `${unconfirmed} answers`} from the last screening {unconfirmed === 1 ? 'was' : 'were'} not confirmed and
          {unconfirmed === 1 ? ' is' : ' are'} not recorded in this one (History step).
        </Alert>
      ) : null}
      {incomplete ? (
        <Alert severity="warning">
          The risk category is incomplete: some findings that could change it are not recorded (see “Still to record” beside the result). You can still sign;
          the record and the report will say the result is incomplete.
        </Alert>
      ) : null}
      <OutcomeFields outcome={state.findings.outcome ?? {}} onChange={(outcome) => update((s) => updateFindings(s, (f) => ({ ...f, outcome })))} />
      <FindingsTable lines={lines} onJump={onJump} label="What was recorded" />
    </Stack>
  );
}

const educationItems: { key: 'educationVerbal' | 'leafletGiven' | 'emergencyContactsGiven'; label: string }[] = [
  { key: 'educationVerbal', label: 'Foot care advice given in words' },
  { key: 'leafletGiven', label: 'Leaflet given (for this risk, in the patient’s language where available)' },
  { key: 'emergencyContactsGiven', label: 'Told whom to call, and when to go to the emergency department' },
];

/** The outcome block of the paper form: what was done and said at this visit. */
function OutcomeFields({ outcome, onChange }: { outcome: Outcome; onChange: (outcome: Outcome) => void }): React.JSX.Element {
  const text = (key: 'comment' | 'actionTaken', value: string): void => {
    const { [key]: _old, ...rest } = outcome;
    onChange(value.trim() === '' ? rest : { ...outcome, [key]: value });
  };
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="section" aria-labelledby="outcome-title">
      <Typography id="outcome-title" variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        Outcome of this visit
      </Typography>
      <Stack spacing={1.5} sx={{ mt: 1 }}>
        <TextField
          label="Action taken and plan"
          multiline
          minRows={2}
          value={outcome.actionTaken ?? ''}
          onChange={(e) => text('actionTaken', e.target.value)}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
          helperText="e.g. “Callus debrided; referred to podiatry”"
        />
        <TextField
          label="Comment"
          multiline
          minRows={2}
          value={outcome.comment ?? ''}
          onChange={(e) => text('comment', e.target.value)}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
        <FormGroup aria-label="Education given">
          {educationItems.map((item) => (
            <FormControlLabel
              key={item.key}
              control={<Checkbox checked={outcome[item.key] === true} onChange={(e) => onChange({ ...outcome, [item.key]: e.target.checked })} />}
              label={item.label}
            />
          ))}
        </FormGroup>
      </Stack>
    </Paper>
  );
}
