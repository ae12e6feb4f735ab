import { createHash, randomUUID } from 'node:crypto';
import type { ActiveSession } from '#shared/domain/sessions';
import type { AuthState, NewUser, Role, User } from '#shared/domain/users';
import type { Access } from '#shared/ipc/operationTable';
import { fail, ok, type Result } from '#shared/ipc/result';
import { publicUser, type StoredUser } from '../../db/repositories/userRepository';
import type { Clock } from '../clock';
import type { Actor } from '../actor';
import type { SettingsService } from '../settings/settingsService';
import { decoyHash, hashPassword, retryDelaySeconds, verifyPassword } from './passwords';
import type { Store } from '../../db/store';

/** Who is signed in on one client (a desktop window, or a browser tab of the harness). */
interface Session {
  /** Names the session to an administrator; the client key itself is never shown. */
  id: string;
  userId: number;
  startedMs: number;
  lastActivityMs: number;
  locked: boolean;
}

/** What the sign-in screen of a client says after an administrator ended its session. */
const endedByAdministrator = 'An administrator ended your session. Please sign in again.';

const wrongCredentials = 'Wrong username or password.';

function attemptKey(clientKey: string, username: string): string {
  return `${clientKey}\n${username.trim().toLowerCase()}`;
}

/**
 * Staff accounts, sign-in, idle lock and roles. Sessions live in memory, keyed by the client
 * (so a restart signs everybody out); failed attempts are counted in the database so guessing
 * stays slow across restarts.
 */
export class AuthService {
  private readonly sessions = new Map<string, Session>();
  /**
   * Wrong passwords per (client, typed username): the wait grows for that pair only, so guessing
   * from one place stays slow while the same account can still sign in at another computer, and an
   * unknown username is throttled exactly like a known one (the answers cannot tell them apart).
   */
  private readonly failures = new Map<string, { count: number; lastMs: number }>();
  /**
   * Users as read by `authorize`, which runs before every operation. Cleared on every change to
   * an account made through this service (the only writer of app_user).
   */
  private readonly userCache = new Map<number, StoredUser | null>();
  /** (client, username) pairs whose password is being hashed right now. */
  private readonly checking = new Set<string>();
  /** Clients whose session an administrator ended, until they sign in again: why they were signed out. */
  private readonly endedNotices = new Map<string, string>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {}

  state(clientKey: string): AuthState {
    if (this.store.users.count() === 0) return { kind: 'setup-required' };
    const session = this.liveSession(clientKey);
    if (!session) {
      const notice = this.endedNotices.get(clientKey);
      return notice ? { kind: 'signed-out', notice } : { kind: 'signed-out' };
    }
    const user = this.store.users.findById(session.userId);
    if (!user) return { kind: 'signed-out' };
    if (session.locked) return { kind: 'locked', user: publicUser(user) };
    return { kind: 'signed-in', user: publicUser(user), idleLockMinutes: this.settings.clinic().idleLockMinutes };
  }

  /**
   * Checks that the client may call an operation of this access level, and counts the call as
   * activity. Returns the acting user (null for public operations called signed out).
   */
  authorize(clientKey: string, access: Access): Result<User | null> {
    if (access === 'public') {
      const session = this.liveSession(clientKey);
      const user = session && !session.locked ? this.cachedUser(session.userId) : null;
      return ok(user ? publicUser(user) : null);
    }
    const session = this.liveSession(clientKey);
    if (!session) return this.signedOutAnswer(clientKey);
    if (session.locked) return fail('unauthorized', 'The screen is locked. Enter your password to carry on.');
    const user = this.cachedUser(session.userId);
    if (!user || user.disabledAt !== null) {
      this.sessions.delete(clientKey);
      return fail('unauthorized', 'This account is no longer active. Please sign in.');
    }
    if (access === 'administrator' && user.role !== 'administrator') {
      return fail('forbidden', 'Only an administrator can do this.');
    }
    session.lastActivityMs = this.clock.now().getTime();
    return ok(publicUser(user));
  }

  /** The first account of a new installation: an administrator, signed in at once. */
  async createFirstAdministrator(clientKey: string, input: Omit<NewUser, 'role'>): Promise<Result<AuthState>> {
    const passwordHash = await hashPassword(input.password);
    this.userCache.clear();
    const now = this.clock.now().toISOString();
    let created: number | null = null;
    this.store.db
      .transaction(() => {
        if (this.store.users.count() > 0) return;
        created = this.store.users.insert({ username: input.username, displayName: input.displayName, role: 'administrator', passwordHash, registrationNumber: null }, now);
        this.store.audit.append({
          at: now,
          actor: input.username,
          action: 'user.create',
          entity: 'user',
          entityId: String(created),
          details: { role: 'administrator', firstAccount: true },
        });
      })
      .immediate();
    if (created === null) return fail('conflict', 'An administrator account already exists. Please sign in.');
    this.startSession(clientKey, created);
    return ok(this.state(clientKey));
  }

