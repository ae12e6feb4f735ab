import { Box, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useId } from 'react';

interface ChoiceProps<T extends string> {
  label: string;
  value: T | undefined;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  size?: 'small' | 'medium';
  /** One-line definition at the point of use. */
  hint?: string;
}

/**
 * One finding, chosen explicitly: no option is selected until the nurse picks one, so "not
 * recorded" never looks like "normal". Arrow keys move between options (MUI toggle buttons).
 */
export function Choice<T extends string>({ label, value, options, onChange, size = 'small', hint }: ChoiceProps<T>): React.JSX.Element {
  const id = useId();
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: 'minmax(140px, 1fr) auto',
        alignItems: 'center',
        gap: 1,
        py: 0.5,
        // In a narrow panel (one foot of two side by side) the buttons go under the question.
        '@container (max-width: 520px)': { gridTemplateColumns: '1fr', gap: 0.5 },
      }}
    >
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
        onChange={(_e, next: T | null) => {
          if (next !== null) onChange(next);
        }}
      >
        {options.map((o) => (
          <ToggleButton key={o.value} value={o.value} sx={{ textTransform: 'none', px: 1.5 }}>
            {o.label}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
    </Box>
  );
}

export const yesNo = [
  { value: 'no', label: 'No' },
  { value: 'yes', label: 'Yes' },
] as const;

export function toYesNo(v: boolean | undefined): 'yes' | 'no' | undefined {
  return v === undefined ? undefined : v ? 'yes' : 'no';
}

/** Keys shown under each step, so nobody has to remember them. */
export function KeyLegend({ keys }: { keys: readonly [string, string][] }): React.JSX.Element {
  return (
    <Box component="dl" aria-label="Keyboard keys" sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, m: 0, mt: 1.5, color: 'text.secondary', fontSize: 13 }}>
      {keys.map(([key, what]) => (
        <Box key={key} sx={{ display: 'flex', gap: 0.5, alignItems: 'center' }}>
          <Box component="dt" sx={{ m: 0 }}>
            <Box component="kbd" sx={{ border: '1px solid', borderColor: 'divider', borderRadius: 1, px: 0.75, py: 0.1, bgcolor: 'background.paper', fontFamily: 'monospace', color: 'text.primary' }}>
              {key}
            </Box>
          </Box>
          <Box component="dd" sx={{ m: 0 }}>
            {what}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
