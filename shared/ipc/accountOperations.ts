import * as z from 'zod';
import {
  authStateSchema,
  displayNameSchema,
  newPasswordSchema,
  newUserSchema,
  passwordSchema,
  registrationNumberSchema,
  roles,
  usernameSchema,
  userSchema,
} from '../domain/users';
import { activeSessionSchema } from '../domain/sessions';
import { emptyRequest, type OperationTable } from './operationTable';

/** Signing in and out, the idle lock, and the staff accounts an administrator keeps. */
export const accountOperations = {
  getAuthState: { request: emptyRequest, response: authStateSchema, access: 'public' },
  createFirstAdministrator: {
    request: z.object({ username: usernameSchema, displayName: displayNameSchema, password: newPasswordSchema }).strict(),
    response: authStateSchema,
    access: 'public',
  },
  signIn: { request: z.object({ username: z.string().max(100), password: passwordSchema }).strict(), response: authStateSchema, access: 'public' },
  signOut: { request: emptyRequest, response: authStateSchema, access: 'public' },
  lockSession: { request: emptyRequest, response: authStateSchema, access: 'public' },
  unlockSession: { request: z.object({ password: passwordSchema }).strict(), response: authStateSchema, access: 'public' },
  changeOwnPassword: {
    request: z.object({ currentPassword: passwordSchema, newPassword: newPasswordSchema }).strict(),
    response: userSchema,
    access: 'user',
  },
  listUsers: { request: emptyRequest, response: z.array(userSchema), access: 'administrator' },
  createUser: { request: newUserSchema, response: userSchema, access: 'administrator' },
  updateUser: {
    request: z
      .object({
        id: z.number().int().positive(),
        displayName: displayNameSchema,
        role: z.enum(roles),
        disabled: z.boolean(),
        /** Left out: unchanged; empty or null: removed. */
        registrationNumber: registrationNumberSchema.optional(),
      })
      .strict(),
    response: userSchema,
    access: 'administrator',
  },
  resetUserPassword: {
    request: z.object({ id: z.number().int().positive(), password: newPasswordSchema }).strict(),
    response: userSchema,
    access: 'administrator',
  },
  /** Who is signed in where: the administrator's sessions list. */
  listSessions: { request: emptyRequest, response: z.array(activeSessionSchema), access: 'administrator' },
  endSession: {
    request: z.object({ sessionId: z.string().min(1).max(100) }).strict(),
    response: z.object({ endedOwnSession: z.boolean() }),
    access: 'administrator',
  },
} as const satisfies OperationTable;
