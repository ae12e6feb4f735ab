import LockIcon from '@mui/icons-material/Lock';
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import type { AuthState, User } from '#shared/domain/users';
import { api } from '../../api/api';
import { useFieldErrors } from '../../components/useFieldErrors';
import { FormStack } from '../../components/FormStack';
import { PageCard } from '../../components/PageCard';
import { PlainTextField } from '../../components/PlainTextField';

function Frame({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }): React.JSX.Element {
  return (
    <PageCard icon={<LockIcon color="primary" />} title={title} maxWidth={440}>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {intro}
      </Typography>
      {children}
    </PageCard>
  );
}

interface FormProps {
  onDone: (state: AuthState) => void;
}

/** First run: whoever installs the app creates the administrator account. */
export function SetupScreen({ onDone }: FormProps): React.JSX.Element {
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const errors = useFieldErrors();
  /** A refusal that names no field (e.g. an administrator already exists). */
  const [refusal, setRefusal] = useState<string | null>(null);
  const [mismatch, setMismatch] = useState(false);
  return (
    <Frame title="Set up Foot Screening" intro="Create the administrator account. The administrator then adds the clinic's staff.">
      <FormStack
        onSubmit={() => {
          if (password !== repeat) {
            setMismatch(true);
            return;
          }
          setMismatch(false);
          void api()
            .createFirstAdministrator({ username, displayName, password })
            .then((r) => {
              if (r.ok) {
                onDone(r.value);
                return;
              }
              errors.refused(r.error, null);
              setRefusal(r.error.issues ? null : r.error.message);
            });
        }}
      >
        {refusal ? <Alert severity="error">{refusal}</Alert> : null}
        <PlainTextField label="Full name" value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoFocus required
          {...errors.field('displayName', 'As it will appear on signed exams')} />
        <PlainTextField label="Username" value={username} onChange={(e) => setUsername(e.target.value)} required autoComplete="username"
          {...errors.field('username')} />
        <PlainTextField label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} required autoComplete="new-password"
          {...errors.field('password', 'At least 10 characters; a short sentence works well')} />
        <PlainTextField label="Repeat password" type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required autoComplete="new-password"
          error={mismatch} helperText={mismatch ? 'The two passwords are different' : ' '} />
        <Button type="submit" variant="contained">
          Create administrator and sign in
        </Button>
      </FormStack>
    </Frame>
  );
}

/** `notice`: why this screen was signed out by someone else (an administrator ended the session). */
export function SignInScreen({ onDone, notice }: FormProps & { notice?: string | undefined }): React.JSX.Element {
  const [username, setUsername] = useState(() => localStorage.getItem('last-username') ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Frame title="Sign in" intro="Foot Screening holds medical records. Sign in with your own account.">
      <FormStack
        onSubmit={() => {
          setBusy(true);
          void api()
            .signIn({ username, password })
            .then((r) => {
              setBusy(false);
              if (r.ok) {
                localStorage.setItem('last-username', username);
                onDone(r.value);
              } else {
                setError(r.error.message);
                setPassword('');
              }
            });
        }}
      >
        {notice && !error ? (
          <Alert severity="warning" role="status">
            {notice}
          </Alert>
        ) : null}
        {error ? (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        ) : null}
        <PlainTextField label="Username" value={username} onChange={(e) => setUsername(e.target.value)} autoFocus={username === ''} autoComplete="username" />
        <PlainTextField label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus={username !== ''} autoComplete="current-password" />
        <Button type="submit" variant="contained" disabled={busy}>
          Sign in
        </Button>
      </FormStack>
    </Frame>
  );
}

/** Why the screen is locked, as the lock screen says it. */
export type LockReason = 'by-hand' | 'idle' | 'unknown';

function lockWords(reason: LockReason, idleMinutes: number | null): string {
  switch (reason) {
    case 'by-hand':
      return 'The screen was locked on purpose (Alt+L or the account menu).';
    case 'idle':
      return idleMinutes === null ? 'The screen locked after a while without use.' : `The screen locked after ${idleMinutes} minute${idleMinutes === 1 ? '' : 's'} without use.`;
    case 'unknown':
      return 'The screen is locked.';
  }
}

/**
 * Covers the app (nothing of the record shows through) when it locks by hand or after idle time,
 * saying which: the same person types the password and carries on.
 */
export function LockScreen({
  user,
  reason,
  idleMinutes,
  onDone,
  onSwitchUser,
}: FormProps & { user: User; reason: LockReason; idleMinutes: number | null; onSwitchUser: () => void }): React.JSX.Element {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Box role="dialog" aria-modal="true" aria-labelledby="lock-title" sx={{ position: 'fixed', inset: 0, zIndex: 3000, bgcolor: 'rgb(11, 30, 60)', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper sx={{ p: 4, width: '100%', maxWidth: 420 }}>
        <Typography id="lock-title" variant="h5" component="h1" gutterBottom>
          Locked
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {lockWords(reason, idleMinutes)} {user.displayName}, enter your password to carry on where you were. Nothing you entered has been
          lost.
        </Typography>
        <FormStack
          onSubmit={() => {
            void api()
              .unlockSession({ password })
              .then((r) => {
                setPassword('');
                if (r.ok) onDone(r.value);
                else setError(r.error.message);
              });
          }}
        >
          {error ? (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          ) : null}
          <PlainTextField label="Password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus autoComplete="current-password" />
          <Button type="submit" variant="contained">
            Unlock
          </Button>
          <Button onClick={onSwitchUser}>Sign out (another person)</Button>
        </FormStack>
      </Paper>
    </Box>
  );
}
