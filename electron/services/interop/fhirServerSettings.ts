import * as z from 'zod';
import type { CapabilityStatement } from '@medplum/fhirtypes';
import {
  fhirServerAuthKinds,
  type FhirConnectionTest,
  type FhirServerSettingsInput,
  type FhirServerSettingsView,
} from '#shared/domain/fhirServer';
import { ok, type Result } from '#shared/ipc/result';
import type { Store } from '../../db/store';
import { FhirServerClient, type FetchLike, type FhirServerConnection } from '../../interop/fhirServer/fhirServerClient';
import type { Actor } from '../actor';
import type { Clock } from '../clock';

const settingKey = 'fhirServer';

/**
 * As stored, secrets included. The setting table lives in the encrypted database, so the token
 * and the client secret are encrypted at rest with everything else; they never leave the main
 * process (Settings only learns whether each is set).
 */
const storedSchema = z.object({
  baseUrl: z.string(),
  auth: z.enum(fhirServerAuthKinds),
  bearerToken: z.string(),
  tokenUrl: z.string(),
  clientId: z.string(),
  clientSecret: z.string(),
});
type Stored = z.infer<typeof storedSchema>;

const nothing: Stored = { baseUrl: '', auth: 'none', bearerToken: '', tokenUrl: '', clientId: '', clientSecret: '' };

/** Keeps a stored secret when the form leaves its field empty. */
function merged(input: FhirServerSettingsInput, before: Stored): Stored {
  return {
    baseUrl: input.baseUrl,
    auth: input.auth,
    bearerToken: input.bearerToken !== '' ? input.bearerToken : before.bearerToken,
    tokenUrl: input.tokenUrl,
    clientId: input.clientId,
    clientSecret: input.clientSecret !== '' ? input.clientSecret : before.clientSecret,
  };
}

/** What is missing for the chosen sign-in, in words; null when the settings are complete. */
function incomplete(s: Stored): string | null {
  if (s.baseUrl === '') return null;
  switch (s.auth) {
    case 'none':
      return null;
    case 'bearer':
      return s.bearerToken === '' ? 'Enter the access token.' : null;
    case 'client-credentials':
      if (s.tokenUrl === '') return 'Enter the token address.';
      if (s.clientId === '') return 'Enter the client id.';
      return s.clientSecret === '' ? 'Enter the client secret.' : null;
  }
}

export function connectionOf(s: Stored): FhirServerConnection | null {
  if (s.baseUrl === '' || incomplete(s) !== null) return null;
  switch (s.auth) {
    case 'none':
      return { baseUrl: s.baseUrl, auth: { kind: 'none' } };
    case 'bearer':
      return { baseUrl: s.baseUrl, auth: { kind: 'bearer', token: s.bearerToken } };
    case 'client-credentials':
      return { baseUrl: s.baseUrl, auth: { kind: 'client-credentials', tokenUrl: s.tokenUrl, clientId: s.clientId, clientSecret: s.clientSecret } };
  }
}

export interface FhirServerSettingsOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
}

/** The clinic's FHIR server settings (administrators), and "Test connection". */
export class FhirServerSettingsService {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly options: FhirServerSettingsOptions = {},
  ) {}

  private stored(): Stored {
    const parsed = storedSchema.safeParse(this.store.settings.get(settingKey));
    return parsed.success ? parsed.data : nothing;
  }

  view(): FhirServerSettingsView {
    const s = this.stored();
    return {
      baseUrl: s.baseUrl,
      auth: s.auth,
      bearerTokenSet: s.bearerToken !== '',
      tokenUrl: s.tokenUrl,
      clientId: s.clientId,
      clientSecretSet: s.clientSecret !== '',
      sending: connectionOf(s) !== null,
    };
  }

  /** The server to send to, or null while sending is off (no address) or the sign-in is incomplete. */
  connection(): FhirServerConnection | null {
    return connectionOf(this.stored());
  }

  /** Told after every save, so the sender starts (or stops) at once. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(input: FhirServerSettingsInput, actor: Actor): Result<FhirServerSettingsView> {
    const before = this.stored();
    const next = merged(input, before);
    const missing = incomplete(next);
    if (missing !== null) return { ok: false, error: { code: 'validation_failed', message: missing } };
    const now = this.clock.now().toISOString();
    this.store.db.transaction(() => {
      this.store.settings.put(settingKey, next, now);
      const changed = (Object.keys(next) as (keyof Stored)[]).filter((k) => before[k] !== next[k]);
      // Names of the changed fields only: never the address's secrets or the token itself.
      this.store.audit.append({ at: now, actor: actor.name, action: 'settings.update', entity: 'settings', entityId: settingKey, details: { fields: changed } });
    }).immediate();
    for (const l of this.listeners) l();
    return ok(this.view());
  }

  /**
   * GET [base]/metadata with the settings as typed (stored secrets where a field is left empty):
   * the answer in words, whether the server was not found, refused the connection, did not
   * answer in time, refused the sign-in or failed.
   */
  async test(input: FhirServerSettingsInput): Promise<FhirConnectionTest> {
    const s = merged(input, this.stored());
    if (s.baseUrl === '') return { ok: false, message: 'Enter the address of the FHIR server first.', server: null };
    const missing = incomplete(s);
    const connection = connectionOf(s);
    if (missing !== null || connection === null) return { ok: false, message: missing ?? 'The settings are incomplete.', server: null };
    const client = new FhirServerClient(connection, { ...(this.options.fetch ? { fetch: this.options.fetch } : {}), timeoutMs: this.options.timeoutMs ?? 15_000 });
    const answer = await client.request('GET', 'metadata');
    if (!answer.ok) return { ok: false, message: answer.failure.message, server: null };
    const statement = answer.body as Partial<CapabilityStatement> | null;
    if (statement?.resourceType !== 'CapabilityStatement') {
      return { ok: false, message: 'The address answered, but not as a FHIR server (no CapabilityStatement at /metadata). Check the address.', server: null };
    }
    const version = statement.fhirVersion ?? 'unknown';
    const software = [statement.software?.name, statement.software?.version].filter(Boolean).join(' ') || 'A FHIR server';
    if (!version.startsWith('4.0')) {
      return { ok: false, message: `${software} speaks FHIR ${version}; this app sends FHIR R4 (4.0.1).`, server: `${software}, FHIR ${version}` };
    }
    return { ok: true, message: `Connected: ${software}, FHIR ${version}.`, server: `${software}, FHIR ${version}` };
  }
}
