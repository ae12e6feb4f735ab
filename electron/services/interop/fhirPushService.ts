import type { Bundle, BundleEntry } from '@medplum/fhirtypes';
import type { ExamDelivery } from '#shared/domain/fhirServer';
import { fail, ok, type Result } from '#shared/ipc/result';
import type { Store } from '../../db/store';
import { FhirServerClient, type FetchLike, type FhirServerConnection } from '../../interop/fhirServer/fhirServerClient';
import type { AppLogger } from '../../log/logger';
import type { Clock } from '../clock';
import type { FhirServerSettingsService } from './fhirServerSettings';

/** How the sender waits between attempts; tests shorten it. */
export interface FhirPushTuning {
  fetch?: FetchLike;
  /** Wait for an answer this long (30 s by default: a transaction with a PDF is a few hundred kB). */
  timeoutMs?: number;
  /** How long "Test connection" waits for /metadata (15 s by default). */
  testTimeoutMs?: number;
  /** How long a patient look-up on the server waits (15 s by default). */
  lookupTimeoutMs?: number;
  /** The wait after the first failed attempt (30 s); doubled after each further one ... */
  firstRetryMs?: number;
  /** ... up to this (30 minutes), so a server back after a long outage is found within the half hour. */
  maxRetryMs?: number;
}

export interface FhirPushDeps {
  store: Store;
  clock: Clock;
  server: Pick<FhirServerSettingsService, 'connection' | 'onChange'>;
  /** The transaction Bundle of one signed screening, checked as R4 (the FHIR export's). */
  bundle: (examId: number) => Promise<Result<Bundle>>;
  log?: AppLogger;
  tuning?: FhirPushTuning;
}

export interface PushRun {
  sent: number;
  retrying: number;
  failed: number;
}

/** The longest a timer can wait in Node (about 24.8 days). */
const maxTimer = 2 ** 31 - 1;

/**
 * The background sender: delivers the outbox to the clinic's FHIR server, one screening at a
 * time, whenever the server is reachable. Never in the way of the nurse: signing only adds an
 * outbox row, and this runs later on timers in the main process.
 *
 * Each screening goes as one transaction Bundle whose entries are conditional creates on their
 * identifiers, so an attempt whose answer was lost, repeated, creates nothing twice. Network
 * errors, time-outs, 408, 429 and 5xx put the row back in the queue with a doubling wait (capped);
 * any other refusal marks it failed with the server's reason until someone presses "Retry now".
 */
