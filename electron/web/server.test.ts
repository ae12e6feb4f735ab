import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../testing/testApp';
import { startTestHarness } from '../testing/testHarness';
import type { Harness } from './server';

let app: TestApp;
let harness: Harness;

beforeEach(async () => {
  app = openTestApp();
  harness = await startTestHarness(app, {
    page: '<html><head></head><body><script type="module" src="./a.js"></script></body></html>',
    browserApi: 'window.api = {};',
  });
});
afterEach(async () => {
  await harness.close();
  app.dispose();
});

const post = (op: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${harness.url}api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Client-Key': 'test-client-0001', ...headers },
    body: JSON.stringify(body),
  });

describe('loopback harness', () => {
  it('answers operations for the right token', async () => {
    const res = await post('getAppInfo', {}, { Authorization: `Bearer ${harness.token}` });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { shell: string } };
    expect(body.ok).toBe(true);
    expect(body.value.shell).toBe('browser');
  });

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await post('getAppInfo', {})).status).toBe(401);
    expect((await post('getAppInfo', {}, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await fetch(harness.url)).status).toBe(401);
    expect((await fetch(`${harness.url}?token=wrong`)).status).toBe(401);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await post('getAppInfo', {}, { Authorization: `Bearer ${harness.token}`, Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('trades the token in the address for a cookie and serves the page with the browser api', async () => {
    const first = await fetch(harness.launchUrl, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(harness.url, { headers: { Cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html.indexOf('browser-api.js')).toBeLessThan(html.indexOf('a.js'));
    expect(html).toContain(harness.token);
  });

  it('answers a bad request with 400 and the envelope, and an unknown operation with 404', async () => {
    const auth = { Authorization: `Bearer ${harness.token}` };
    const signedOut = await post('createPatient', { patient: { familyName: 3 } }, auth);
    expect(signedOut.status).toBe(401);
    const admin = await post('createFirstAdministrator', { username: 'admin', displayName: 'Ada', password: 'correct horse battery' }, auth);
    expect(admin.status).toBe(200);
    const bad = await post('createPatient', { patient: { familyName: 3 } }, auth);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect((await post('nope', {}, auth)).status).toBe(404);
    const notJson = await fetch(`${harness.url}api/getAppInfo`, { method: 'POST', headers: { ...auth, 'X-Client-Key': 'test-client-0001' }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(app.db.prepare('SELECT count(*) AS n FROM patient').get()).toEqual({ n: 0 });
  });
});
