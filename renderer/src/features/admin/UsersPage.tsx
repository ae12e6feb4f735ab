import AddIcon from '@mui/icons-material/PersonAdd';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Paper,
  Stack,
  Switch,
  FormControlLabel,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { roleLabels, roles, type Role, type User } from '#shared/domain/users';
import { api } from '../../api/api';
import { formatDateTime } from '../../app/format';
import { useNotify } from '../../components/Notifier';
import { useSession } from '../auth/AuthContext';
import { useFieldErrors } from '../../components/useFieldErrors';
import { FormStack } from '../../components/FormStack';
import { TableHeadings } from '../../components/TableHeadings';
import { SessionsPanel } from './SessionsPanel';

type Editing = { kind: 'new' } | { kind: 'edit'; user: User } | null;

/** Staff accounts (administrators only): add, change role, disable, set a new password. */
export function UsersPage(): React.JSX.Element {
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const { user: me } = useSession();

  const load = useCallback(() => {
    void api()
      .listUsers({})
      .then((r) => (r.ok ? setUsers(r.value) : setError(r.error.message)));
  }, []);
  useEffect(load, [load]);

  if (me.role !== 'administrator') return <Alert severity="warning">Only an administrator can manage staff accounts.</Alert>;

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center' }}>
        <Typography variant="h5" component="h1">
          Staff accounts
        </Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setEditing({ kind: 'new' })}>
          Add staff member
        </Button>
      </Stack>
      {error ? <Alert severity="error">{error}</Alert> : null}
      <Paper>
        <Table aria-label="Staff accounts">
          <TableHeadings columns={['Name', 'Username', 'Role', 'Registration', 'Status', 'Added']} buttons="Actions" />
          <TableBody>
            {users.map((u) => (
              <TableRow key={u.id}>
                <TableCell>{u.displayName}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace' }}>{u.username}</TableCell>
                <TableCell>{roleLabels[u.role]}</TableCell>
                <TableCell>{u.registrationNumber ?? <Typography component="span" variant="body2" color="text.secondary">Not given</Typography>}</TableCell>
                <TableCell>{u.disabledAt ? <Chip size="small" label="Disabled" /> : <Chip size="small" color="success" variant="outlined" label="Active" />}</TableCell>
                <TableCell>{formatDateTime(u.createdAt)}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setEditing({ kind: 'edit', user: u })} aria-label={`Change ${u.displayName}`}>
                    Change
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <SessionsPanel />
      {editing ? (
        <UserDialog
          editing={editing}
          onClose={(changed) => {
            setEditing(null);
            if (changed) load();
          }}
        />
      ) : null}
    </Stack>
  );
}

function UserDialog({ editing, onClose }: { editing: Exclude<Editing, null>; onClose: (changed: boolean) => void }): React.JSX.Element {
  const existing = editing.kind === 'edit' ? editing.user : null;
  const [displayName, setDisplayName] = useState(existing?.displayName ?? '');
  const [username, setUsername] = useState(existing?.username ?? '');
  const [role, setRole] = useState<Role>(existing?.role ?? 'nurse');
  const [disabled, setDisabled] = useState(existing?.disabledAt !== null && existing?.disabledAt !== undefined);
  const [password, setPassword] = useState('');
  const [registrationNumber, setRegistrationNumber] = useState(existing?.registrationNumber ?? '');
  const errors = useFieldErrors();
  const [message, setMessage] = useState<string | null>(null);
  const notify = useNotify();

  const save = async (): Promise<void> => {
    setMessage(null);
    if (existing) {
      const r = await api().updateUser({ id: existing.id, displayName, role, disabled, registrationNumber });
      if (!r.ok) {
        errors.refused(r.error, null);
        setMessage(r.error.message);
        return;
      }
      if (password !== '') {
        const p = await api().resetUserPassword({ id: existing.id, password });
        if (!p.ok) {
          errors.refused(p.error, null);
          setMessage(p.error.message);
          return;
        }
      }
      notify({ message: `${displayName}'s account saved.`, severity: 'success' });
    } else {
      const r = await api().createUser({ username, displayName, role, password, registrationNumber });
      if (!r.ok) {
        errors.refused(r.error, null);
        setMessage(r.error.message);
        return;
      }
      notify({ message: `${displayName} can now sign in as ${username}.`, severity: 'success' });
    }
    onClose(true);
  };

  return (
    <Dialog open onClose={() => onClose(false)} aria-labelledby="user-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="user-dialog-title">{existing ? `Change ${existing.displayName}` : 'Add staff member'}</DialogTitle>
      <DialogContent>
        <FormStack
          sx={{ pt: 1 }}
          id="user-form"
          onSubmit={() => {
            void save();
          }}
        >
          {message ? <Alert severity="error">{message}</Alert> : null}
          <TextField label="Full name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoFocus
            {...errors.field('displayName', 'As it appears on signed exams')} />
          <TextField label="Username" value={username} onChange={(e) => setUsername(e.target.value)} disabled={existing !== null}
            {...errors.field('username')} />
          <TextField select label="Role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {roles.map((r) => (
              <MenuItem key={r} value={r}>
                {roleLabels[r]}
              </MenuItem>
            ))}
          </TextField>
          <TextField label="Professional registration number (optional)" value={registrationNumber} onChange={(e) => setRegistrationNumber(e.target.value)}
            autoComplete="off" {...errors.field('registrationNumber', 'e.g. NMC PIN or HCPC number; printed under the signature on signed exams and letters')} />
          <TextField
            label={existing ? 'New password (leave empty to keep)' : 'Password'}
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            {...errors.field('password', 'At least 10 characters')}
          />
          {existing ? (
            <FormControlLabel control={<Switch checked={disabled} onChange={(e) => setDisabled(e.target.checked)} />} label="Account disabled (cannot sign in)" />
          ) : null}
        </FormStack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>Cancel</Button>
        <Button type="submit" form="user-form" variant="contained">
          {existing ? 'Save' : 'Add'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
