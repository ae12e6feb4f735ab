import UndoIcon from '@mui/icons-material/Undo';
import { Button, GlobalStyles, Menu, MenuItem, Stack, type Theme } from '@mui/material';
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

/*
 * The question, its progress dots and the touch box change on every answer key, so they are plain
 * elements with class names: an MUI Box or Typography runs the sx and theme style functions and
 * emotion on each render (most of a key's rendering time on a slow PC). Their look is one style
 * sheet, written once (memoised below) from the theme's own typography, palette and spacing
 * (CSS variables, so light and dark follow the computer).
 * The question box: blue for a real touch, purple for the sham, in light and dark; the words say which.
 * The progress dots: answered, the current question, still to come.
 */
const forcedDot = { '@media (forced-colors: active)': { backgroundColor: 'Canvas', border: '1px solid CanvasText' } } as const;
const panelStyles = (t: Theme): Record<string, unknown> => ({
  // The line above the panel (the step's own, e.g. "Site 2 of 6"), in body2. (It was a Typography
  // with color="text.secondary", a prop MUI no longer reads: the text has always been the page's colour.)
  '.answer-intro': { ...t.typography.body2, margin: `0 0 ${t.spacing(1)}` },
  '.answer-where': { ...t.typography.h6, margin: 0, fontWeight: 700 },
  '.answer-dots': { display: 'flex', flexDirection: 'row', gap: t.spacing(0.75), margin: `${t.spacing(1)} 0` },
  '.answer-dot': { width: 28, height: 8, borderRadius: 4, outlineColor: t.vars?.palette.primary.dark ?? t.palette.primary.dark, outline: 'none', ...forcedDot },
  '.answer-dot[data-dot="answered"]': {
    backgroundColor: t.vars?.palette.primary.main ?? t.palette.primary.main,
    '@media (forced-colors: active)': { backgroundColor: 'Highlight', border: '1px solid CanvasText' },
  },
  '.answer-dot[data-dot="current"]': { backgroundColor: t.vars?.palette.primary.light ?? t.palette.primary.light, outline: '2px solid', outlineColor: t.vars?.palette.primary.dark ?? t.palette.primary.dark, ...forcedDot },
  '.answer-dot[data-dot="later"]': { backgroundColor: t.vars?.palette.action.disabledBackground ?? t.palette.action.disabledBackground, ...forcedDot },
  '.answer-touch': { padding: t.spacing(1.5), borderRadius: t.shape.borderRadius, border: '2px solid', marginBottom: t.spacing(1.5) },
  '.answer-touch[data-touch="real"]': { borderColor: t.vars?.palette.primary.main ?? t.palette.primary.main, backgroundColor: '#e3f2fd', ...t.applyStyles('dark', { backgroundColor: '#10243a' }) },
  '.answer-touch[data-touch="sham"]': { borderColor: t.vars?.palette.secondary.main ?? t.palette.secondary.main, backgroundColor: '#f3e5f5', ...t.applyStyles('dark', { backgroundColor: '#2c1838' }) },
  '.answer-touch-title': { ...t.typography.body1, margin: 0, fontWeight: 700 },
  '.answer-touch-text': { ...t.typography.body2, margin: 0 },
  '.answer-touch-ask': { ...t.typography.body2, margin: `${t.spacing(0.5)} 0 0` },
});
/**
 * The answer panel's style sheet, rendered once by the wizard with its other sheets: never again on
 * a key, and not added and removed with the sensation and vibration steps (a style sheet added to
 * the page makes the browser recompute the style of the whole page).
 */
export const AnswerPanelStyles = memo(function AnswerPanelStyles(): React.JSX.Element {
  return <GlobalStyles styles={panelStyles} />;
});
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
    <div>
      <p className="answer-where" aria-live="polite">
        {where}
      </p>
      <div className="answer-dots" aria-label={`Question ${index + 1} of ${sequence.length}`} role="img">
        {sequence.map((_t, i) => (
          <div key={i} className="answer-dot" data-dot={i < answers.length ? 'answered' : i === answers.length ? 'current' : 'later'} />
        ))}
      </div>
      <div className="answer-touch" aria-live="assertive" data-touch={touch}>
        <p className="answer-touch-title">
          {sequence.length > 1 ? `Question ${index + 1} of ${sequence.length}: ` : ''}
          {sham ? 'SHAM (do not touch)' : 'Touch'}
        </p>
        <p className="answer-touch-text">{sham ? shamInstruction : realInstruction}</p>
        <p className="answer-touch-ask">Ask: “Do you feel it?”</p>
      </div>
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
    </div>
  );
}
