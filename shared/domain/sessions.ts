import * as z from 'zod';
import { roles } from './users';

/** A session open now (someone signed in at a desktop window or browser tab), as an administrator sees it. */
export const activeSessionSchema = z.object({
  /** Random, made at sign-in: names the session without revealing the client's own key. */
  id: z.string(),
  userId: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  /** Which window or tab, in words ("Desktop window 3", "Browser tab 1a2b3c"). */
  client: z.string(),
  startedAt: z.string(),
  lastActiveAt: z.string(),
  locked: z.boolean(),
  /** The administrator's own session, the one looking at the list. */
  current: z.boolean(),
});
export type ActiveSession = z.infer<typeof activeSessionSchema>;
