import CheckIcon from '@mui/icons-material/Check';
import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { memo, useId } from 'react';
import { optionKeys } from './answerKeys';
import type { KeyHint } from './stepKeys';

export interface ChoiceOption<T extends string> {
  value: T;
  label: string;
  /** The letter that records this answer when the item has focus; by default Y for yes, N for no, else a letter of the label. */
  key?: string;
}

interface ChoiceProps<T extends string> {
  label: string;
  value: T | undefined;
  options: readonly ChoiceOption<T>[];
  onChange: (value: T) => void;
  size?: 'small' | 'medium';
  /** One-line definition at the point of use. */
  hint?: string;
  /** Where the finding lives ("feet.right.skin.callus"), so a reason in the result can open it. */
  finding?: string;
}

/** Hoisted: the same style object on every render, so emotion does not rebuild it. */
const rowStyle = {
  display: 'grid',
  gridTemplateColumns: 'minmax(140px, 1fr) auto',
  alignItems: 'center',
  gap: 1,
  py: 0.5,
  px: 0.5,
  borderRadius: 1,
  scrollMarginBlock: '16px',
  // In a narrow panel (one foot of two side by side) the buttons go under the question.
  '@container (max-width: 520px)': { gridTemplateColumns: '1fr', gap: 0.5 },
  '&:focus-within': { bgcolor: 'action.hover', outline: '2px solid', outlineColor: 'primary.main' },
  // The key letters show only on the focused row, but their space is always kept: if they appeared
  // on mouse-down (which focuses the row) the buttons would move under the pointer, the mouse-up
  // would land on another button and the browser would drop the click — an answer silently lost.
  '&:focus-within .answer-key': { visibility: 'visible' },
  // A finding opened from a reason in the result panel.
  '&[data-highlight="true"]': { outline: '3px solid', outlineColor: 'warning.main', bgcolor: 'action.selected' },
  '@media (forced-colors: active)': { '&[data-highlight="true"], &:focus-within': { outline: '3px solid Highlight' } },
} as const;

/**
 * A recorded answer is unmistakable: filled, with a check mark beside its word. In forced colours
 * (Windows high contrast) the fill uses the system's Highlight colours.
 */
const optionStyle = {
  textTransform: 'none',
  px: 1.5,
  gap: 0.5,
  '&.Mui-selected, &.Mui-selected:hover': { bgcolor: 'primary.main', color: 'primary.contrastText', fontWeight: 700 },
  '@media (forced-colors: active)': {
    forcedColorAdjust: 'none',
    bgcolor: 'Canvas',
    color: 'ButtonText',
    borderColor: 'ButtonText',
    '&.Mui-selected, &.Mui-selected:hover': { bgcolor: 'Highlight', color: 'HighlightText', borderColor: 'Highlight' },
  },
} as const;

/**
 * The options wrap onto further lines when the panel is narrow, rather than spilling over the
 * neighbouring panel (where a click would land on another foot's answer). Wrapped, they are drawn as
 * separate buttons with their own borders.
 */
const groupStyle = {
  flexWrap: 'wrap',
  '@container (max-width: 520px)': {
    gap: 0.5,
    '& .MuiToggleButtonGroup-firstButton, & .MuiToggleButtonGroup-middleButton, & .MuiToggleButtonGroup-lastButton': { borderRadius: 1 },
    '& .MuiToggleButtonGroup-middleButton, & .MuiToggleButtonGroup-lastButton': {
      ml: 0,
      borderLeft: '1px solid',
      borderLeftColor: 'divider',
      '@media (forced-colors: active)': { borderLeftColor: 'ButtonText' },
    },
  },
} as const;

const keyStyle = {
  display: 'inline-block',
  visibility: 'hidden',
  ml: 0.5,
  px: 0.5,
  border: '1px solid',
  borderColor: 'currentColor',
  borderRadius: 0.5,
  fontSize: 11,
  lineHeight: 1.4,
  fontFamily: 'monospace',
} as const;

/**
 * One finding, chosen explicitly: no option is selected until the nurse picks one, so "not
 * recorded" never looks like "normal". It is an answer item of its step: ↑ / ↓ move between the
 * items, each option's letter (Y, N...) answers the focused item and moves on (the wizard's keys,
 * through the data attributes here), ← / → move between its options.
 */
function ChoiceItem<T extends string>({ label, value, options, onChange, size = 'small', hint, finding }: ChoiceProps<T>): React.JSX.Element {
  const id = useId();
  const keys = optionKeys(options);
  return (
    <Box sx={rowStyle} data-answer-item="" data-finding={finding} data-answered={value === undefined ? 'false' : 'true'}>
      <Box>
        <Typography id={id} variant="body2" component="span">
          {label}
        </Typography>
        {hint ? (
          <Typography variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            {hint}
          </Typography>
        ) : null}
      </Box>
      <ToggleButtonGroup
        exclusive
        size={size}
        value={value ?? null}
        aria-labelledby={id}
        sx={groupStyle}
        onChange={(_e, next: T | null) => {
          if (next !== null) onChange(next);
        }}
      >
        {options.map((o, i) => (
          <ToggleButton key={o.value} value={o.value} sx={optionStyle} data-answer-key={keys[i]}>
            {o.value === value ? <CheckIcon fontSize="small" aria-hidden="true" data-testid="answer-check" /> : null}
            {o.label}
            <Box component="kbd" className="answer-key" aria-hidden="true" sx={keyStyle}>
              {keys[i]?.toUpperCase()}
            </Box>
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}

/** Memoised: an item re-renders only when its own value, label or options change. */
export const Choice = memo(ChoiceItem) as typeof ChoiceItem;

export const yesNo = [
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
] as const;

export function toYesNo(v: boolean | undefined): 'yes' | 'no' | undefined {
  return v === undefined ? undefined : v ? 'yes' : 'no';
}

const legendStyle = { display: 'flex', flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.5, m: 0, color: 'text.secondary', fontSize: 13 } as const;
const kbdStyle = { border: '1px solid', borderColor: 'divider', borderRadius: 1, px: 0.75, py: 0.1, bgcolor: 'background.paper', fontFamily: 'monospace', color: 'text.primary', whiteSpace: 'nowrap' } as const;
const pairStyle = { display: 'flex', gap: 0.5, alignItems: 'center' } as const;
const flat = { m: 0 } as const;

/** Keys shown under each step, so nobody has to remember them. Memoised: its list is a constant per step. */
export const KeyLegend = memo(function KeyLegend({ keys }: { keys: readonly KeyHint[] }): React.JSX.Element {
  return (
    <Box component="dl" aria-label="Keyboard keys" sx={legendStyle}>
      {keys.map(([key, what]) => (
        <Box key={key} sx={pairStyle}>
          <Box component="dt" sx={flat}>
            <Box component="kbd" sx={kbdStyle}>
              {key}
            </Box>
          </Box>
          <Box component="dd" sx={flat}>
            {what}
          </Box>
        </Box>
      ))}
    </Box>
  );
});
