import { Box, Paper, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { sideLabel } from '#shared/clinical/protocols';
import {
  amputationLevels,
  approximateDateSchema,
  selfCareAbilities,
  sides,
  smokingStatuses,
  ulcerSides,
  type History,
  type SelfCare,
} from '#shared/domain/findings';
import {
  amputationLabels,
  historyFlagLabels,
  pendingItems,
  selfCareFlagLabels,
  selfCareLabels,
  smokingLabels,
  ulcerSideLabels,
  withAmputation,
  type Carried,
} from '../model/carryForward';
import { updateFindings } from '../model/screeningState';
import { CarriedPanel } from './CarriedPanel';
import { Choice, toYesNo, yesNo } from './controls';
import type { StepProps } from './stepProps';

export type { Carried } from '../model/carryForward';

/**
 * Ulcer and amputation history, kidney disease and dialysis, vascular history, smoking,
 * metformin (for the B12 prompt) and what the patient can do for their own feet. Answers from the
 * last signed screening are offered at the top, each waiting for the nurse to confirm it.
 */
export function HistoryStep({ state, update, carried }: StepProps & { carried: Carried | null }): React.JSX.Element {
  const history: History = state.findings.history ?? {};
  const care: SelfCare = state.findings.selfCare ?? {};
  const set = (change: Partial<History>): void => update((s) => updateFindings(s, (f) => ({ ...f, history: { ...f.history, ...change } })));
  const setCare = (change: Partial<SelfCare>): void => update((s) => updateFindings(s, (f) => ({ ...f, selfCare: { ...f.selfCare, ...change } })));
  const waiting = carried ? pendingItems(carried.items, state.findings) : [];
  const flag = (key: 'endStageRenalDisease' | 'onDialysis' | 'kidneyTransplant' | 'onMetformin' | 'underVascularClinic' | 'previousVascularIntervention', hint?: string): React.JSX.Element => (
    <Choice label={historyFlagLabels[key]} finding={`history.${key}`} hint={hint} value={toYesNo(history[key])} options={yesNo} onChange={(v) => set({ [key]: v === 'yes' })} />
  );
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        Ask the patient and check the record. Press N if none of these apply{waiting.length > 0 ? ' (answers still to confirm are left as they are)' : ''}.
      </Typography>
      {carried && waiting.length > 0 ? <CarriedPanel carried={carried} waiting={waiting} update={update} /> : null}
      <Paper variant="outlined" sx={{ p: 1.5, containerType: 'inline-size' }}>
        <Choice label={historyFlagLabels.previousUlcer} finding="history.previousUlcer" value={toYesNo(history.previousUlcer)} options={yesNo} onChange={(v) => set({ previousUlcer: v === 'yes' })} />
        {history.previousUlcer ? (
          <Box sx={{ ml: 2 }}>
            <Choice
              label="Side of the previous ulcer"
              value={history.previousUlcerSide}
              options={ulcerSides.map((u) => ({ value: u, label: ulcerSideLabels[u] }))}
              onChange={(v) => set({ previousUlcerSide: v })}
            />
            <UlcerDateField value={history.previousUlcerDate} onChange={(previousUlcerDate) => update((s) => updateFindings(s, (f) => withUlcerDate(f, previousUlcerDate)))} />
          </Box>
        ) : null}
        {sides.map((side) => (
          <Choice
            key={side}
            label={`Amputation, ${sideLabel(side).toLowerCase()} side`}
            finding={`feet.${side}.previousAmputation`}
            value={state.findings.feet[side].previousAmputation}
            options={amputationLevels.map((l) => ({ value: l, label: amputationLabels[l] }))}
            onChange={(v) => update((s) => updateFindings(s, (f) => withAmputation(f, side, v)))}
          />
        ))}
        {flag('endStageRenalDisease', 'Chronic kidney disease stage 5')}
        {flag('onDialysis')}
        {flag('kidneyTransplant')}
        {flag('onMetformin', 'Long-term metformin can lower vitamin B12')}
        {flag('underVascularClinic', 'Seen by a vascular surgery or vascular medicine clinic now')}
        {flag('previousVascularIntervention', 'Bypass surgery or angioplasty/stent to the leg arteries')}
        <Choice
          label="Smoking"
          value={history.smoking}
          options={smokingStatuses.map((st) => ({ value: st, label: smokingLabels[st] }))}
          onChange={(v) => set({ smoking: v })}
        />
      </Paper>
      <Paper variant="outlined" sx={{ p: 1.5, containerType: 'inline-size' }} component="section" aria-labelledby="self-care-title">
        <Typography id="self-care-title" variant="subtitle2" component="h3">
          Looking after their own feet
        </Typography>
        <Choice
          label="Can look after own feet"
          hint="Washing, drying and checking the feet every day"
          value={care.ability}
          options={selfCareAbilities.map((a) => ({ value: a, label: selfCareLabels[a] }))}
          onChange={(v) => setCare({ ability: v })}
        />
        {(['canCutOwnNails', 'impairedVision', 'livesAlone'] as const).map((key) => (
          <Choice key={key} label={selfCareFlagLabels[key]} value={toYesNo(care[key])} options={yesNo} onChange={(v) => setCare({ [key]: v === 'yes' })} />
        ))}
      </Paper>
    </Stack>
  );
}

function withUlcerDate(f: StepProps['state']['findings'], date: string | null): StepProps['state']['findings'] {
  const { previousUlcerDate: _d, ...rest } = f.history ?? {};
  return { ...f, history: date === null ? rest : { ...rest, previousUlcerDate: date } };
}

/** A year, or a year and month; stored only when it reads as one. */
function UlcerDateField({ value, onChange }: { value: string | undefined; onChange: (date: string | null) => void }): React.JSX.Element {
  const [text, setText] = useState(value ?? '');
  const checked = approximateDateSchema.safeParse(text);
  const problem = text.trim() !== '' && !checked.success ? (checked.error.issues[0]?.message ?? 'Enter a year') : null;
  return (
    <TextField
      size="small"
      label="When (year, or year-month)"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = approximateDateSchema.safeParse(e.target.value);
        if (e.target.value.trim() === '') onChange(null);
        else if (parsed.success) onChange(parsed.data);
      }}
      error={problem !== null}
      helperText={problem ?? 'e.g. 2019 or 2019-05'}
      sx={{ my: 0.5 }}
    />
  );
}
