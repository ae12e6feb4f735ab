import type { accountOperations } from '#shared/ipc/accountOperations';
import { ok } from '#shared/ipc/result';
import type { AppServices } from '../services/appServices';
import { signedIn, type HandlersOf } from './handlerContext';

export function accountHandlers({ auth }: AppServices): HandlersOf<typeof accountOperations> {
  return {
    getAuthState: (_r, c) => ok(auth.state(c.clientKey)),
    createFirstAdministrator: (r, c) => auth.createFirstAdministrator(c.clientKey, r),
    signIn: (r, c) => auth.signIn(c.clientKey, r.username, r.password),
    signOut: (_r, c) => auth.signOut(c.clientKey),
    lockSession: (_r, c) => auth.lock(c.clientKey),
    unlockSession: (r, c) => auth.unlock(c.clientKey, r.password),
    changeOwnPassword: (r, c) => auth.changeOwnPassword(signedIn(c).id, r.currentPassword, r.newPassword, c.clientKey),
    listUsers: () => ok(auth.listUsers()),
    createUser: (r, c) => auth.createUser(r, c.actor),
    updateUser: (r, c) => auth.updateUser(r.id, r, { ...c.actor, userId: signedIn(c).id }),
    resetUserPassword: (r, c) => auth.setPassword(r.id, r.password, c.actor, c.clientKey),
    listSessions: (_r, c) => ok(auth.listSessions(c.clientKey)),
    endSession: (r, c) => auth.endSession(r.sessionId, c.actor, c.clientKey),
  };
}
