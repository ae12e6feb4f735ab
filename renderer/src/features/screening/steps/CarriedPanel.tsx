import { Box, Button, Paper, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import type { Carried, CarriedItem } from '../model/carryForward';
import { updateFindings } from '../model/screeningState';
import type { StepProps } from './stepProps';

const typing = 'input:not([type="radio"]):not([type="checkbox"]), textarea, select, [contenteditable="true"], [role="listbox"], [role="menu"], [role="dialog"]';

/** Takes the nurse to the question of an item, to answer it differently. */
function goToQuestion(item: CarriedItem): void {
  const field = document.querySelector<HTMLElement>(`[data-finding="${item.id}"], [data-finding="${item.id}.present"]`);
  const target = field?.querySelector<HTMLElement>('input:checked, [aria-pressed="true"], button, input') ?? null;
  target?.focus();
  field?.scrollIntoView({ block: 'nearest' });
}

/**
 * C and D on a step whose own keys do not include them (Start, Deformity): C confirms the
 * highlighted answer; D records the other answer of a yes/no item, or goes to the question.
 * Keys typed into a field, or with a modifier, are left alone.
 */
function useCarriedKeys(waiting: readonly CarriedItem[], update: StepProps['update'], enabled: boolean): void {
  const latest = useRef(waiting);
  useEffect(() => {
    latest.current = waiting;
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      const key = e.key.toLowerCase();
      if ((key !== 'c' && key !== 'd') || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
      if (e.target instanceof HTMLElement && e.target.closest(typing)) return;
      const next = latest.current[0];
      if (!next) return;
      e.preventDefault();
      if (key === 'c') update((s) => updateFindings(s, next.confirm));
      else if (next.opposite) update((s) => updateFindings(s, next.opposite ?? ((f) => f)));
      else goToQuestion(next);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled, update]);
}

/**
 * "From <date>: confirm": each answer of the last screening, waiting for one key. With `ownKeys`
 * the panel listens for C and D itself (on steps whose keys do not include them); in History the
 * wizard's keys do.
 */
export function CarriedPanel({ carried, waiting, update, ownKeys = false }: { carried: Carried; waiting: readonly CarriedItem[]; update: StepProps['update']; ownKeys?: boolean }): React.JSX.Element {
  useCarriedKeys(waiting, update, ownKeys);
  return (
    <Paper variant="outlined" sx={{ p: 1.5, borderColor: 'info.main', borderWidth: 2 }} component="section" aria-labelledby="carried-title">
      <Typography id="carried-title" variant="subtitle2" component="h3">
        From the last screening ({carried.date}): confirm each, or change it
      </Typography>
      <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mb: 1 }}>
        Nothing here is recorded until you confirm it. Keys: C confirms the highlighted answer, D records the other answer
        {ownKeys ? ' or takes you to the question' : ' (or answer it below)'}.
      </Typography>
      <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label="Answers to confirm">
        {waiting.map((item, i) => (
          <Box
            component="li"
            key={item.id}
            data-carried={item.id}
            sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', py: 0.25, pl: 1, borderLeft: '4px solid', borderColor: i === 0 ? 'primary.main' : 'transparent' }}
          >
            <Typography variant="body2" sx={{ flex: '1 1 240px' }}>
              <strong>{item.label}:</strong> {item.words}{' '}
              <Typography component="span" variant="body2" color="text.secondary">
                — from {carried.date} — confirm{i === 0 ? ' (C)' : ''}
              </Typography>
            </Typography>
            <Button size="small" variant="outlined" onClick={() => update((s) => updateFindings(s, item.confirm))} aria-label={`Confirm ${item.label}: ${item.words}`}>
              Confirm
            </Button>
            {item.opposite ? (
              <Button size="small" onClick={() => update((s) => updateFindings(s, item.opposite ?? ((f) => f)))} aria-label={`Changed: ${item.label} is now ${item.words === 'yes' ? 'no' : 'yes'}`}>
                Now {item.words === 'yes' ? 'no' : 'yes'}
              </Button>
            ) : ownKeys ? (
              <Button size="small" onClick={() => goToQuestion(item)} aria-label={`Change ${item.label}`}>
                Change
              </Button>
            ) : null}
          </Box>
        ))}
      </Box>
    </Paper>
  );
}
