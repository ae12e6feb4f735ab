import * as z from 'zod';
import { roles, type Role } from './roles';

export { roleLabels, roles, type Role } from './roles';

export const usernameSchema = z
  .string({ error: 'Enter a username' })
  .trim()
  .min(2, 'A username has at least 2 characters')
  .max(40, 'A username has at most 40 characters')
  .regex(/^[A-Za-z0-9._-]+$/, 'Use letters, digits, dots, dashes or underscores (no spaces)');

export const displayNameSchema = z
  .string({ error: 'Enter the full name' })
  .trim()
  .min(1, 'Enter the full name as it should appear on signed exams')
  .max(100, 'A name can be at most 100 characters');

/**
 * A professional registration (NMC PIN such as "12A3456E", HCPC number such as "CH12345"), printed
 * under the signature on signed exams and letters. Optional; empty means not given.
 */
export const registrationNumberSchema = z
  .string()
  .trim()
  .max(40, 'A registration number can be at most 40 characters')
  .nullish()
  .transform((v): string | null | undefined => (v === undefined ? undefined : v ? v : null));

/** Long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const newPasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(10, 'Use at least 10 characters')
  .max(200, 'Use at most 200 characters');

/** A password as typed at sign-in: any length, the check is against the stored hash. */
export const passwordSchema = z.string().min(1, 'Enter your password').max(200);

export const userSchema = z.object({
  id: z.number().int().positive(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  /** Professional registration (e.g. NMC PIN, HCPC number), printed under the signature; null if not given. */
  registrationNumber: z.string().nullable(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const authStateSchema = z.discriminatedUnion('kind', [
  /** No account exists yet: the first person to open the app creates the administrator. */
  z.object({ kind: z.literal('setup-required') }),
  /** `notice`: why this client was signed out by someone else (an administrator ended the session). */
  z.object({ kind: z.literal('signed-out'), notice: z.string().optional() }),
  /** Locked after idle time: the same user re-enters the password to carry on where they were. */
  z.object({ kind: z.literal('locked'), user: userSchema }),
  z.object({ kind: z.literal('signed-in'), user: userSchema, idleLockMinutes: z.number().int() }),
  /** The database failed its start-up check: nobody can sign in until a backup is restored. */
  z.object({ kind: z.literal('recovery'), problem: z.string(), dataFile: z.string() }),
]);
export type AuthState = z.infer<typeof authStateSchema>;

export const newUserSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    role: z.enum(roles, { error: 'Choose a role' }),
    password: newPasswordSchema,
    registrationNumber: registrationNumberSchema.optional(),
  })
  .strict();
export type NewUser = z.infer<typeof newUserSchema>;

export function canManageUsers(role: Role): boolean {
  return role === 'administrator';
}
