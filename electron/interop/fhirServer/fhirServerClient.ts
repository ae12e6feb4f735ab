import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';

/** The fetch the client uses: the global one, or a test's. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The server and how to sign in to it, secrets included (main process only). */
export interface FhirServerConnection {
  baseUrl: string;
  auth: { kind: 'none' } | { kind: 'bearer'; token: string } | { kind: 'client-credentials'; tokenUrl: string; clientId: string; clientSecret: string };
}

/**
 * Why a request did not succeed, in words for the screen. `retry` says whether trying again
 * later can help: the network, a time-out, a busy or failing server (408, 429, 5xx). Any other
 * refusal (4xx) repeats itself until a person changes something.
 */
export interface RequestFailure {
  retry: boolean;
  status: number | null;
  message: string;
}

export type ServerAnswer = { ok: true; status: number; body: unknown } | { ok: false; failure: RequestFailure };

export interface FhirServerClientOptions {
  fetch?: FetchLike;
  /** How long to wait for an answer before giving up on the attempt. */
  timeoutMs?: number;
  now?: () => number;
}

/** Statuses that mean "not now" rather than "no". */
function retryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The server's own explanation, from an OperationOutcome body, or null. */
export function operationOutcomeText(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || (body as { resourceType?: unknown }).resourceType !== 'OperationOutcome') return null;
  const texts = ((body as OperationOutcome).issue ?? [])
    .map((i) => i.details?.text ?? i.diagnostics ?? i.code)
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  return texts.length > 0 ? texts.join('; ') : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A network error from fetch, in words: DNS, refused, reset, time-out, certificate. */
export function networkFailure(error: unknown, url: string, timeoutMs: number): RequestFailure {
  const host = hostOf(url);
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return { retry: true, status: null, message: `The server at ${host} did not answer within ${Math.round(timeoutMs / 1000)} seconds.` };
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return { retry: true, status: null, message: `The server name ${host} could not be found (DNS). Check the address, or the network connection.` };
    case 'ECONNREFUSED':
      return { retry: true, status: null, message: `Nothing is accepting connections at ${host} (connection refused). Is the server running, and is the port right?` };
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
    case 'EPIPE':
      return { retry: true, status: null, message: `The connection to ${host} was closed before the server answered.` };
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { retry: true, status: null, message: `The server at ${host} did not answer in time.` };
    default:
      break;
  }
  if (/CERT|SSL|TLS/i.test(code)) {
    return { retry: false, status: null, message: `The certificate of ${host} was not accepted (${code}). Ask the server administrator.` };
  }
  const detail = typeof cause?.message === 'string' ? cause.message : error instanceof Error ? error.message : String(error);
  return { retry: true, status: null, message: `The server at ${host} could not be reached: ${detail}` };
}

/** A non-2xx answer in words, with the server's OperationOutcome text when it sent one. */
export function httpFailure(status: number, statusText: string, body: unknown): RequestFailure {
  const reason = operationOutcomeText(body);
  const head = `The server answered ${status}${statusText ? ` ${statusText}` : ''}`;
  return { retry: retryableStatus(status), status, message: reason ? `${head}: ${reason}` : `${head}.` };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 500);
  }
}

/**
 * A small FHIR REST client over fetch: JSON in and out, a time-out on every request, a bearer
 * token (given, or fetched with OAuth 2.0 client credentials and kept until it expires), and
 * every failure turned into a sentence and a retry decision.
 */
export class FhirServerClient {
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;
  private readonly now: () => number;
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly connection: FhirServerConnection,
    options: FhirServerClientOptions = {},
  ) {
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** `path` is relative to the base address ('' for the base itself, 'metadata', 'Patient?...'). */
  async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<ServerAnswer> {
    const first = await this.attempt(method, path, body);
    // A kept token may have been revoked or expired early: fetch a new one once.
    if (!first.ok && first.failure.status === 401 && this.connection.auth.kind === 'client-credentials' && this.token !== null) {
      this.token = null;
      return this.attempt(method, path, body);
    }
    return first;
  }

  /** The transaction Bundle as the server answered it. */
  async transaction(bundle: Bundle): Promise<ServerAnswer> {
    return this.request('POST', '', bundle);
  }

  private url(path: string): string {
    const base = this.connection.baseUrl.replace(/\/+$/, '');
    return path === '' ? base : `${base}/${path}`;
  }

  private async attempt(method: 'GET' | 'POST', path: string, body: unknown): Promise<ServerAnswer> {
    const auth = await this.authorization();
    if (!auth.ok) return auth;
    const url = this.url(path);
    const headers: Record<string, string> = { accept: 'application/fhir+json' };
    if (body !== undefined) headers['content-type'] = 'application/fhir+json';
    if (auth.header) headers.authorization = auth.header;
    let response: Response;
    let parsed: unknown;
    try {
      response = await this.fetch(url, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
      parsed = await readBody(response);
    } catch (error) {
      return { ok: false, failure: networkFailure(error, url, this.timeoutMs) };
    }
    if (!response.ok) return { ok: false, failure: httpFailure(response.status, response.statusText, parsed) };
    return { ok: true, status: response.status, body: parsed };
  }

  private async authorization(): Promise<{ ok: true; header: string | null } | { ok: false; failure: RequestFailure }> {
    const auth = this.connection.auth;
    switch (auth.kind) {
      case 'none':
        return { ok: true, header: null };
      case 'bearer':
        return { ok: true, header: `Bearer ${auth.token}` };
      case 'client-credentials': {
        if (this.token && this.token.expiresAt > this.now()) return { ok: true, header: `Bearer ${this.token.value}` };
        const got = await this.fetchToken(auth);
        if (!got.ok) return got;
        return { ok: true, header: `Bearer ${got.token}` };
      }
    }
  }

  private async fetchToken(auth: Extract<FhirServerConnection['auth'], { kind: 'client-credentials' }>): Promise<{ ok: true; token: string } | { ok: false; failure: RequestFailure }> {
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: auth.clientId, client_secret: auth.clientSecret });
    let response: Response;
    let body: unknown;
    try {
      response = await this.fetch(auth.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
      body = await readBody(response);
    } catch (error) {
      const failure = networkFailure(error, auth.tokenUrl, this.timeoutMs);
      return { ok: false, failure: { ...failure, message: `Signing in to the server failed. ${failure.message}` } };
    }
    const fields = typeof body === 'object' && body !== null ? (body as { access_token?: unknown; expires_in?: unknown; error?: unknown; error_description?: unknown }) : {};
    if (!response.ok || typeof fields.access_token !== 'string') {
      const said = [fields.error, fields.error_description].filter((x): x is string => typeof x === 'string').join(': ');
      return {
        ok: false,
        failure: {
          retry: retryableStatus(response.status),
          status: response.status,
          message: `The token address answered ${response.status}${said ? `: ${said}` : ''}. Check the client id and secret.`,
        },
      };
    }
    const seconds = typeof fields.expires_in === 'number' ? fields.expires_in : 300;
    // Renewed a minute early so a token never expires on the way.
    this.token = { value: fields.access_token, expiresAt: this.now() + Math.max(0, seconds - 60) * 1000 };
    return { ok: true, token: fields.access_token };
  }
}