  async signIn(clientKey: string, username: string, password: string): Promise<Result<AuthState>> {
    const attempt = attemptKey(clientKey, username);
    const wait = this.secondsToWait(attempt);
    if (wait > 0) return fail('too_many_attempts', `Too many failed sign-ins from here. Try again in ${wait} seconds.`);
    // One check at a time per (client, username): guesses sent together cannot slip past the wait.
    if (this.checking.has(attempt)) return fail('too_many_attempts', 'A sign-in from here is already being checked. Try again in a moment.');
    this.checking.add(attempt);
    let matches: boolean;
    try {
      const stored = this.store.users.findByUsername(username)?.passwordHash;
      // Unknown usernames are checked against a decoy hash, so they take as long as known ones.
      matches = await verifyPassword(password, stored ?? decoyHash);
    } finally {
      this.checking.delete(attempt);
    }
    // Read again after the hash: the account may have changed meanwhile.
    this.userCache.clear();
    const user = this.store.users.findByUsername(username);
    const now = this.clock.now().toISOString();
    if (!user || !matches || user.disabledAt !== null) {
      this.store.db.transaction(() => {
        if (user && !matches) this.store.users.recordFailure(user.id, now);
        this.countFailure(attempt);
        this.store.audit.append({
          at: now,
          actor: username.slice(0, 40),
          action: 'session.sign-in-failed',
          entity: 'session',
          entityId: null,
          details: { reason: !user ? 'unknown user' : !matches ? 'wrong password' : 'account disabled' },
        });
      })();
      // Only someone who gave the right password learns that the account is disabled.
      if (user && matches && user.disabledAt !== null) return fail('unauthorized', 'This account has been disabled. Ask an administrator.');
      return fail('unauthorized', wrongCredentials);
    }
    this.store.db.transaction(() => {
      this.store.users.recordSuccess(user.id);
      this.failures.delete(attempt);
      this.store.audit.append({ at: now, actor: user.username, action: 'session.sign-in', entity: 'session', entityId: null, details: {} });
    })();
    this.startSession(clientKey, user.id);
    return ok(this.state(clientKey));
  }

  signOut(clientKey: string): Result<AuthState> {
    const session = this.sessions.get(clientKey);
    if (session) {
      const user = this.store.users.findById(session.userId);
      this.sessions.delete(clientKey);
      if (user) {
        this.store.audit.append({ at: this.clock.now().toISOString(), actor: user.username, action: 'session.sign-out', entity: 'session', entityId: null, details: {} });
      }
    }
    return ok(this.state(clientKey));
  }

  lock(clientKey: string): Result<AuthState> {
    const session = this.sessions.get(clientKey);
    if (session) session.locked = true;
    return ok(this.state(clientKey));
  }

  /** Unlocking needs the signed-in user's own password; wrong tries count like sign-in failures. */
  async unlock(clientKey: string, password: string): Promise<Result<AuthState>> {
    this.userCache.clear();
    const session = this.sessions.get(clientKey);
    if (!session) return this.signedOutAnswer(clientKey);
    const user = this.store.users.findById(session.userId);
    if (!user || user.disabledAt !== null) {
      this.sessions.delete(clientKey);
      return fail('unauthorized', 'This account is no longer active. Please sign in.');
    }
    const attempt = attemptKey(clientKey, user.username);
    const wait = this.secondsToWait(attempt);
    if (wait > 0) return fail('too_many_attempts', `Too many wrong passwords. Try again in ${wait} seconds.`);
    if (this.checking.has(attempt)) return fail('too_many_attempts', 'The password is already being checked. Try again in a moment.');
    this.checking.add(attempt);
    let matches: boolean;
    try {
      matches = await verifyPassword(password, user.passwordHash);
    } finally {
      this.checking.delete(attempt);
    }
    // The session may have been ended (or the password changed) while the hash was computed.
    if (this.sessions.get(clientKey) !== session) return this.signedOutAnswer(clientKey);
    if (!matches) {
      this.store.users.recordFailure(user.id, this.clock.now().toISOString());
      this.countFailure(attempt);
      return fail('unauthorized', 'Wrong password.');
    }
    this.store.users.recordSuccess(user.id);
    this.failures.delete(attempt);
    session.locked = false;
    session.lastActivityMs = this.clock.now().getTime();
    return ok(this.state(clientKey));
  }

