/**
 * A seeded generator of malformed and hostile HTTP requests for the loopback harness. Every
 * request it makes carries at least one defect the app must refuse: there is
 * no valid request among them, so each must get a 4xx answer and change nothing.
 */
import { seededRandom } from '../services/demo/syntheticPatients';

export interface HostileRequest {
  category: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | Buffer | null;
}

export interface Clients {
  token: string;
  host: string;
  /** Signed in as administrator, nurse; `stranger` is well-formed but has no session. */
  admin: string;
  nurse: string;
  stranger: string;
  /** An uploaded file that is not a database (restoring it must be refused). */
  garbageUploadRef: string;
  existingPatient: { id: number; updatedAt: string };
  /** The clinic identifier of another patient: taking it is a conflict. */
  otherClinicIdentifier: string;
}


const fragments = [
  "' OR '1'='1",
  "'; DROP TABLE patient; --",
  '" OR ""="',
  "1; DELETE FROM audit_log WHERE 1=1; --",
  "x' UNION SELECT password_hash FROM app_user --",
  "%' AND 1=0 UNION SELECT sql FROM sqlite_master --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  '{{constructor.constructor("return process")()}}',
  '${7*7}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '\u0000\u0001\u0002',
  '\ud800',
  '‮evil‬',
  '=cmd|"/c calc"!A1',
  'NaN',
  '-1',
  '1e309',
];

const nastyOperationNames = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '',
  'getAppInfo/',
  'getAppInfo%00',
  'GETAPPINFO',
  'createPatient;DROP',
  '..%2flistUsers',
  '%2e%2e/nothing',
  'a'.repeat(5000),
  'listUsers%20',
  'eval',
];

