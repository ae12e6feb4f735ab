import { Box, CircularProgress } from '@mui/material';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuthState } from '#shared/domain/users';
import { api, authChangedEvent } from '../../api/api';
import { RecoveryScreen } from '../../app/startScreens';
import { navigate } from '../../app/router';
import { SessionContext, type Session } from './AuthContext';
import { LockScreen, SetupScreen, SignInScreen, type LockReason } from './AuthForms';
import { useIdleTimer } from './useIdleTimer';

/**
 * Nothing of the clinic's records shows until someone signs in. When the session locks (idle
 * time, or locked by hand) the lock screen covers the app without unmounting it, so the screen
 * and any half-entered exam are exactly as they were after the password is entered again — but
 * nothing of the record shows behind it, and it says why it locked. Each sign-in starts at the
 * patient list, never on the page the previous person left open. Session storage (the new-patient
 * draft, search text) is cleared at sign-out and lock.
 */
// Kept mounted (the half-entered exam survives) but not painted: nothing readable behind the lock.
const hiddenWhileLocked = { visibility: 'hidden' } as const;

export function AuthGate({ children }: { children: ReactNode }): React.JSX.Element {
  const [state, setState] = useState<AuthState | null>(null);
  const [lastUser, setLastUser] = useState<Session['user'] | null>(null);
  const [lockReason, setLockReason] = useState<LockReason>('unknown');
  // Who signed in last on this screen: the same person signing in again (after a restore, say)
  // carries on where they were; anyone else starts at the patient list.
  const [previousUserId, setPreviousUserId] = useState<number | null>(null);

  const refresh = useCallback(() => {
    void api()
      .getAuthState({})
      .then((r) => {
        if (!r.ok) return;
        if (r.value.kind === 'signed-in' || r.value.kind === 'locked') setPreviousUserId(r.value.user.id);
        setState(r.value);
      });
  }, []);

  useEffect(() => {
    refresh();
    window.addEventListener(authChangedEvent, refresh);
    return () => window.removeEventListener(authChangedEvent, refresh);
  }, [refresh]);

  const apply = useCallback((next: AuthState) => {
    if (next.kind === 'signed-in' || next.kind === 'locked') setPreviousUserId(next.user.id);
    setState(next);
    if (next.kind === 'signed-in' || next.kind === 'locked') setLastUser(next.user);
  }, []);

  const signedInFresh = useCallback(
    (next: AuthState) => {
      if (next.kind === 'signed-in') {
        if (previousUserId !== next.user.id) navigate({ page: 'patients' }, { replace: true });
      }
      apply(next);
    },
    [apply, previousUserId],
  );

  const lockFor = useCallback(
    (reason: LockReason) => {
      window.sessionStorage.clear();
      setLockReason(reason);
      void api()
        .lockSession({})
        .then((r) => r.ok && apply(r.value));
    },
    [apply],
  );
  const lock = useCallback(() => lockFor('by-hand'), [lockFor]);
  const [lastIdleMinutes, setLastIdleMinutes] = useState<number | null>(null);
  const idleLimit = state?.kind === 'signed-in' ? state.idleLockMinutes : null;
  const lockWhenIdle = useCallback(() => {
    setLastIdleMinutes(idleLimit);
    lockFor('idle');
  }, [lockFor, idleLimit]);
  const signOut = useCallback(() => {
    window.sessionStorage.clear();
    void api()
      .signOut({})
      .then((r) => {
        if (r.ok) {
          setLastUser(null);
          setState(r.value);
        }
      });
  }, []);

  const signedIn = state?.kind === 'signed-in';
  useIdleTimer(signedIn ? state.idleLockMinutes : null, lockWhenIdle);

  const user = state?.kind === 'signed-in' || state?.kind === 'locked' ? state.user : lastUser;
  const session = useMemo<Session | null>(() => (user ? { user, signOut, lock } : null), [user, signOut, lock]);

  if (state === null) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
        <CircularProgress aria-label="Starting" />
      </Box>
    );
  }
  if (state.kind === 'recovery') return <RecoveryScreen problem={state.problem} dataFile={state.dataFile} onRestored={refresh} />;
  if (state.kind === 'setup-required') return <SetupScreen onDone={signedInFresh} />;
  if (state.kind === 'signed-out' || !session) return <SignInScreen onDone={signedInFresh} notice={state.kind === 'signed-out' ? state.notice : undefined} />;
  const locked = state.kind === 'locked';
  return (
    <SessionContext.Provider value={session}>
      <Box inert={locked} aria-hidden={locked} sx={locked ? hiddenWhileLocked : undefined}>
        {children}
      </Box>
      {locked ? <LockScreen user={state.user} reason={lockReason} idleMinutes={lastIdleMinutes} onDone={apply} onSwitchUser={signOut} /> : null}
    </SessionContext.Provider>
  );
}