  listUsers(): User[] {
    return this.store.users.all().map(publicUser);
  }

  async createUser(input: NewUser, actor: Actor): Promise<Result<User>> {
    const taken = (): Result<User> =>
      fail('conflict', `The username ${input.username} is already taken.`, [{ path: 'username', message: 'This username is already taken' }]);
    if (this.store.users.findByUsername(input.username)) return taken();
    const passwordHash = await hashPassword(input.password);
    this.userCache.clear();
    // Checked again: someone may have taken the name while the password was hashed.
    if (this.store.users.findByUsername(input.username)) return taken();
    const now = this.clock.now().toISOString();
    const id = this.store.db.transaction(() => {
      const newId = this.store.users.insert(
        { username: input.username, displayName: input.displayName, role: input.role, passwordHash, registrationNumber: input.registrationNumber ?? null },
        now,
      );
      this.store.audit.append({ at: now, actor: actor.name, action: 'user.create', entity: 'user', entityId: String(newId), details: { role: input.role } });
      return newId;
    })();
    const user = this.store.users.findById(id);
    return user ? ok(publicUser(user)) : fail('internal', 'The account was not saved.');
  }

  updateUser(
    id: number,
    change: { displayName: string; role: Role; disabled: boolean; registrationNumber?: string | null | undefined },
    actor: Actor & { userId: number },
  ): Result<User> {
    this.userCache.clear();
    const before = this.store.users.findById(id);
    if (!before) return fail('not_found', 'No such account.');
    const leavesNoAdministrator =
      before.role === 'administrator' && before.disabledAt === null && (change.role !== 'administrator' || change.disabled) && this.store.users.activeAdministrators() <= 1;
    if (leavesNoAdministrator) return fail('conflict', 'At least one active administrator must remain.');
    if (id === actor.userId && change.disabled) return fail('conflict', 'You cannot disable your own account.');
    const now = this.clock.now().toISOString();
    const disabledAt = change.disabled ? (before.disabledAt ?? now) : null;
    this.store.db.transaction(() => {
      const registrationNumber = change.registrationNumber === undefined ? before.registrationNumber : change.registrationNumber;
      this.store.users.update({ id, displayName: change.displayName, role: change.role, disabledAt, registrationNumber, now });
      this.store.audit.append({
        at: now,
        actor: actor.name,
        action: 'user.update',
        entity: 'user',
        entityId: String(id),
        details: {
          role: change.role,
          disabled: change.disabled,
          displayNameChanged: change.displayName !== before.displayName,
          registrationNumberChanged: change.registrationNumber !== undefined && change.registrationNumber !== before.registrationNumber,
        },
      });
    })();
    if (change.disabled) {
      for (const [key, s] of this.sessions) if (s.userId === id) this.sessions.delete(key);
    }
    const user = this.store.users.findById(id);
    return user ? ok(publicUser(user)) : fail('not_found', 'No such account.');
  }

  /**
   * Sets a password (an administrator's reset, or the user's own change) and ends every other
   * session of that user: whoever knew the old password is signed out everywhere. `keepClientKey`
   * is the session that made the change, which stays signed in.
   */
  async setPassword(id: number, password: string, actor: Actor, keepClientKey?: string): Promise<Result<User>> {
    const passwordHash = await hashPassword(password);
    this.userCache.clear();
    const user = this.store.users.findById(id);
    if (!user) return fail('not_found', 'No such account.');
    const now = this.clock.now().toISOString();
    this.store.db.transaction(() => {
      this.store.users.setPassword({ id, passwordHash, now });
      this.store.audit.append({ at: now, actor: actor.name, action: 'user.password', entity: 'user', entityId: String(id), details: {} });
    })();
    const ended = this.endSessionsOf(id, keepClientKey);
    if (ended > 0) {
      this.store.db.transaction(() => {
        this.store.audit.append({ at: now, actor: actor.name, action: 'session.ended', entity: 'session', entityId: null, details: { userId: id, sessions: ended, why: 'password changed' } });
      })();
    }
    return ok(publicUser(user));
  }

  async changeOwnPassword(userId: number, current: string, next: string, clientKey?: string): Promise<Result<User>> {
    this.userCache.clear();
    const user = this.store.users.findById(userId);
    if (!user) return fail('not_found', 'No such account.');
    if (!(await verifyPassword(current, user.passwordHash))) {
      return fail('validation_failed', 'The current password is wrong.', [{ path: 'currentPassword', message: 'The current password is wrong' }]);
    }
    return this.setPassword(userId, next, { name: user.username }, clientKey);
  }

