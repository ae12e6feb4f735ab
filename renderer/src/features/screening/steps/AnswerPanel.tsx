import UndoIcon from '@mui/icons-material/Undo';
import { Box, Button, Menu, MenuItem, Stack, Typography, type Theme } from '@mui/material';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { notTestableReasonLabels } from '#shared/clinical/siteDerivation';
import { notTestableReasons, type NotTestableReason } from '#shared/domain/findings';
import type { Touch } from '../model/screeningState';

interface AnswerPanelProps {
  /** "Right 1st metatarsal head" */
  where: string;
  sequence: readonly Touch[];
  answers: readonly ('yes' | 'no')[];
  /** What to do for a real touch and for a sham, in the clinic's words. */
  realInstruction: string;
  shamInstruction: string;
  onAnswer: (answer: 'yes' | 'no') => void;
  onNotTestable: (reason: NotTestableReason) => void;
  onUndo: () => void;
  /** Reasons a site may not be testable (a fork has fewer). */
  reasons?: readonly NotTestableReason[];
  reasonMenuOpen: boolean;
  setReasonMenuOpen: (open: boolean) => void;
}

// The question box: blue for a real touch, purple for the sham, in light and dark; the words say which.
const touchBox = { p: 1.5, borderRadius: 1, border: '2px solid', mb: 1.5 } as const;
const realStyle = [touchBox, { borderColor: 'primary.main', bgcolor: '#e3f2fd' }, (t: Theme) => t.applyStyles('dark', { bgcolor: '#10243a' })];
const shamStyle = [touchBox, { borderColor: 'secondary.main', bgcolor: '#f3e5f5' }, (t: Theme) => t.applyStyles('dark', { bgcolor: '#2c1838' })];

// The progress dots: answered, the current question, still to come (built once, not per key).
const dot = { width: 28, height: 8, borderRadius: 4, outlineColor: 'primary.dark' } as const;
const dotStyles = {
  answered: { ...dot, bgcolor: 'primary.main', outline: 'none', '@media (forced-colors: active)': { bgcolor: 'Highlight', border: '1px solid CanvasText' } },
  current: { ...dot, bgcolor: 'primary.light', outline: '2px solid', '@media (forced-colors: active)': { bgcolor: 'Canvas', border: '1px solid CanvasText' } },
  later: { ...dot, bgcolor: 'action.disabledBackground', outline: 'none', '@media (forced-colors: active)': { bgcolor: 'Canvas', border: '1px solid CanvasText' } },
} as const;
const rowStyle = { flexWrap: 'wrap', gap: 1 } as const;

interface Handlers {
  onAnswer: (answer: 'yes' | 'no') => void;
  onUndo: () => void;
  openReasons: (button: HTMLElement) => void;
}

/**
 * The four buttons, the same on every question: memoised with handlers read through a ref, so an
 * answer key re-renders the question and the dots but not the buttons (a key is answered many
 * times a screening, and each MUI button is several components).
 */
const AnswerButtons = memo(function AnswerButtons({ handlers }: { handlers: { current: Handlers } }): React.JSX.Element {
  return (
    <Stack direction="row" spacing={1} sx={rowStyle}>
      <Button variant="contained" color="success" onClick={() => handlers.current.onAnswer('yes')}>
        Felt it (Y)
      </Button>
      <Button variant="contained" color="error" onClick={() => handlers.current.onAnswer('no')}>
        Did not feel it (N)
      </Button>
      <Button variant="outlined" onClick={(e) => handlers.current.openReasons(e.currentTarget)} aria-haspopup="menu" id="not-testable-button">
        Not testable… (X)
      </Button>
      <Button startIcon={<UndoIcon />} onClick={() => handlers.current.onUndo()}>
        Undo (Backspace)
      </Button>
    </Stack>
  );
});

/**
 * One "Felt it?" question at a time: which touch this is (real or sham), what to do, and the
 * answer buttons (Y / N). The sham's place in the sequence is random and only the nurse sees it.
 */
export function AnswerPanel(props: AnswerPanelProps): React.JSX.Element {
  const { where, sequence, answers, realInstruction, shamInstruction, onAnswer, onNotTestable, onUndo, reasonMenuOpen, setReasonMenuOpen } = props;
  const reasons = props.reasons ?? notTestableReasons;
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const index = Math.min(answers.length, sequence.length - 1);
  const touch = sequence[index] ?? 'real';
  const sham = touch === 'sham';
  const handlers = useRef<Handlers>({ onAnswer, onUndo, openReasons: () => undefined });
  // The newest handlers, for the memoised buttons (set after each render, before any click).
  useLayoutEffect(() => {
    handlers.current = {
      onAnswer,
      onUndo,
      openReasons: (button) => {
        setAnchor(button);
        setReasonMenuOpen(true);
      },
    };
  });
  return (
    <Box>
      <Typography variant="h6" component="p" sx={{ fontWeight: 700 }} aria-live="polite">
        {where}
      </Typography>
      <Stack direction="row" spacing={0.75} sx={{ my: 1 }} aria-label={`Question ${index + 1} of ${sequence.length}`} role="img">
        {sequence.map((_t, i) => (
          <Box key={i} sx={i < answers.length ? dotStyles.answered : i === answers.length ? dotStyles.current : dotStyles.later} />
        ))}
      </Stack>
      <Box
        aria-live="assertive"
        data-touch={touch}
        sx={sham ? shamStyle : realStyle}
      >
        <Typography sx={{ fontWeight: 700 }}>
          {sequence.length > 1 ? `Question ${index + 1} of ${sequence.length}: ` : ''}
          {sham ? 'SHAM (do not touch)' : 'Touch'}
        </Typography>
        <Typography variant="body2">{sham ? shamInstruction : realInstruction}</Typography>
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          Ask: “Do you feel it?”
        </Typography>
      </Box>
      <AnswerButtons handlers={handlers} />
      {/* Mounted only while open: closed, it is a Menu, Popover and Modal rendered again on every key. */}
      {reasonMenuOpen ? (
        <Menu
          anchorEl={anchor ?? document.getElementById('not-testable-button')}
          open={reasonMenuOpen}
          onClose={() => setReasonMenuOpen(false)}
          slotProps={{ list: { 'aria-label': 'Why the site cannot be tested' } }}
        >
          {reasons.map((reason, i) => (
            <MenuItem
              key={reason}
              onClick={() => {
                setReasonMenuOpen(false);
                onNotTestable(reason);
              }}
            >
              {i + 1}. {notTestableReasonLabels[reason][0]?.toUpperCase()}
              {notTestableReasonLabels[reason].slice(1)}
            </MenuItem>
          ))}
        </Menu>
      ) : null}
    </Box>
  );
}
