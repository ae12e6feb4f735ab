import { Button, Chip, Table, TableBody, TableCell, TableRow } from '@mui/material';
import type { BackupInfo } from '#shared/domain/backups';
import { formatDateTime } from '../../app/format';
import { formatBytes } from '../audit/auditFormat';
import { TableHeadings } from '../../components/TableHeadings';

interface BackupTableProps {
  backups: BackupInfo[];
  onRestore: (backup: BackupInfo) => void;
}

/** The automatic backups, newest first, each with its own Restore button. */
export function BackupTable({ backups, onRestore }: BackupTableProps): React.JSX.Element {
  return (
    <Table size="small" aria-label="Automatic backups, newest first">
      <TableHeadings columns={['Made', 'Size']} buttons="Actions" />
      <TableBody>
        {backups.map((b, i) => (
          <TableRow key={b.name}>
            <TableCell>
              {formatDateTime(b.createdAt)} {i === 0 ? <Chip size="small" color="primary" variant="outlined" label="Newest" sx={{ ml: 1 }} /> : null}
            </TableCell>
            <TableCell>{formatBytes(b.bytes)}</TableCell>
            <TableCell align="right">
              <Button size="small" onClick={() => onRestore(b)} aria-label={`Restore the backup made ${formatDateTime(b.createdAt)}`}>
                Restore…
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function describeBackup(b: BackupInfo): string {
  return `the automatic backup made ${formatDateTime(b.createdAt)}`;
}
