import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import type { RedFlags, Side, Symptoms } from '#shared/domain/findings';
import { examinedSides, updateFindings, updateFoot } from '../model/screeningState';
import { Choice, toYesNo, yesNo } from './controls';
import type { StepProps } from './stepProps';

const redFlagItems: { key: keyof RedFlags; label: string; hint: string }[] = [
  { key: 'suddenOnset', label: 'Numbness or pain came on suddenly', hint: 'Over days or weeks rather than years' },
  { key: 'rapidSpread', label: 'Spreading or getting worse quickly', hint: 'Think of an acute inflammatory neuropathy' },
  { key: 'markedAsymmetry', label: 'One side much worse than the other', hint: 'Entrapment, radiculopathy, vasculitis' },
  { key: 'motorWeakness', label: 'Weakness or foot drop', hint: 'Weakness is not typical of diabetic neuropathy' },
  { key: 'weightLoss', label: 'Unexplained weight loss', hint: 'Malignancy, vasculitis' },
];

/** Symptoms and the red flags of an atypical neuropathy, with the engine's "other causes" prompt. */
export function SymptomsStep({ state, update, assessment }: StepProps): React.JSX.Element {
  const symptoms: Symptoms = state.findings.symptoms ?? {};
  const flags: RedFlags = state.findings.redFlags ?? {};
  const setSymptom = (change: Partial<Symptoms>): void => update((s) => updateFindings(s, (f) => ({ ...f, symptoms: { ...f.symptoms, ...change } })));
  const setFlag = (change: Partial<RedFlags>): void => update((s) => updateFindings(s, (f) => ({ ...f, redFlags: { ...f.redFlags, ...change } })));
  const sore = (side: Side): void => update((s) => updateFoot(s, side, (foot) => ({ ...foot, skin: { ...foot.skin, activeUlcer: true } })));
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        Press N if the patient has none of these symptoms and none of the red flags.
      </Typography>
      <Paper variant="outlined" sx={{ p: 1.5, containerType: 'inline-size' }}>
        <Typography variant="subtitle2" component="h3">
          Symptoms
        </Typography>
        <Choice label="Burning, tingling, numbness or shooting pain in the feet" finding="symptoms.neuropathic" value={toYesNo(symptoms.neuropathic)} options={yesNo} onChange={(v) => setSymptom({ neuropathic: v === 'yes' })} />
        <Choice label="Calf pain on walking that eases with rest (claudication)" finding="symptoms.claudication" value={toYesNo(symptoms.claudication)} options={yesNo} onChange={(v) => setSymptom({ claudication: v === 'yes' })} />
        <Choice label="Pain in the foot at rest, worse lying down" finding="symptoms.restPain" value={toYesNo(symptoms.restPain)} options={yesNo} onChange={(v) => setSymptom({ restPain: v === 'yes' })} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 1.5, containerType: 'inline-size' }}>
        <Typography variant="subtitle2" component="h3">
          Red flags
        </Typography>
        {redFlagItems.map((item) => (
          <Choice key={item.key} label={item.label} hint={item.hint} finding={`redFlags.${item.key}`} value={toYesNo(flags[item.key])} options={yesNo} onChange={(v) => setFlag({ [item.key]: v === 'yes' })} />
        ))}
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2">A sore that will not heal is an active ulcer: record it on the foot.</Typography>
          <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
            {examinedSides(state.findings).map((side) => (
              <Choice
                key={side}
                label={`Sore that will not heal, ${side} foot`}
                value={state.findings.feet[side].skin?.activeUlcer ? 'yes' : undefined}
                options={[{ value: 'yes', label: 'Record as active ulcer' }]}
                onChange={() => sore(side)}
              />
            ))}
          </Stack>
        </Box>
      </Paper>
      {assessment.otherCausesToConsider.length > 0 ? (
        <Alert severity="info">
          <strong>Other causes to consider:</strong>{' '}
          {assessment.otherCausesToConsider.map((c) => `${c.cause} (${c.why})`).join('; ')}.
        </Alert>
      ) : null}
    </Stack>
  );
}
