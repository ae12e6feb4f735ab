import { Box, GlobalStyles } from '@mui/material';
import { memo, useId } from 'react';
import { choiceStyles } from './choiceStyles';
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

/** The check mark beside the chosen word (Material's "Check" icon path). */
const checkPath = 'M9 16.17 4.83 12l-1.42 1.41L9 19 21 7l-1.41-1.41z';

/**
 * One finding, chosen explicitly: no option is selected until the nurse picks one, so "not
 * recorded" never looks like "normal". It is an answer item of its step: ↑ / ↓ move between the
 * items, each option's letter (Y, N...) answers the focused item and moves on (the wizard's keys,
 * through the data attributes here), ← / → move between its options. A group of toggle buttons
 * (`aria-pressed`), drawn by the sheet in `choiceStyles` (plain elements: see there why).
 */
function ChoiceItem<T extends string>({ label, value, options, onChange, size = 'small', hint, finding }: ChoiceProps<T>): React.JSX.Element {
  const id = useId();
  const keys = optionKeys(options);
  return (
    <div className="choice" data-answer-item="" data-finding={finding} data-answered={value === undefined ? 'false' : 'true'}>
      <div>
        <span id={id} className="choice-label">
          {label}
        </span>
        {hint ? <span className="choice-hint">{hint}</span> : null}
      </div>
      <div role="group" aria-labelledby={id} className="choice-options">
        {options.map((o, i) => {
          const chosen = o.value === value;
          return (
            <button
              key={o.value}
              type="button"
              className="choice-option"
              value={o.value}
              aria-pressed={chosen}
              data-size={size}
              data-answer-key={keys[i]}
              // Pressing the chosen answer again keeps it (a recorded finding is changed, never cleared by a click).
              onClick={chosen ? undefined : () => onChange(o.value)}
            >
              {chosen ? (
                <svg className="choice-check" viewBox="0 0 24 24" aria-hidden="true" focusable="false" data-testid="answer-check">
                  <path d={checkPath} />
                </svg>
              ) : null}
              {o.label}
              <kbd className="answer-key" aria-hidden="true">
                {keys[i]?.toUpperCase()}
              </kbd>
            </button>
          );
        })}
      </div>
    </div>
  );
}

/** The sheet every `Choice` of the screen is drawn by: rendered once per screen, never again on a key. */
export const ChoiceStyles = memo(function ChoiceStyles(): React.JSX.Element {
  return <GlobalStyles styles={choiceStyles} />;
});

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
