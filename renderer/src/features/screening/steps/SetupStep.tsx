import { Alert, Checkbox, FormControl, FormControlLabel, FormLabel, Paper, Radio, RadioGroup, Stack, TextField, Typography } from '@mui/material';
import { siteProtocolIds, siteProtocols } from '#shared/clinical/protocols';
import { examStatuses, footStatuses, sides, type ExamStatus, type FootStatus } from '#shared/domain/findings';
import { canChangeProtocol, canUnchooseNeurology, chooseNeurology, chooseProtocol, neurologyChosen, protocolOf, setExamStatus, setFootStatus } from '../model/screeningState';
import { pendingItems, type Carried } from '../model/carryForward';
import { CarriedPanel } from './CarriedPanel';
import type { StepProps } from './stepProps';

const examStatusLabels: Record<ExamStatus, string> = {
  performed: 'Examination carried out',
  declined: 'Patient declined the examination',
  unsuitable: 'Examination not possible today (unsuitable)',
};

const footStatusLabels: Record<FootStatus, string> = {
  present: 'Present, examined',
  absent: 'Absent (major amputation or congenital)',
  declined: 'Patient declined for this foot',
  unsuitable: 'Cannot be examined (e.g. cast, dressing)',
};

const protocolHints: Record<string, string> = {
  'iwgdf-3': 'Hallux, 1st and 5th metatarsal heads on each foot; 2 touches + 1 sham at each site.',
  '10-site': 'Ten sites on each foot, for a detailed podiatry map.',
  ipswich: 'Touch the tips of the 1st, 3rd and 5th toes lightly with your finger, once each.',
};

/** Before starting: which sensory test, and whether the exam (and each foot) can be done. */
export function SetupStep({ state, update, carried = null }: StepProps & { carried?: Carried | null }): React.JSX.Element {
  const { findings } = state;
  const waiting = carried ? pendingItems(carried.items, findings).filter((item) => item.step === 'setup') : [];
  const protocol = protocolOf(state);
  const examStatus = findings.examStatus ?? 'performed';
  const locked = !canChangeProtocol(state);
  return (
    <Stack spacing={2}>
      {carried && waiting.length > 0 ? <CarriedPanel carried={carried} waiting={waiting} update={update} ownKeys /> : null}
      <FormControl>
        <FormLabel id="protocol-label">Sensory test</FormLabel>
        {locked ? <Alert severity="info">The test cannot change once answers have been recorded.</Alert> : null}
        <RadioGroup aria-labelledby="protocol-label" value={protocol} onChange={(e) => update((s) => chooseProtocol(s, e.target.value as typeof protocol))}>
          {siteProtocolIds.map((id) => (
            <FormControlLabel
              key={id}
              value={id}
              disabled={locked}
              control={<Radio />}
              label={
                <span>
                  {siteProtocols[id].title}
                  <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
                    {protocolHints[id]}
                  </Typography>
                </span>
              }
            />
          ))}
        </RadioGroup>
      </FormControl>
      <FormControl>
        <FormLabel id="extra-steps-label">Optional steps</FormLabel>
        <FormControlLabel
          control={
            <Checkbox
              checked={neurologyChosen(findings)}
              disabled={neurologyChosen(findings) && !canUnchooseNeurology(findings)}
              onChange={(e) => update((s) => chooseNeurology(s, e.target.checked))}
              slotProps={{ input: { 'aria-describedby': 'neurology-hint' } }}
            />
          }
          label="Extended neurological examination"
        />
        <Typography id="neurology-hint" variant="caption" color="text.secondary">
          Ankle reflexes, pin-prick and temperature on each foot, and the 15-question MNSI history questionnaire: for the MNSI and NDS
          neuropathy scores. Adds a “Neurology” step after Vibration.
          {neurologyChosen(findings) && !canUnchooseNeurology(findings) ? ' It cannot be removed once something is recorded in it.' : ''}
        </Typography>
      </FormControl>
      <FormControl>
        <FormLabel id="exam-status-label">Examination</FormLabel>
        <RadioGroup
          aria-labelledby="exam-status-label"
          value={examStatus}
          onChange={(e) => update((s) => setExamStatus(s, e.target.value as ExamStatus, s.findings.examStatusReason ?? ''))}
        >
          {examStatuses.map((st) => (
            <FormControlLabel key={st} value={st} control={<Radio />} label={examStatusLabels[st]} />
          ))}
        </RadioGroup>
        {examStatus !== 'performed' ? (
          <TextField
            label="Reason"
            value={findings.examStatusReason ?? ''}
            onChange={(e) => update((s) => setExamStatus(s, examStatus, e.target.value))}
            helperText="Printed on the record, e.g. “Patient had to leave for another appointment”"
            sx={{ mt: 1 }}
          />
        ) : null}
      </FormControl>
      {examStatus === 'performed' ? (
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          {sides.map((side) => {
            const foot = findings.feet[side];
            const label = side === 'right' ? 'Right foot' : 'Left foot';
            return (
              <Paper key={side} variant="outlined" sx={{ p: 1.5, flex: 1, containerType: 'inline-size' }} data-finding={`feet.${side}.status`}>
                <FormControl>
                  <FormLabel id={`foot-${side}-label`}>{label}</FormLabel>
                  <RadioGroup
                    aria-labelledby={`foot-${side}-label`}
                    value={foot.status}
                    onChange={(e) => update((s) => setFootStatus(s, side, e.target.value as FootStatus, s.findings.feet[side].statusReason ?? ''))}
                  >
                    {footStatuses.map((st) => (
                      <FormControlLabel key={st} value={st} control={<Radio size="small" />} label={footStatusLabels[st]} />
                    ))}
                  </RadioGroup>
                  {foot.status !== 'present' ? (
                    <TextField
                      size="small"
                      label={`Reason (${label.toLowerCase()})`}
                      value={foot.statusReason ?? ''}
                      onChange={(e) => update((s) => setFootStatus(s, side, foot.status, e.target.value))}
                    />
                  ) : null}
                </FormControl>
              </Paper>
            );
          })}
        </Stack>
      ) : (
        <Alert severity="info">The foot examination steps are skipped. You can still record the history and symptoms, then sign.</Alert>
      )}
    </Stack>
  );
}
