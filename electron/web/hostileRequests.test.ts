import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientInputSchema } from '#shared/domain/patient';
import { makeGenerator, type Clients, type HostileRequest } from '../testing/hostileRequests';
import { openTestApp, type TestApp } from '../testing/testApp';
import { UploadStore } from './uploads';
import { startTestHarness } from '../testing/testHarness';
import type { Harness } from './server';

/**
 * Bad input: 10,000 generated malformed or hostile requests against a real harness on
 * a real SQLite file. Each must get a 4xx JSON envelope (never a 5xx, never a hang), the server
 * must keep serving, and the database must be unchanged apart from the audit rows of refused
 * sign-ins.
 */
const total = 10_000;
const seed = 20261125;
const concurrency = 8;

let app: TestApp;
let uploads: UploadStore;
let harness: Harness;
let clients: Clients;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

interface Answer {
  status: number;
  body: string;
}

/** HTTP headers carry Latin-1 without control characters: anything else is sent %-escaped. */
function headerSafe(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace(/[^\t\x20-\x7e\xa0-\xff]/g, (ch) => `%u${ch.charCodeAt(0).toString(16)}`)]));
}

function send(r: HostileRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: harness.port, method: r.method, path: r.path, headers: headerSafe(r.headers), agent, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer within 15 s: ${r.category} ${r.method} ${r.path.slice(0, 80)}`)));
    // The server may answer (413, 401 ...) and close before the whole body is sent: that is fine.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.end(r.body ?? undefined);
  });
}

function snapshot(): Record<string, unknown[]> {
  const tables = (app.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'audit_log' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(tables.map((t) => [t, app.db.prepare(`SELECT * FROM "${t}" ORDER BY 1, 2, 3`).all()]));
}

beforeAll(async () => {
  uploads = new UploadStore();
  app = openTestApp(undefined, { sources: uploads });
  harness = await startTestHarness(app, { uploads: { store: uploads, maxBytes: 64 * 1024 } });
  const admin = 'hostile-admin-0001';
  const nurse = 'hostile-nurse-0001';
  const setup = await app.services.auth.createFirstAdministrator(`browser:${admin}`, { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' });
  if (!setup.ok) throw new Error(setup.error.message);
  await app.services.auth.createUser({ username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password: 'nurse password 1' }, { name: 'admin' });
  if (!(await app.services.auth.signIn(`browser:${nurse}`, 'nina', 'nurse password 1')).ok) throw new Error('nurse sign-in');
  let first: { id: number; updatedAt: string } | null = null;
  for (let i = 0; i < 20; i++) {
    const r = app.services.patients.create(
      patientInputSchema.parse({ familyName: `Seeded${i}`, givenNames: 'Patient', dateOfBirth: '1950-02-03', sex: 'male', clinicIdentifier: `S-${i}`, diabetesType: 'type1' }),
      { name: 'admin' },
    );
    if (!r.ok) throw new Error(r.error.message);
    first ??= { id: r.value.id, updatedAt: r.value.updatedAt };
  }
  const garbage = await new Promise<string>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: harness.port, method: 'POST', path: '/upload', headers: { authorization: `Bearer ${harness.token}`, 'x-client-key': admin, 'x-file-name': 'not%20a%20backup.db' } },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve((JSON.parse(text) as { value: { ref: string } }).value.ref));
      },
    );
    req.on('error', reject);
    req.end(Buffer.from('name,date of birth\nnot,a database\n'.repeat(100)));
  });
  if (!first) throw new Error('no patients');
  clients = { token: harness.token, host: `127.0.0.1:${harness.port}`, admin, nurse, stranger: 'hostile-stranger-0001', garbageUploadRef: garbage, existingPatient: first, otherClinicIdentifier: 'S-1' };
});

afterAll(async () => {
  agent.destroy();
  await harness.close();
  uploads.dispose();
  app.dispose();
});

describe('hostile requests', () => {
  it(`answers ${total.toLocaleString('en')} malformed or hostile requests with a clear 4xx, keeps serving, and changes nothing`, { timeout: 120_000 }, async () => {
    const before = snapshot();
    const auditBefore = (app.db.prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number }).id;
    const next = makeGenerator(seed, clients);
    const byStatus = new Map<number, number>();
    const byCategory = new Map<string, Map<number, number>>();
    const bad: string[] = [];
    const started = Date.now();
    let sent = 0;
    const worker = async (): Promise<void> => {
      while (sent < total) {
        sent++;
        const request = next();
        const answer = await send(request);
        byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
        const perCategory = byCategory.get(request.category) ?? new Map<number, number>();
        perCategory.set(answer.status, (perCategory.get(answer.status) ?? 0) + 1);
        byCategory.set(request.category, perCategory);
        let envelope: { ok?: unknown; error?: { code?: unknown; message?: unknown } } = {};
        try {
          envelope = JSON.parse(answer.body) as typeof envelope;
        } catch {
          // Reported below.
        }
        const clear = envelope.ok === false && typeof envelope.error?.code === 'string' && typeof envelope.error.message === 'string' && envelope.error.message.length > 0;
        if (answer.status < 400 || answer.status > 499 || !clear) {
          bad.push(`${answer.status} ${request.category} ${request.method} ${request.path.slice(0, 60)}: ${answer.body.slice(0, 160)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (Date.now() - started) / 1000;

    const statusLine = [...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`).join(', ');
    console.log(`hostile requests: tried=${sent} seconds=${seconds.toFixed(1)} statuses { ${statusLine} }`);
    for (const [category, statuses] of [...byCategory].sort(([a], [b]) => a.localeCompare(b))) {
      console.log(`  ${category}: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}`);
    }
    expect(bad.slice(0, 20)).toEqual([]);
    expect(sent).toBe(total);

    // Still serving, and a valid request works.
    const search = await send({
      category: 'valid',
      method: 'POST',
      path: '/api/searchPatients',
      headers: { host: clients.host, authorization: `Bearer ${clients.token}`, 'x-client-key': clients.admin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'seeded', limit: 50 }),
    });
    expect(search.status).toBe(200);
    expect((JSON.parse(search.body) as { value: { items: unknown[] } }).value.items).toHaveLength(20);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Nothing changed but the audit rows of refused sign-ins, and the chain is intact.
    expect(snapshot()).toEqual(before);
    const added = app.db.prepare('SELECT action, count(*) AS n FROM audit_log WHERE id > ? GROUP BY action').all(auditBefore) as { action: string; n: number }[];
    expect(added.every((r) => r.action === 'session.sign-in-failed')).toBe(true);
    expect(app.services.auditLog.verify().ok).toBe(true);
  });
});
