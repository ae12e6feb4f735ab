import { z } from 'zod';

/** Clinic-wide settings an administrator changes in Settings. */
export const clinicSettingsSchema = z
  .object({
    /** Printed at the top of every report. */
    clinicName: z.string().trim().max(120, 'At most 120 characters'),
    /** Lock the screen after this many minutes without a key press or click (1 to 120). */
    idleLockMinutes: z.number().int().min(1, 'At least 1 minute').max(120, 'At most 120 minutes'),
  })
  .strict();
export type ClinicSettings = z.infer<typeof clinicSettingsSchema>;

export const defaultClinicSettings: ClinicSettings = {
  clinicName: '',
  idleLockMinutes: 5,
};

// Recall: when each patient is due for the next screen, and what invitation letters say.
export * from './recallSettings';