export class FhirPushService {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<PushRun> | null = null;
  private stopped = true;
  /** After an unreachable server, the whole queue waits (not just the row that found out). */
  private pausedUntil = 0;
  private client: { key: string; client: FhirServerClient } | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: FhirPushDeps) {}

  /** Starts sending: rows left `sending` by a crash go back to the queue first. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const resumed = this.deps.store.outbox.resumeInterrupted();
    if (resumed > 0) this.deps.log?.info('fhir push resumed interrupted sends', { count: resumed });
    this.unsubscribe = this.deps.server.onChange(() => {
      this.client = null;
      this.pausedUntil = 0;
      this.kick();
    });
    this.schedule();
  }

  /** Stops the timers; a request in flight is left to finish, and its row is retried at the next start if the app closes first. */
  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Something new is due (a signature, "Retry now", new settings): send soon, not at the next timer. */
  kick(): void {
    if (this.stopped) return;
    this.pausedUntil = 0;
    this.arm(0);
  }

  /** Where each of a patient's screenings is on its way to the server. */
  ofPatient(patientId: number): ExamDelivery[] {
    return this.deps.store.outbox.ofPatient(patientId);
  }

  status(examId: number): ExamDelivery | null {
    return this.deps.store.outbox.find(examId);
  }

  /** "Retry now" for a failed (or waiting) screening. */
  retryNow(examId: number): Result<ExamDelivery> {
    if (this.deps.server.connection() === null) return fail('conflict', 'No FHIR server is set up: an administrator enters it in Settings.');
    const now = this.deps.clock.now().toISOString();
    const row = this.deps.store.outbox.find(examId);
    if (!row) return fail('not_found', 'This screening is not waiting to be sent.');
    if (row.status === 'sent') return fail('conflict', 'This screening has already been sent.');
    if (row.status === 'sending') return ok(row);
    this.deps.store.outbox.requeueNow(examId, now);
    this.kick();
    const after = this.deps.store.outbox.find(examId);
    return after ? ok(after) : fail('not_found', 'This screening is not waiting to be sent.');
  }

  /** Sends every due row now, one after another; stops early when the server cannot be reached. */
  async runOnce(): Promise<PushRun> {
    if (this.running) return this.running;
    this.running = this.sendDue().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  private async sendDue(): Promise<PushRun> {
    const run: PushRun = { sent: 0, retrying: 0, failed: 0 };
    const connection = this.deps.server.connection();
    if (connection === null) return run;
    const client = this.clientFor(connection);
    for (;;) {
      if (!this.deps.store.db.open) return run;
      const now = this.deps.clock.now();
      const [next] = this.deps.store.outbox.due(now.toISOString(), 1);
      if (!next) return run;
      if (!this.deps.store.outbox.claim(next.examId, now.toISOString())) continue;
      const outcome = await this.sendOne(client, next.examId);
      // The database may have closed meanwhile (the app quit, a restore): the row stays `sending` and is resumed at the next start.
      if (!this.deps.store.db.open) return run;
      const at = this.deps.clock.now();
      switch (outcome.kind) {
        case 'sent':
          this.deps.store.outbox.markSent(next.examId, at.toISOString(), outcome.serverId);
          run.sent++;
          break;
        case 'failed':
          this.deps.store.outbox.markFailed(next.examId, outcome.message);
          this.deps.log?.warn('fhir push refused', { examId: next.examId, status: outcome.status });
          run.failed++;
          break;
        case 'retry': {
          const wait = this.backoff(next.attempts + 1);
          this.deps.store.outbox.retryLater(next.examId, new Date(at.getTime() + wait).toISOString(), outcome.message);
          this.pausedUntil = at.getTime() + wait;
          run.retrying++;
          // The server is unreachable or struggling: the rest of the queue waits with this row.
          return run;
        }
      }
    }
  }

  private async sendOne(client: FhirServerClient, examId: number): Promise<{ kind: 'sent'; serverId: string | null } | { kind: 'retry'; message: string } | { kind: 'failed'; message: string; status: number | null }> {
    let bundle: Result<Bundle>;
    try {
      bundle = await this.deps.bundle(examId);
    } catch (error) {
      return { kind: 'retry', message: `The screening could not be prepared for sending: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!bundle.ok) return { kind: 'failed', message: bundle.error.message, status: null };
    const answer = await client.transaction(bundle.value);
    if (!answer.ok) return answer.failure.retry ? { kind: 'retry', message: answer.failure.message } : { kind: 'failed', message: answer.failure.message, status: answer.failure.status };
    const response = answer.body as Partial<Bundle> | null;
    if (response?.resourceType !== 'Bundle' || response.type !== 'transaction-response') {
      return { kind: 'retry', message: 'The server answered, but not with a transaction response; the screening will be sent again.' };
    }
    const refused = (response.entry ?? []).find((e) => !/^2\d\d/.test(e.response?.status ?? ''));
    if (refused) return { kind: 'failed', message: `The server refused part of the screening (${refused.response?.status ?? 'no status'}).`, status: null };
    return { kind: 'sent', serverId: reportLocation(bundle.value, response.entry ?? []) };
  }

  /** 30 s, 1 min, 2 min ... up to 30 min after the first, second, third ... failed attempt. */
  private backoff(attempts: number): number {
    const first = this.deps.tuning?.firstRetryMs ?? 30_000;
    const cap = this.deps.tuning?.maxRetryMs ?? 30 * 60_000;
    return Math.min(cap, first * 2 ** Math.min(30, Math.max(0, attempts - 1)));
  }

  private clientFor(connection: FhirServerConnection): FhirServerClient {
    const key = JSON.stringify(connection);
    if (this.client?.key === key) return this.client.client;
    const tuning = this.deps.tuning ?? {};
    const client = new FhirServerClient(connection, {
      ...(tuning.fetch ? { fetch: tuning.fetch } : {}),
      timeoutMs: tuning.timeoutMs ?? 30_000,
      now: () => this.deps.clock.now().getTime(),
    });
    this.client = { key, client };
    return client;
  }

  /** Arms the timer for the earliest due row (or the end of the pause), if sending is on. */
  private schedule(): void {
    if (this.stopped || !this.deps.store.db.open) return;
    if (this.deps.server.connection() === null) return;
    const next = this.deps.store.outbox.nextDueAt();
    if (next === null) return;
    const at = Math.max(Date.parse(next), this.pausedUntil);
    this.arm(at - this.deps.clock.now().getTime());
  }

  private arm(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        this.timer = null;
        // A run already going re-arms the timer when it ends.
        if (this.running) return;
        void this.runOnce().catch((error: unknown) => this.deps.log?.error('fhir push run failed', { message: error instanceof Error ? error.message : String(error) }));
      },
      Math.min(maxTimer, Math.max(0, delayMs)),
    );
    // The sender never keeps the app (or a test) alive on its own.
    this.timer.unref();
  }
}

/** The server's id of the screening's DiagnosticReport, from the transaction response (same order as the request). */
function reportLocation(sent: Bundle, answered: BundleEntry[]): string | null {
  const index = (sent.entry ?? []).findIndex((e) => e.resource?.resourceType === 'DiagnosticReport');
  const location = index >= 0 ? answered[index]?.response?.location : undefined;
  if (!location) return null;
  // "DiagnosticReport/123/_history/4" or an absolute address: kept as Type/id.
  const match = /(DiagnosticReport\/[^/]+)/.exec(location);
  return match?.[1] ?? location;
}
