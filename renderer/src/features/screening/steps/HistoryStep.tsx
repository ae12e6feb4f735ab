import { Paper, Stack, Typography } from '@mui/material';
import { sideLabel } from '#shared/clinical/protocols';
import { amputationLevels, sides, type AmputationLevel, type Findings, type History } from '#shared/domain/findings';
import { updateFindings } from '../model/screeningState';
import { Choice, toYesNo, yesNo } from './controls';
import type { StepProps } from './stepProps';

const amputationLabels: Record<AmputationLevel, string> = { none: 'None', minor: 'Minor (toes, forefoot)', major: 'Major (above the ankle)' };
const order: Record<AmputationLevel, number> = { none: 0, minor: 1, major: 2 };

/** Per-side amputation, with the person-level value the engines read kept as the worse side. */
function withAmputation(findings: Findings, side: 'right' | 'left', level: AmputationLevel): Findings {
  const feet = { ...findings.feet, [side]: { ...findings.feet[side], previousAmputation: level } };
  const levels = sides.map((s) => feet[s].previousAmputation).filter((l): l is AmputationLevel => l !== undefined);
  const worst = levels.reduce<AmputationLevel>((a, b) => (order[b] > order[a] ? b : a), 'none');
  return { ...findings, feet, history: { ...findings.history, previousAmputation: worst } };
}

/** Ulcer and amputation history, kidney disease and dialysis, and metformin (for the B12 prompt). */
export function HistoryStep({ state, update }: StepProps): React.JSX.Element {
  const history: History = state.findings.history ?? {};
  const set = (change: Partial<History>): void => update((s) => updateFindings(s, (f) => ({ ...f, history: { ...f.history, ...change } })));
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        Ask the patient and check the record. Press N if none of these apply.
      </Typography>
      <Paper variant="outlined" sx={{ p: 1.5, containerType: 'inline-size' }}>
        <Choice label="Previous foot ulcer (healed)" finding="history.previousUlcer" value={toYesNo(history.previousUlcer)} options={yesNo} onChange={(v) => set({ previousUlcer: v === 'yes' })} />
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
        <Choice
          label="End-stage renal disease"
          finding="history.endStageRenalDisease"
          hint="Chronic kidney disease stage 5"
          value={toYesNo(history.endStageRenalDisease)}
          options={yesNo}
          onChange={(v) => set({ endStageRenalDisease: v === 'yes' })}
        />
        <Choice label="On dialysis" finding="history.onDialysis" value={toYesNo(history.onDialysis)} options={yesNo} onChange={(v) => set({ onDialysis: v === 'yes' })} />
        <Choice label="Kidney transplant" finding="history.kidneyTransplant" value={toYesNo(history.kidneyTransplant)} options={yesNo} onChange={(v) => set({ kidneyTransplant: v === 'yes' })} />
        <Choice label="Takes metformin" finding="history.onMetformin" hint="Long-term metformin can lower vitamin B12" value={toYesNo(history.onMetformin)} options={yesNo} onChange={(v) => set({ onMetformin: v === 'yes' })} />
      </Paper>
    </Stack>
  );
}
