import * as z from 'zod';

/** What Settings shows about this installation. */
export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** Where the clinic's records live, shown in Settings so staff know what to back up. */
  dataFile: z.string(),
  /** `desktop` in Electron, `browser` in the loopback harness. */
  shell: z.enum(['desktop', 'browser']),
  schemaVersion: z.number().int(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
