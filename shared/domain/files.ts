import * as z from 'zod';

/** Kinds of file the app hands to the user (reports, exports, backups) or takes from them (a register to import). */
export const fileKinds = ['pdf', 'csv', 'backup', 'register', 'fhir'] as const;
export type FileKind = (typeof fileKinds)[number];

/**
 * What happened to a file the app produced. The desktop app saves through the OS dialog (or opens
 * the file in the OS viewer for printing); the browser harness offers a download link instead.
 */
export const deliverySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), fileName: z.string(), bytes: z.number().int() }),
  z.object({ kind: z.literal('opened'), fileName: z.string(), bytes: z.number().int() }),
  z.object({ kind: z.literal('download'), fileName: z.string(), bytes: z.number().int(), url: z.string(), inline: z.boolean() }),
  z.object({ kind: z.literal('cancelled') }),
]);
export type Delivery = z.infer<typeof deliverySchema>;

/** Save (ask where) or open (to view and print). */
export const deliveryModes = ['save', 'open'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];
