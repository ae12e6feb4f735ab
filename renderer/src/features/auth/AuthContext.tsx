import { createContext, useContext } from 'react';
import type { User } from '#shared/domain/users';

export interface Session {
  user: User;
  signOut: () => void;
  lock: () => void;
}

export const SessionContext = createContext<Session | null>(null);

/** The signed-in member of staff. Only used below the sign-in gate, where there always is one. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the sign-in gate');
  return session;
}
