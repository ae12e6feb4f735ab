import { TableCell, TableHead, TableRow } from '@mui/material';
import type { ReactNode } from 'react';

interface TableHeadingsProps {
  columns: readonly string[];
  /** The name of a last column of buttons, read by screen readers only (e.g. "Actions"). */
  buttons?: string;
  /** A first cell before the named columns (e.g. a "choose all" checkbox). */
  first?: ReactNode;
}

/** A table's header row. */
export function TableHeadings({ columns, buttons, first }: TableHeadingsProps): React.JSX.Element {
  return (
    <TableHead>
      <TableRow>
        {first}
        {columns.map((c) => (
          <TableCell key={c}>{c}</TableCell>
        ))}
        {buttons ? (
          <TableCell>
            <span className="visually-hidden">{buttons}</span>
          </TableCell>
        ) : null}
      </TableRow>
    </TableHead>
  );
}
