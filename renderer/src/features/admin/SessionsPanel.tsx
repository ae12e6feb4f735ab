import { Alert, Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Paper, Stack, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import type { ActiveSession } from '#shared/domain/sessions';
import { roleLabels } from '#shared/domain/users';
import { api, authChangedEvent } from '../../api/api';
import { formatDateTime } from '../../app/format';
import { useNotify } from '../../components/Notifier';
import { TableHeadings } from '../../components/TableHeadings';

/**
 * Who is signed in where, for an administrator: a lost laptop or a computer left signed in at the
 * front desk can be signed out from here. Ending a session is confirmed first and recorded in the
 * audit log; the person sees "an administrator ended your session" at their next step.
 */
export function SessionsPanel(): React.JSX.Element {
  const [sessions, setSessions] = useState<ActiveSession[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [ending, setEnding] = useState<ActiveSession | null>(null);
  const notify = useNotify();

  const load = useCallback(() => {
    void api()
      .listSessions({})
      .then((r) => (r.ok ? setSessions(r.value) : setError(r.error.message)));
  }, []);
  useEffect(load, [load]);

  const end = (session: ActiveSession): void => {
    void api()
      .endSession({ sessionId: session.id })
      .then((r) => {
        setEnding(null);
        if (!r.ok) {
          setError(r.error.message);
          load();
          return;
        }
        if (r.value.endedOwnSession) {
          // Signed out here too: the sign-in gate takes over, and nothing of the session stays behind.
          window.sessionStorage.clear();
          window.dispatchEvent(new Event(authChangedEvent));
          return;
        }
        notify({ message: `${session.displayName}'s session on ${session.client} was ended.`, severity: 'success' });
        load();
      });
  };

  return (
    <Stack spacing={1} component="section" aria-labelledby="sessions-heading">
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h6" component="h2" id="sessions-heading">
          Signed-in sessions
        </Typography>
        <Button size="small" onClick={load}>
          Refresh
        </Button>
      </Stack>
      {error ? <Alert severity="error">{error}</Alert> : null}
      <Paper>
        <Table aria-label="Signed-in sessions" size="small">
          <TableHeadings columns={['Name', 'Role', 'Where', 'Signed in', 'Last active', 'Status']} buttons="Actions" />
          <TableBody>
            {sessions.map((s) => (
              <TableRow key={s.id}>
                <TableCell>
                  {s.displayName} <Typography component="span" variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>({s.username})</Typography>
                </TableCell>
                <TableCell>{roleLabels[s.role]}</TableCell>
                <TableCell>
                  {s.client}
                  {s.current ? <Chip size="small" variant="outlined" label="This session" sx={{ ml: 1 }} /> : null}
                </TableCell>
                <TableCell>{formatDateTime(s.startedAt)}</TableCell>
                <TableCell>{formatDateTime(s.lastActiveAt)}</TableCell>
                <TableCell>{s.locked ? <Chip size="small" label="Locked" /> : <Chip size="small" color="success" variant="outlined" label="Active" />}</TableCell>
                <TableCell align="right">
                  <Button size="small" color="warning" onClick={() => setEnding(s)} aria-label={s.current ? 'End session: your own (signs you out here)' : `End session of ${s.displayName} on ${s.client}`}>
                    End session
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {ending ? (
        <Dialog open onClose={() => setEnding(null)} aria-labelledby="end-session-title" aria-describedby="end-session-text">
          <DialogTitle id="end-session-title">End this session?</DialogTitle>
          <DialogContent>
            <DialogContentText id="end-session-text">
              {ending.current
                ? 'This is your own session: you will be signed out here now.'
                : `${ending.displayName} will be signed out on ${ending.client}. Anything not yet saved there is lost; screenings already saved as drafts are kept. They can sign in again with their password.`}
            </DialogContentText>
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setEnding(null)} autoFocus>
              Cancel
            </Button>
            <Button color="warning" variant="contained" onClick={() => end(ending)}>
              End session
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
    </Stack>
  );
}
