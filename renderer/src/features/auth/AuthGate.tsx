import { Box, CircularProgress } from '@mui/material';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { AuthState } from '#shared/domain/users';
import { api, authChangedEvent } from '../../api/api';
import { RecoveryScreen } from '../../app/lazyScreens';
import { SessionContext, type Session } from './AuthContext';
import { LockScreen, SetupScreen, SignInScreen } from './AuthForms';
import { useIdleTimer } from './useIdleTimer';

/**
 * Nothing of the clinic's records shows until someone signs in. When the session locks (idle
 * time, or locked by hand) the lock screen covers the app without unmounting it, so the screen
 * and any half-entered exam are exactly as they were after the password is entered again.
 */
export function AuthGate({ children }: { children: ReactNode }): React.JSX.Element {
  const [state, setState] = useState<AuthState | null>(null);
  const [lastUser, setLastUser] = useState<Session['user'] | null>(null);

  const refresh = useCallback(() => {
    void api()
      .getAuthState({})
      .then((r) => {
        if (r.ok) setState(r.value);
      });
  }, []);

  useEffect(() => {
    refresh();
    window.addEventListener(authChangedEvent, refresh);
    return () => window.removeEventListener(authChangedEvent, refresh);
  }, [refresh]);

  const apply = useCallback((next: AuthState) => {
    setState(next);
    if (next.kind === 'signed-in' || next.kind === 'locked') setLastUser(next.user);
  }, []);

  const lock = useCallback(() => {
    void api()
      .lockSession({})
      .then((r) => r.ok && apply(r.value));
  }, [apply]);
  const signOut = useCallback(() => {
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
  useIdleTimer(signedIn ? state.idleLockMinutes : null, lock);

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
  if (state.kind === 'setup-required') return <SetupScreen onDone={apply} />;
  if (state.kind === 'signed-out' || !session) return <SignInScreen onDone={apply} />;
  const locked = state.kind === 'locked';
  return (
    <SessionContext.Provider value={session}>
      <Box inert={locked} aria-hidden={locked}>
        {children}
      </Box>
      {locked ? <LockScreen user={state.user} onDone={apply} onSwitchUser={signOut} /> : null}
    </SessionContext.Provider>
  );
}
