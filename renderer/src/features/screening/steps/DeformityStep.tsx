import { Checkbox, FormControlLabel, FormGroup, Paper, Stack, TextField, Typography } from '@mui/material';
import { sideLabel } from '#shared/clinical/protocols';
import { footwearAssessments, type FootFindings, type Footwear, type FootwearAssessment, type Side } from '#shared/domain/findings';
import { examinedSides, updateFindings, updateFoot } from '../model/screeningState';
import { Choice, toYesNo, yesNo } from './controls';
import { pendingItems, type Carried } from '../model/carryForward';
import { CarriedPanel } from './CarriedPanel';
import type { StepProps } from './stepProps';

/** Deformity types with a one-line definition where they are chosen (IWGDF 2023 definitions, in plain words). */
export const deformityTypes: { type: string; definition: string }[] = [
  { type: 'hallux valgus', definition: 'Big toe angled towards the other toes, with a bony bump at its base (bunion)' },
  { type: 'claw toes', definition: 'Toes bent up at the base and down at the other joints; tips press on the ground' },
  { type: 'hammer toes', definition: 'Toe bent down at its middle joint' },
  { type: 'prominent metatarsal heads', definition: 'Bones of the ball of the foot stand out under thin padding' },
  { type: 'pes cavus', definition: 'An unusually high arch' },
  { type: 'flat foot', definition: 'Arch collapsed, the sole flat on the ground' },
  { type: 'Charcot deformity', definition: 'Collapsed midfoot ("rocker bottom") after Charcot neuroarthropathy' },
  { type: 'limited joint mobility', definition: 'Stiff ankle or big-toe joint' },
  { type: 'partial foot amputation', definition: 'Toes or part of the foot removed' },
];

/** Deformity (types), signs of active Charcot and a hot swollen foot, per foot. */
export function DeformityStep({ state, update, carried = null }: StepProps & { carried?: Carried | null }): React.JSX.Element {
  const waiting = carried ? pendingItems(carried.items, state.findings).filter((item) => item.step === 'deformity') : [];
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        Press N if there is no deformity and no sign of active Charcot on either foot{waiting.length > 0 ? ' (deformities still to confirm are left as they are)' : ''}.
      </Typography>
      {carried && waiting.length > 0 ? <CarriedPanel carried={carried} waiting={waiting} update={update} ownKeys /> : null}
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        {examinedSides(state.findings).map((side) => (
          <FootDeformity key={side} side={side} foot={state.findings.feet[side]} change={(f) => update((s) => updateFoot(s, side, f))} />
        ))}
      </Stack>
      <FootwearItem footwear={state.findings.footwear ?? {}} onChange={(footwear) => update((s) => updateFindings(s, (f) => ({ ...f, footwear })))} />
    </Stack>
  );
}

function FootDeformity({ side, foot, change }: { side: Side; foot: FootFindings; change: (f: (foot: FootFindings) => FootFindings) => void }): React.JSX.Element {
  const types = foot.deformity?.types ?? [];
  const setTypes = (next: string[]): void => change((f) => ({ ...f, deformity: { present: next.length > 0, types: next } }));
  return (
    <Paper variant="outlined" sx={{ p: 1.5, flex: 1, minWidth: 0, containerType: 'inline-size' }} data-finding={`feet.${side}`}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {sideLabel(side)} foot
      </Typography>
      <Choice
        label="Foot deformity"
        finding={`feet.${side}.deformity.present`}
        value={toYesNo(foot.deformity?.present)}
        options={yesNo}
        onChange={(v) => change((f) => ({ ...f, deformity: v === 'yes' ? { present: true, types } : { present: false, types: [] } }))}
      />
      {foot.deformity?.present ? (
        <FormGroup aria-label={`Deformity types, ${side} foot`} sx={{ ml: 1 }}>
          {deformityTypes.map((d) => (
            <FormControlLabel
              key={d.type}
              control={
                <Checkbox
                  size="small"
                  checked={types.includes(d.type)}
                  onChange={(e) => setTypes(e.target.checked ? [...types, d.type] : types.filter((t) => t !== d.type))}
                />
              }
              label={
                <span>
                  {d.type[0]?.toUpperCase()}
                  {d.type.slice(1)}
                  <Typography variant="caption" color="text.secondary" component="span">
                    {' '}
                    — {d.definition}
                  </Typography>
                </span>
              }
            />
          ))}
        </FormGroup>
      ) : null}
      <Choice
        label="Signs of active Charcot foot"
        finding={`feet.${side}.activeCharcot`}
        hint="Warmer (often 2 °C or more), red, swollen foot in a foot with neuropathy; pain may be slight"
        value={toYesNo(foot.activeCharcot)}
        options={yesNo}
        onChange={(v) => change((f) => ({ ...f, activeCharcot: v === 'yes' }))}
      />
      <Choice
        label="Hot, swollen foot"
        finding={`feet.${side}.hotSwollen`}
        hint="Treated as possible acute Charcot until proven otherwise"
        value={toYesNo(foot.hotSwollen)}
        options={yesNo}
        onChange={(v) => change((f) => ({ ...f, hotSwollen: v === 'yes' }))}
      />
    </Paper>
  );
}

export const footwearLabels: Readonly<Record<FootwearAssessment, string>> = { appropriate: 'Appropriate', inappropriate: 'Inappropriate' };

/** The shoes the patient wears today: the wrong shoes cause many ulcers in a foot at risk. */
function FootwearItem({ footwear, onChange }: { footwear: Footwear; onChange: (footwear: Footwear) => void }): React.JSX.Element {
  return (
    <Paper variant="outlined" sx={{ p: 1.5, containerType: 'inline-size' }}>
      <Choice
        label="Footwear"
        hint="Appropriate: fits length, width and depth, holds the foot (laces or straps), no seams over pressure points"
        value={footwear.assessment}
        options={footwearAssessments.map((a) => ({ value: a, label: footwearLabels[a] }))}
        onChange={(assessment) => onChange({ ...footwear, assessment })}
      />
      <TextField
        size="small"
        fullWidth
        label="Footwear note"
        value={footwear.note ?? ''}
        onChange={(e) => {
          const { note: _n, ...rest } = footwear;
          onChange(e.target.value.trim() === '' ? rest : { ...footwear, note: e.target.value });
        }}
        slotProps={{ htmlInput: { maxLength: 300 } }}
        helperText="Optional, e.g. “slip-on shoes, too narrow”"
      />
    </Paper>
  );
}
