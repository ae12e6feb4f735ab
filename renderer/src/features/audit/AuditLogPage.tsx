import { Alert, Box, Button, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { auditActionLabels, auditActions, type AuditAction } from '#shared/domain/audit';
import { auditEntities, type AuditEntryView, type ListAuditLogRequest } from '#shared/domain/auditLog';
import { api } from '../../api/api';
import { formatDateTime } from '../../app/format';
import { useSession } from '../auth/AuthContext';
import { actionLabel, entityLabel, formatDetails, localDayStart } from './auditFormat';
import { VerifyPanel } from './VerifyPanel';
import { TableHeadings } from '../../components/TableHeadings';

interface Filters {
  action: AuditAction | '';
  entity: string;
  actor: string;
  fromDate: string;
  toDate: string;
}

const noFilters: Filters = { action: '', entity: '', actor: '', fromDate: '', toDate: '' };
const pageSize = 50;

function toRequest(f: Filters, beforeId: number | null): ListAuditLogRequest {
  return {
    action: f.action === '' ? null : f.action,
    entity: f.entity === '' ? null : f.entity,
    actor: f.actor.trim() === '' ? null : f.actor.trim(),
    from: localDayStart(f.fromDate),
    // The "to" day is included: entries before the start of the next day.
    to: localDayStart(f.toDate, 1),
    beforeId,
    limit: pageSize,
  };
}

/** Who did what and when (administrators): filters, newest first, and the chain check. */
export function AuditLogPage(): React.JSX.Element {
  const { user } = useSession();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const [applied, setApplied] = useState<Filters>(noFilters);
  const [entries, setEntries] = useState<AuditEntryView[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  // State changes only when the answer arrives (callers that want a busy state set it themselves).
  const load = useCallback((f: Filters, beforeId: number | null) => {
    void api()
      .listAuditLog(toRequest(f, beforeId))
      .then((r) => {
        setLoading(false);
        if (!r.ok) {
          setError(r.error.message);
          return;
        }
        setError(null);
        setEntries((previous) => (beforeId === null ? r.value.entries : [...previous, ...r.value.entries]));
        setNext(r.value.nextBeforeId);
      });
  }, []);

  useEffect(() => load(applied, null), [load, applied]);

  if (user.role !== 'administrator') return <Alert severity="warning">Only an administrator can see the audit log.</Alert>;

  const set = <K extends keyof Filters>(key: K, value: Filters[K]): void => setFilters((f) => ({ ...f, [key]: value }));

  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Audit log
      </Typography>
      <VerifyPanel />
      <Paper sx={{ p: 2 }}>
        <Stack
          component="form"
          aria-label="Filter the audit log"
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          sx={{ alignItems: { md: 'flex-start' }, flexWrap: 'wrap' }}
          onSubmit={(e) => {
            e.preventDefault();
            setApplied(filters);
          }}
        >
          <TextField select label="Action" value={filters.action} onChange={(e) => set('action', e.target.value as AuditAction | '')} sx={{ minWidth: 220 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
            <MenuItem value="">Any action</MenuItem>
            {auditActions.map((a) => (
              <MenuItem key={a} value={a}>
                {auditActionLabels[a]}
              </MenuItem>
            ))}
          </TextField>
          <TextField select label="Record" value={filters.entity} onChange={(e) => set('entity', e.target.value)} sx={{ minWidth: 160 }}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}>
            <MenuItem value="">Any record</MenuItem>
            {auditEntities.map((e) => (
              <MenuItem key={e} value={e}>
                {entityLabel(e)}
              </MenuItem>
            ))}
          </TextField>
          <TextField label="User" value={filters.actor} onChange={(e) => set('actor', e.target.value)} helperText="Part of a username" />
          <TextField label="From" type="date" value={filters.fromDate} onChange={(e) => set('fromDate', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField label="To" type="date" value={filters.toDate} onChange={(e) => set('toDate', e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <Stack direction="row" spacing={1} sx={{ pt: 1 }}>
            <Button type="submit" variant="outlined">
              Show
            </Button>
            <Button
              onClick={() => {
                setFilters(noFilters);
                setApplied(noFilters);
              }}
            >
              Clear
            </Button>
          </Stack>
        </Stack>
      </Paper>
      {error ? <Alert severity="error">{error}</Alert> : null}
      <Paper sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="Audit log entries, newest first">
          <TableHeadings columns={['#', 'Time', 'User', 'Action', 'Record', 'Details']} />
          <TableBody>
            {entries.map((e) => (
              <TableRow key={e.id}>
                <TableCell sx={{ color: 'text.secondary' }}>{e.id}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{e.actor}</TableCell>
                <TableCell>{actionLabel(e.action)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {entityLabel(e.entity)}
                  {e.entityId ? ` #${e.entityId}` : ''}
                </TableCell>
                <TableCell sx={{ color: 'text.secondary' }}>
                  {formatDetails(e.details)}
                  {Object.keys(e.details).length > 0 ? (
                    <Box component="details" sx={{ fontSize: '0.8em' }}>
                      <summary>Details as recorded</summary>
                      <Box component="code" sx={{ wordBreak: 'break-all' }}>{JSON.stringify(e.details)}</Box>
                    </Box>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
            {!loading && entries.length === 0 ? (
              <TableRow>
                <TableCell colSpan={6}>No entries match these filters.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </Paper>
      {next !== null ? (
        <Button
          onClick={() => {
            setLoading(true);
            load(applied, next);
          }}
          disabled={loading}
          sx={{ alignSelf: 'center' }}
        >
          Show older entries
        </Button>
      ) : null}
    </Stack>
  );
}
