import ExpandLessIcon from '@mui/icons-material/ExpandLess';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Box, Button, Collapse, Paper, Typography } from '@mui/material';
import { memo, useId, useState } from 'react';
import type { Assessment } from '#shared/clinical/assessment';
import { iwgdfTitle, LiveResultPanel, niceTitle } from './LiveResultPanel';

const barStyle = { display: 'flex', alignItems: 'center', gap: 1, px: 1.5, py: 0.5, flexShrink: 0 } as const;
const lineStyle = { flex: 1, minWidth: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;
const openStyle = { maxHeight: '45vh', overflowY: 'auto', mt: 0.5 } as const;
const nowrap = { whiteSpace: 'nowrap', flexShrink: 0 } as const;

function yesNo(v: Assessment['lops']): string {
  return v === 'unknown' ? 'not decided' : v ? 'yes' : 'no';
}

/**
 * The result in one line, for a window too narrow for the result column: both categories, LOPS
 * and PAD, and a red flag if any; it opens to the full panel with its reasons.
 */
export const ResultSummary = memo(function ResultSummary({ assessment: a, onJump }: { assessment: Assessment; onJump: (paths: readonly string[]) => void }): React.JSX.Element {
  const [open, setOpen] = useState(false);
  const id = useId();
  const line = `${iwgdfTitle(a.iwgdf2023)} · ${niceTitle(a.nice)} · LOPS: ${yesNo(a.lops)} · PAD: ${yesNo(a.pad)}${a.redFlag ? ' · Red flag' : ''}`;
  return (
    <Box sx={{ flexShrink: 0 }}>
      <Paper variant="outlined" sx={barStyle}>
        <Typography variant="body2" sx={lineStyle} role="status" aria-live="polite" title={line}>
          <strong>Result so far:</strong> {line}
        </Typography>
        <Button size="small" onClick={() => setOpen(!open)} aria-expanded={open} aria-controls={id} endIcon={open ? <ExpandLessIcon /> : <ExpandMoreIcon />} sx={nowrap}>
          {open ? 'Hide reasons' : 'Show reasons'}
        </Button>
      </Paper>
      <Collapse in={open} id={id} unmountOnExit>
        <Box sx={openStyle}>
          <LiveResultPanel assessment={a} onJump={onJump} live />
        </Box>
      </Collapse>
    </Box>
  );
});
