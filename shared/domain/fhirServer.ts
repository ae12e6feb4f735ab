import * as z from 'zod';

/**
 * The clinic's FHIR server: where signed screenings are sent (push) and where patients can be
 * looked up. Off until an administrator enters an address: nothing touches the network before.
 */

/** How the app proves who it is to the server. */
export const fhirServerAuthKinds = ['none', 'bearer', 'client-credentials'] as const;
export type FhirServerAuthKind = (typeof fhirServerAuthKinds)[number];
export const fhirServerAuthLabels: Readonly<Record<FhirServerAuthKind, string>> = {
  none: 'No sign-in (a server on the clinic network that needs none)',
  bearer: 'Access token (bearer token given by the server administrator)',
  'client-credentials': 'Client credentials (OAuth 2.0: token address, client id and secret)',
};

const httpUrl = z
  .string()
  .trim()
  .max(500, 'At most 500 characters')
  // A host (no user name or password in it: secrets go in their own fields), then any path.
  .refine((v) => /^https?:\/\/[^\s/@?#]+(\/[^\s]*)?$/i.test(v), 'Enter the full address, starting with https:// (no user name or password in it)');

/** Secrets as typed in Settings; an empty one keeps the secret already stored. */
const secretInput = z.string().trim().max(4000, 'At most 4000 characters');

/** What an administrator saves. Secrets are write-only: they are never read back. */
export const fhirServerSettingsInputSchema = z
  .object({
    /** Empty turns sending off. */
    baseUrl: z.union([z.literal(''), httpUrl]),
    auth: z.enum(fhirServerAuthKinds),
    /** For `bearer`: a new token, or empty to keep the stored one. */
    bearerToken: secretInput,
    /** For `client-credentials`. */
    tokenUrl: z.union([z.literal(''), httpUrl]),
    clientId: z.string().trim().max(200, 'At most 200 characters'),
    /** A new client secret, or empty to keep the stored one. */
    clientSecret: secretInput,
  })
  .strict();
export type FhirServerSettingsInput = z.infer<typeof fhirServerSettingsInputSchema>;

/** What Settings shows: the addresses and ids, and only whether each secret is set. */
export const fhirServerSettingsViewSchema = z
  .object({
    baseUrl: z.string(),
    auth: z.enum(fhirServerAuthKinds),
    bearerTokenSet: z.boolean(),
    tokenUrl: z.string(),
    clientId: z.string(),
    clientSecretSet: z.boolean(),
    /** True when an address is saved, so signed screenings are queued for sending. */
    sending: z.boolean(),
  })
  .strict();
export type FhirServerSettingsView = z.infer<typeof fhirServerSettingsViewSchema>;

/** The answer to "Test connection": in words, whatever went wrong. */
export const fhirConnectionTestSchema = z
  .object({
    ok: z.boolean(),
    message: z.string(),
    /** The server's software and FHIR version from its CapabilityStatement, when it answered. */
    server: z.string().nullable(),
  })
  .strict();
export type FhirConnectionTest = z.infer<typeof fhirConnectionTestSchema>;

/** Where one signed screening is on its way to the server. */
export const deliveryStatuses = ['queued', 'sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const examDeliverySchema = z
  .object({
    examId: z.number().int().positive(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int().nonnegative(),
    queuedAt: z.string(),
    nextAttemptAt: z.string(),
    lastAttemptAt: z.string().nullable(),
    /** Why the last attempt did not succeed (the server's own words when it answered). */
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
    /** The server's id of the screening's DiagnosticReport, e.g. `DiagnosticReport/123`. */
    serverId: z.string().nullable(),
  })
  .strict();
export type ExamDelivery = z.infer<typeof examDeliverySchema>;

/** How each status reads on screen (never colour alone). */
export function deliveryStatusText(d: ExamDelivery): string {
  switch (d.status) {
    case 'queued':
      return d.attempts === 0 ? 'Queued to send to the clinic’s FHIR server' : `Queued: will try again (${d.attempts} ${d.attempts === 1 ? 'attempt' : 'attempts'} so far)`;
    case 'sending':
      return 'Sending to the clinic’s FHIR server';
    case 'sent':
      return 'Sent to the clinic’s FHIR server';
    case 'failed':
      return 'Not sent: the FHIR server refused it';
  }
}
