import { Link, Paper, Table, TableBody, TableCell, TableRow } from '@mui/material';
import type { SummaryLine } from './findingsSummary';

/** What was recorded, in words, one row per area; with `onJump` each area links to its step. */
export function FindingsTable({ lines, onJump, label }: { lines: readonly SummaryLine[]; onJump?: (path: string) => void; label: string }): React.JSX.Element {
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label={label}>
        <TableBody>
          {lines.map((l) => (
            <TableRow key={l.label}>
              <TableCell component="th" scope="row" sx={{ fontWeight: 600, width: '28%' }}>
                {onJump ? (
                  <Link component="button" type="button" onClick={() => onJump(l.path)} sx={{ textAlign: 'left' }}>
                    {l.label}
                  </Link>
                ) : (
                  l.label
                )}
              </TableCell>
              <TableCell>{l.text}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}