export function makeGenerator(seed: number, c: Clients): () => HostileRequest {
  const random = seededRandom(seed);
  const int = (n: number): number => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const fragment = (): string => pick(fragments);
  const hugeString = (): string => pick(['A', 'ż', '💥', "'", '<']).repeat(1000 + int(300_000));

  const api = (category: string, operation: string, body: string | Buffer | null, client: string | null = c.admin, extra: Record<string, string> = {}): HostileRequest => ({
    category,
    method: 'POST',
    path: `/api/${operation}`,
    headers: {
      host: c.host,
      authorization: `Bearer ${c.token}`,
      'content-type': 'application/json',
      ...(client === null ? {} : { 'x-client-key': client }),
      ...extra,
    },
    body,
  });
  const json = (value: unknown): string => JSON.stringify(value);

  const validPatient = (): Record<string, unknown> => ({
    familyName: 'Hostile',
    givenNames: 'Test',
    dateOfBirth: '1960-01-01',
    sex: 'female',
    clinicIdentifier: `H-${int(1e6)}`,
    diabetesType: 'type2',
  });

  /** Values that are never a valid string, number, boolean or enum member for any field. */
  const wrongValue = (): unknown =>
    pick<() => unknown>([
      () => int(1e9) - 5e8,
      () => [fragment()],
      () => ({ $gt: '' }),
      () => ({ __proto__: { polluted: true } }),
      () => true,
      () => 1.5,
      () => hugeString(),
      () => fragment() + hugeString(),
    ])();

  const patientMutations: (() => Record<string, unknown>)[] = [
    () => ({ ...validPatient(), familyName: wrongValue() }),
    () => ({ ...validPatient(), dateOfBirth: fragment() }),
    () => ({ ...validPatient(), dateOfBirth: '2999-01-01' }),
    () => ({ ...validPatient(), sex: fragment() }),
    () => ({ ...validPatient(), diabetesType: '<script>' }),
    () => ({ ...validPatient(), clinicIdentifier: `${fragment()} with spaces` }),
    () => ({ ...validPatient(), familyName: hugeString() }),
    () => ({ ...validPatient(), notes: 'x'.repeat(4001 + int(100_000)) }),
    () => ({ ...validPatient(), diagnosisYear: fragment() }),
    () => ({ ...validPatient(), diagnosisYear: 1800 }),
    () => ({ ...validPatient(), clinicIdentifier: c.otherClinicIdentifier, familyName: fragment() }),
    () => {
      const p = validPatient();
      delete p[pick(['familyName', 'givenNames', 'dateOfBirth', 'sex', 'clinicIdentifier', 'diabetesType'])];
      return p;
    },
  ];

  const generators: [weight: number, make: () => HostileRequest][] = [
    [8, () => api('unknown operation', encodeURI(pick(nastyOperationNames)) || 'x', json({}))],
    [4, () => api('unknown operation', fragment().replace(/[^A-Za-z0-9_'%;=-]/g, '') || 'nothing', json({ query: fragment() }))],
    [12, () => api('wrong types', 'createPatient', json({ patient: pick(patientMutations)() }))],
    [6, () => api('wrong types', 'createPatient', json({ patient: validPatient(), [pick(['admin', 'role', 'id', fragment()])]: true }))],
    [6, () => api('wrong types', 'updatePatient', json({ id: c.existingPatient.id, expectedUpdatedAt: c.existingPatient.updatedAt, patient: pick(patientMutations)() }))],
    [3, () => api('stale update', 'updatePatient', json({ id: c.existingPatient.id, expectedUpdatedAt: '2001-01-01T00:00:00.000Z', patient: { ...validPatient(), familyName: fragment() } }))],
    [5, () => api('wrong types', 'getPatient', json({ id: wrongValue() }))],
    [3, () => api('not found', pick(['getPatient', 'archivePatient', 'restorePatient']), json({ id: 1_000_000 + int(1e6) }))],
    [6, () => api('wrong types', 'searchPatients', json(pick([{ query: wrongValue() }, { query: 'a', limit: pick([0, -1, 201, 1.5, '10']) }, { query: 'a', dateOrder: fragment() }, { query: hugeString() }, { query: 'a', [fragment()]: 1 }])))],
    [3, () => api('bad cursor', 'searchPatients', json({ query: '', cursor: pick(['{not json', json([fragment(), 1]), fragment(), '[]']) }))],
    [4, () => api('wrong types', 'listAuditLog', json(pick([{ action: fragment() }, { from: fragment() }, { limit: 10_000 }, { beforeId: -1 }, { actor: hugeString() }])))],
    [4, () => api('wrong types', pick(['getAppInfo', 'getAuthState', 'verifyAuditLog', 'listBackups', 'backUpNow', 'signOut', 'lockSession']), json(pick<unknown>([[], null, 7, 'x', { x: 1 }, { [fragment()]: fragment() }])))],
    [4, () => api('prototype keys', pick(['getAppInfo', 'getAuthState', 'listUsers', 'searchPatients', 'lockSession']), pick(['{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"query":"a","__proto__":{"role":"administrator"}}', '{"prototype":{}}']))],
    [3, () => api('wrong types', 'createUser', json({ username: fragment(), displayName: 'X', role: pick(['superuser', fragment(), 'ADMINISTRATOR']), password: 'long enough password' }))],
    [2, () => api('wrong types', 'updateClinicSettings', json({ clinicName: fragment(), idleLockMinutes: pick([0, 121, -5, 'five', 1e9]) }))],
    [2, () => api('sign-in refused', 'signIn', json({ username: fragment(), password: fragment() }))],
    [3, () => api('wrong types', 'signIn', json(pick([{ username: hugeString(), password: 'x' }, { username: 'admin' }, { username: 'admin', password: '' }, { username: ['admin'], password: 'x' }])))],
    [4, () => api('restore refused', 'restoreBackup', json({ source: pick<unknown>([{ kind: 'automatic', name: pick(['../clinic.db', '/etc/passwd', fragment(), 'foot-screening-2026-11-25T10-00-00-000Z.db', 'foot-screening-2026-13-45T99-99-99-999Z.db']) }, { kind: 'file', ref: pick([fragment(), 'a', 'unknownref-1234']) }, { kind: 'file', ref: c.garbageUploadRef }, { kind: fragment() }, {}]) }))],
    [6, () => api('missing token', pick(['getAppInfo', 'listUsers', 'searchPatients']), json({}), c.admin, { authorization: pick(['', 'Bearer', `Bearer ${c.token}x`, `Basic ${c.token}`, `bearer ${c.token}`, `Bearer ${fragment()}`]) })],
    [4, () => {
      const r = api('missing token', 'getAppInfo', json({}));
      delete r.headers.authorization;
      return r;
    }],
    [6, () => api('missing or malformed client key', pick(['getAppInfo', 'searchPatients']), json({ query: '' }), pick<string | null>([null, '', 'short', fragment(), 'x'.repeat(65), 'key with spaces 123', 'ключ-клиента-1234']))],
    [6, () => api('no session (foreign client key)', pick(['searchPatients', 'listUsers', 'createPatient', 'backUpNow', 'listAuditLog', 'changeOwnPassword', 'unlockSession']), json(pick<unknown>([{ query: '' }, {}, { patient: validPatient() }, { password: 'x' }])), c.stranger)],
    [6, () => api('wrong role (nurse)', pick(['listUsers', 'createUser', 'listAuditLog', 'verifyAuditLog', 'backUpNow', 'listBackups', 'chooseBackupFile', 'updateClinicSettings']), json({}), c.nurse)],
    [2, () => api('wrong role (nurse)', 'restoreBackup', json({ source: { kind: 'automatic', name: 'foot-screening-2026-11-25T10-00-00-000Z.db' } }), c.nurse)],
    [5, () => api('foreign origin', pick(['getAppInfo', 'createPatient']), json({ patient: validPatient() }), c.admin, { origin: pick(['http://evil.example', 'null', `http://${c.host}.evil.example`, 'https://127.0.0.1', 'file://']) })],
    [3, () => api('foreign origin', 'createPatient', json({ patient: validPatient() }), c.admin, { 'sec-fetch-site': 'cross-site' })],
    [5, () => api('foreign host', pick(['getAppInfo', 'createPatient']), json({ patient: validPatient() }), c.admin, { host: pick(['evil.example', 'evil.example:80', `127.0.0.1:${Number(c.host.split(':')[1]) + 1}`, 'localhost', '[::1]', '']) })],
    [8, () => api('bad JSON', pick(['createPatient', 'getAppInfo', 'searchPatients']), pick<string | Buffer>(['{', '{"patient":', "{'query':'a'}", '{"query":"a",}', 'NaN', '{"query":"a"} trailing', '\ufeff{', '[' .repeat(200_000), Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'undefined', '{"a":1'.repeat(5000)]))],
    [1, () => api('oversize body', 'createPatient', json({ patient: { ...validPatient(), notes: 'x'.repeat(2 * 1024 * 1024 + int(1_000_000)) } }))],
    [4, () => ({ ...api('wrong method', pick(['getAppInfo', 'createPatient']), null), method: pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) })],
    [2, () => ({ ...api('upload refused', '', Buffer.alloc(1000 + int(5000), 7), c.nurse), path: '/upload' })],
    [1, () => ({ ...api('upload too large', '', Buffer.alloc(70 * 1024, 1), c.admin), path: '/upload' })],
    [1, () => {
      const r = { ...api('upload refused', '', Buffer.from('x'), c.admin), path: '/upload' };
      r.headers.authorization = 'Bearer nope';
      return r;
    }],
  ];
  const total = generators.reduce((sum, [w]) => sum + w, 0);
  return () => {
    let roll = random() * total;
    for (const [weight, make] of generators) {
      roll -= weight;
      if (roll < 0) return make();
    }
    return (generators[0] as [number, () => HostileRequest])[1]();
  };
}
