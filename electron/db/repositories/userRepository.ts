import type { Role, User } from '#shared/domain/users';
import type { Db } from '../types';

interface UserRow {
  id: number;
  username: string;
  display_name: string;
  registration_number: string | null;
  role: string;
  password_hash: string;
  failed_attempts: number;
  last_failed_at: string | null;
  created_at: string;
  disabled_at: string | null;
}

export interface StoredUser extends User {
  passwordHash: string;
  failedAttempts: number;
  lastFailedAt: string | null;
}

function toUser(row: UserRow): StoredUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    registrationNumber: row.registration_number,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    passwordHash: row.password_hash,
    failedAttempts: row.failed_attempts,
    lastFailedAt: row.last_failed_at,
  };
}

export function publicUser(u: StoredUser): User {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, registrationNumber: u.registrationNumber, createdAt: u.createdAt, disabledAt: u.disabledAt };
}

export interface NewUserRow {
  username: string;
  displayName: string;
  role: Role;
  passwordHash: string;
  registrationNumber: string | null;
}

export interface UserChange {
  id: number;
  displayName: string;
  role: Role;
  disabledAt: string | null;
  registrationNumber: string | null;
  now: string;
}

export class UserRepository {
  private readonly countStmt;
  private readonly byIdStmt;
  private readonly byNameStmt;
  private readonly allStmt;
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly setPasswordStmt;
  private readonly failureStmt;
  private readonly successStmt;
  private readonly activeAdminsStmt;

  constructor(db: Db) {
    this.countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM app_user');
    this.byIdStmt = db.prepare<[number], UserRow>('SELECT * FROM app_user WHERE id = ?');
    this.byNameStmt = db.prepare<[string], UserRow>('SELECT * FROM app_user WHERE username_folded = ?');
    this.allStmt = db.prepare<[], UserRow>('SELECT * FROM app_user ORDER BY disabled_at IS NOT NULL, display_name COLLATE NOCASE, id');
    this.insertStmt = db.prepare<[NewUserRow & { usernameFolded: string; now: string }]>(
      `INSERT INTO app_user (username, username_folded, display_name, role, password_hash, registration_number, created_at, updated_at)
       VALUES (@username, @usernameFolded, @displayName, @role, @passwordHash, @registrationNumber, @now, @now)`,
    );
    this.updateStmt = db.prepare<[UserChange]>(
      'UPDATE app_user SET display_name = @displayName, role = @role, disabled_at = @disabledAt, registration_number = @registrationNumber, updated_at = @now WHERE id = @id',
    );
    this.setPasswordStmt = db.prepare<[{ id: number; passwordHash: string; now: string }]>(
      'UPDATE app_user SET password_hash = @passwordHash, failed_attempts = 0, last_failed_at = NULL, updated_at = @now WHERE id = @id',
    );
    this.failureStmt = db.prepare<[{ id: number; now: string }]>(
      'UPDATE app_user SET failed_attempts = failed_attempts + 1, last_failed_at = @now WHERE id = @id',
    );
    this.successStmt = db.prepare<[{ id: number }]>('UPDATE app_user SET failed_attempts = 0, last_failed_at = NULL WHERE id = @id');
    this.activeAdminsStmt = db.prepare<[], { n: number }>(
      "SELECT count(*) AS n FROM app_user WHERE role = 'administrator' AND disabled_at IS NULL",
    );
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  activeAdministrators(): number {
    return this.activeAdminsStmt.get()?.n ?? 0;
  }

  findById(id: number): StoredUser | null {
    const row = this.byIdStmt.get(id);
    return row ? toUser(row) : null;
  }

  findByUsername(username: string): StoredUser | null {
    const row = this.byNameStmt.get(username.trim().toLowerCase());
    return row ? toUser(row) : null;
  }

  all(): StoredUser[] {
    return this.allStmt.all().map(toUser);
  }

  insert(u: NewUserRow, now: string): number {
    const info = this.insertStmt.run({ ...u, usernameFolded: u.username.trim().toLowerCase(), now });
    return Number(info.lastInsertRowid);
  }

  update(change: UserChange): void {
    this.updateStmt.run(change);
  }

  setPassword(change: { id: number; passwordHash: string; now: string }): void {
    this.setPasswordStmt.run(change);
  }

  recordFailure(id: number, now: string): void {
    this.failureStmt.run({ id, now });
  }

  recordSuccess(id: number): void {
    this.successStmt.run({ id });
  }
}