  /** Ends the user's sessions (all but `keep`); returns how many. */
  private endSessionsOf(userId: number, keep?: string): number {
    let ended = 0;
    for (const [key, s] of this.sessions) {
      if (s.userId === userId && key !== keep) {
        this.sessions.delete(key);
        this.endedNotices.set(key, 'Your password was changed, so you were signed out here. Please sign in again.');
        ended++;
      }
    }
    return ended;
  }

  private countFailure(attempt: string): void {
    const before = this.failures.get(attempt);
    this.failures.set(attempt, { count: (before?.count ?? 0) + 1, lastMs: this.clock.now().getTime() });
  }

  private cachedUser(id: number): StoredUser | null {
    if (!this.userCache.has(id)) this.userCache.set(id, this.store.users.findById(id));
    return this.userCache.get(id) ?? null;
  }

  private startSession(clientKey: string, userId: number): void {
    const nowMs = this.clock.now().getTime();
    this.endedNotices.delete(clientKey);
    this.sessions.set(clientKey, { id: randomUUID(), userId, startedMs: nowMs, lastActivityMs: nowMs, locked: false });
  }

  /** The answer to a call from a client without a session: why, if an administrator ended it. */
  private signedOutAnswer<T>(clientKey: string): Result<T> {
    return fail('unauthorized', this.endedNotices.get(clientKey) ?? 'Please sign in.');
  }

  /** Every session open now, newest activity first, for the administrator's sessions list. */
  listSessions(viewerClientKey: string): ActiveSession[] {
    const rows: ActiveSession[] = [];
    for (const [clientKey, s] of this.sessions) {
      const user = this.store.users.findById(s.userId);
      if (!user) continue;
      const live = this.liveSession(clientKey);
      rows.push({
        id: s.id,
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        client: clientLabel(clientKey),
        startedAt: new Date(s.startedMs).toISOString(),
        lastActiveAt: new Date(s.lastActivityMs).toISOString(),
        locked: live?.locked ?? s.locked,
        current: clientKey === viewerClientKey,
      });
    }
    return rows.sort((a, b) => b.lastActiveAt.localeCompare(a.lastActiveAt) || a.username.localeCompare(b.username));
  }

  /**
   * Ends one session (an administrator's "End session"). That client's next request is answered
   * "an administrator ended your session"; ending one's own current session simply signs out.
   */
  endSession(sessionId: string, actor: Actor, viewerClientKey: string): Result<{ endedOwnSession: boolean }> {
    const found = [...this.sessions].find(([, s]) => s.id === sessionId);
    if (!found) return fail('not_found', 'That session has already ended (signed out, or ended by someone else).');
    const [clientKey, session] = found;
    const own = clientKey === viewerClientKey;
    this.sessions.delete(clientKey);
    if (!own) this.endedNotices.set(clientKey, endedByAdministrator);
    this.userCache.clear();
    this.store.db.transaction(() => {
      this.store.audit.append({
        at: this.clock.now().toISOString(),
        actor: actor.name,
        action: 'session.ended',
        entity: 'session',
        entityId: null,
        details: { userId: session.userId, sessions: 1, why: own ? 'own session ended by an administrator' : 'ended by an administrator' },
      });
    })();
    return ok({ endedOwnSession: own });
  }

  /** The client's session, locked if it has been idle longer than the clinic's idle time. */
  private liveSession(clientKey: string): Session | null {
    const session = this.sessions.get(clientKey);
    if (!session) return null;
    const idleMs = this.settings.clinic().idleLockMinutes * 60_000;
    if (!session.locked && this.clock.now().getTime() - session.lastActivityMs > idleMs) session.locked = true;
    return session;
  }

  private secondsToWait(attempt: string): number {
    const failed = this.failures.get(attempt);
    if (!failed) return 0;
    const delay = retryDelaySeconds(failed.count);
    if (delay === 0) return 0;
    const readyAt = failed.lastMs + delay * 1000;
    return Math.max(0, Math.ceil((readyAt - this.clock.now().getTime()) / 1000));
  }
}

/**
 * How a client is named in the sessions list. A browser tab's key is a secret that signs its
 * calls, so only a short fingerprint of it is shown.
 */
function clientLabel(clientKey: string): string {
  const colon = clientKey.indexOf(':');
  const kind = colon < 0 ? clientKey : clientKey.slice(0, colon);
  const rest = colon < 0 ? '' : clientKey.slice(colon + 1);
  const fingerprint = createHash('sha256').update(clientKey).digest('hex').slice(0, 6);
  switch (kind) {
    case 'desktop':
      return `Desktop window ${rest}`;
    case 'browser':
      return `Browser tab ${fingerprint}`;
    default:
      return `Client ${fingerprint}`;
  }
}
