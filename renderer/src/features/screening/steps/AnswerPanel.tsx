import UndoIcon from '@mui/icons-material/Undo';
import { Box, Button, Menu, MenuItem, Stack, Typography, type Theme } from '@mui/material';
import { useState } from 'react';
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
  return (
    <Box>
      <Typography variant="h6" component="p" sx={{ fontWeight: 700 }} aria-live="polite">
        {where}
      </Typography>
      <Stack direction="row" spacing={0.75} sx={{ my: 1 }} aria-label={`Question ${index + 1} of ${sequence.length}`} role="img">
        {sequence.map((_t, i) => (
          <Box
            key={i}
            sx={{
              width: 28,
              height: 8,
              borderRadius: 4,
              bgcolor: i < answers.length ? 'primary.main' : i === answers.length ? 'primary.light' : 'action.disabledBackground',
              '@media (forced-colors: active)': { bgcolor: i < answers.length ? 'Highlight' : 'Canvas', border: '1px solid CanvasText' },
              outline: i === answers.length ? '2px solid' : 'none',
              outlineColor: 'primary.dark',
            }}
          />
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
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
        <Button variant="contained" color="success" onClick={() => onAnswer('yes')}>
          Felt it (Y)
        </Button>
        <Button variant="contained" color="error" onClick={() => onAnswer('no')}>
          Did not feel it (N)
        </Button>
        <Button
          variant="outlined"
          onClick={(e) => {
            setAnchor(e.currentTarget);
            setReasonMenuOpen(true);
          }}
          aria-haspopup="menu"
          id="not-testable-button"
        >
          Not testable… (X)
        </Button>
        <Button startIcon={<UndoIcon />} onClick={onUndo}>
          Undo (Backspace)
        </Button>
      </Stack>
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
    </Box>
  );
}
