import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fail, type Result } from '#shared/ipc/result';
import type { Dispatch } from '../ipc/dispatch';
import type { AppLogger } from '../log/logger';
import { contentSecurityPolicy, contentTypeFor, safeRelativePath } from '../main/security';
import { readLimited } from './body';
import { mimeTypes, type DownloadStore } from './downloads';
import { httpStatusFor } from './httpStatus';
import type { UploadStore } from './uploads';

/**
 * The loopback harness: the same operation table and services as the desktop app, behind HTTP on
 * 127.0.0.1, serving the built renderer plus a browser implementation of `window.api`.
 *
 * Every request needs the per-launch token: the printed address carries it once (`/?token=...`),
 * the server swaps it for an HttpOnly, SameSite=Strict cookie and removes it from the address.
 * API calls must also send it as a bearer header (read from a meta tag of the served page), so a
 * cookie alone cannot drive the API. A Host or Origin other than this server's own is refused,
 * which stops DNS-rebinding and cross-site pages.
 */
export interface HarnessOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The built browser `window.api` (out/web/browser-api.js). */
  browserApiFile: string;
  log: AppLogger;
  /** Files the services produced for this browser (reports, exports, backups). */
  downloads?: DownloadStore;
  /** Files the page sends (a backup to restore), for callers the application allows. */
  uploads?: { store: UploadStore; mayUpload(clientKey: string): boolean; maxBytes?: number };
  port?: number;
  token?: string;
}

export interface Harness {
  url: string;
  /** The address to open, with the token. */
  launchUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const cookieName = 'foot_screening_token';
const maxBodyBytes = 2 * 1024 * 1024;
/** Far above any clinic's database, far below what would fill a disk by accident. */
const defaultMaxUploadBytes = 2 * 1024 * 1024 * 1024;

export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const tokenBuffer = Buffer.from(token);
  let port = 0;

  const tokenMatches = (candidate: string | undefined | null): boolean => {
    if (!candidate) return false;
    const b = Buffer.from(candidate);
    return b.length === tokenBuffer.length && timingSafeEqual(b, tokenBuffer);
  };

  /** Token, POST and client key, as every call needs. Returns the client key, or null once refused. */
  const checkCaller = (req: http.IncomingMessage, res: http.ServerResponse): string | null => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!tokenMatches(bearer)) {
      req.resume();
      sendJson(res, 401, fail('unauthorized', 'Missing or wrong access token. Open the address printed by `npm start`.'));
      return null;
    }
    if (req.method !== 'POST') {
      req.resume();
      res.setHeader('Allow', 'POST');
      sendJson(res, 405, fail('bad_request', 'Operations are called with POST.'));
      return null;
    }
    // Each browser tab names itself with a random key (kept in its sessionStorage), so a tab's
    // sign-in and idle lock are its own, like a desktop window's.
    const clientKey = req.headers['x-client-key'];
    if (typeof clientKey !== 'string' || !/^[A-Za-z0-9-]{8,64}$/.test(clientKey)) {
      req.resume();
      sendJson(res, 400, fail('bad_request', 'Missing or malformed X-Client-Key header.'));
      return null;
    }
    return clientKey;
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A client that went away mid-request (a closed tab, a cancelled upload) is not a fault of
      // the app: logged at debug so a flood of them cannot push real errors out of the kept logs.
      if (wasAborted(req, error)) {
        options.log.debug?.('harness request aborted by the client');
        res.destroy();
        return;
      }
      options.log.error('harness request failed');
      if (!res.headersSent) sendJson(res, 500, fail('internal', 'The app server failed to answer.'));
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setCommonHeaders(res);
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!req.headers.host || !allowedHosts.includes(req.headers.host.toLowerCase())) {
      sendJson(res, 403, fail('forbidden', 'Requests must be addressed to this app on 127.0.0.1.'));
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
      sendJson(res, 403, fail('forbidden', 'Requests from other web pages are refused.'));
      return;
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') {
      sendJson(res, 403, fail('forbidden', 'Requests from other web pages are refused.'));
      return;
    }

    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      const clientKey = checkCaller(req, res);
      if (clientKey === null) return;
      const operation = url.pathname.slice('/api/'.length);
      const body = await readBody(req);
      if (body.kind === 'too-large') {
        refuseTooLarge(req, res, 'The request is too large.');
        return;
      }
      let payload: unknown;
      try {
        payload = body.text === '' ? {} : JSON.parse(body.text);
      } catch {
        sendJson(res, 400, fail('bad_request', 'The request body is not valid JSON.'));
        return;
      }
      const result = await options.dispatch(operation, payload, { clientKey: `browser:${clientKey}` });
      sendJson(res, result.ok ? 200 : httpStatusFor(result.error.code), result);
      return;
    }

    // A file the page sends to the app (a backup to restore): raw bytes, streamed to disk.
    if (url.pathname === '/upload') {
      const clientKey = checkCaller(req, res);
      if (clientKey === null) return;
      const uploads = options.uploads;
      if (!uploads || !uploads.mayUpload(`browser:${clientKey}`)) {
        req.resume();
        sendJson(res, 403, fail('forbidden', 'Only a signed-in administrator can send a backup file.'));
        return;
      }
      const maxBytes = uploads.maxBytes ?? defaultMaxUploadBytes;
      if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
        refuseTooLarge(req, res, 'The file is too large to be a backup of this app.');
        return;
      }
      let name = 'backup.db';
      try {
        name = decodeURIComponent(String(req.headers['x-file-name'] ?? name)).slice(0, 200);
      } catch {
        // A malformed name is not worth refusing the file for.
      }
      const received = await uploads.store.receive(`browser:${clientKey}`, name, req, maxBytes);
      if (received.kind === 'too-large') {
        refuseTooLarge(req, res, 'The file is too large to be a backup of this app.');
        return;
      }
      sendJson(res, 200, { ok: true, value: received });
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, fail('bad_request', 'Only GET is served here.'));
      return;
    }

    // First visit: the printed address carries the token once; trade it for a cookie.
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null) {
      if (!tokenMatches(queryToken)) {
        sendText(res, 401, 'Wrong access token. Open the address printed by `npm start`.');
        return;
      }
      res.setHeader('Set-Cookie', `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: '/' });
      res.end();
      return;
    }
    if (!tokenMatches(readCookie(req.headers.cookie, cookieName))) {
      sendText(res, 401, 'This app needs its access token. Open the full address printed by `npm start` (it ends in ?token=...).');
      return;
    }

    const download = /^\/download\/([A-Za-z0-9_-]+)\//.exec(url.pathname);
    if (download) {
      const stored = download[1] ? options.downloads?.lookup(download[1]) : null;
      if (!stored) {
        sendText(res, 404, 'This download has expired. Make the file again.');
        return;
      }
      const disposition = stored.inline ? 'inline' : 'attachment';
      const asciiName = stored.name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, "'");
      res.setHeader('Content-Disposition', `${disposition}; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(stored.name)}`);
      res.setHeader('Cache-Control', 'no-store');
      await sendFile(res, stored.file, req.method === 'HEAD', mimeTypes[stored.kind]);
      return;
    }

    if (url.pathname === '/browser-api.js') {
      await sendFile(res, options.browserApiFile, req.method === 'HEAD');
      return;
    }
    const relative = safeRelativePath(url.pathname);
    if (relative === null) {
      sendText(res, 404, 'Not found.');
      return;
    }
    if (relative === 'index.html') {
      const html = await fs.promises.readFile(path.join(options.rendererDir, 'index.html'), 'utf8');
      res.setHeader('Cache-Control', 'no-store');
      sendBody(res, 200, 'text/html; charset=utf-8', injectBrowserApi(html, token), req.method === 'HEAD');
      return;
    }
    await sendFile(res, path.join(options.rendererDir, relative), req.method === 'HEAD');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Puts the token and the browser `window.api` into the page before the app's own script runs. */
export function injectBrowserApi(html: string, token: string): string {
  const tags = `<meta name="harness-token" content="${token}">\n    <script src="./browser-api.js"></script>\n    `;
  const at = html.indexOf('<script');
  return at < 0 ? html.replace('</head>', `${tags}</head>`) : html.slice(0, at) + tags + html.slice(at);
}

function setCommonHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function wasAborted(req: http.IncomingMessage, error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return req.destroyed || code === 'ECONNRESET' || code === 'ECONNABORTED' || code === 'ERR_STREAM_PREMATURE_CLOSE' || (error instanceof Error && error.message === 'aborted');
}

async function readBody(req: http.IncomingMessage): Promise<{ kind: 'ok'; text: string } | { kind: 'too-large' }> {
  const chunks: Buffer[] = [];
  const outcome = await readLimited(req, maxBodyBytes, (chunk) => {
    chunks.push(chunk);
  });
  return outcome === 'too-large' ? { kind: 'too-large' } : { kind: 'ok', text: Buffer.concat(chunks).toString('utf8') };
}

/**
 * Answers 413 without reading the rest of a body that is too large: the connection is closed
 * after the answer, and what the client still sends is discarded rather than stored.
 */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse, message: string): void {
  res.setHeader('Connection', 'close');
  sendJson(res, 413, fail('bad_request', message));
  req.resume();
}

function sendJson(res: http.ServerResponse, status: number, body: Result<unknown>): void {
  res.setHeader('Cache-Control', 'no-store');
  sendBody(res, status, 'application/json; charset=utf-8', JSON.stringify(body), false);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  sendBody(res, status, 'text/plain; charset=utf-8', text, false);
}

function sendBody(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headOnly: boolean): void {
  const buffer = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': buffer.length });
  res.end(headOnly ? undefined : buffer);
}

async function sendFile(res: http.ServerResponse, file: string, headOnly: boolean, type?: string): Promise<void> {
  try {
    const data = await fs.promises.readFile(file);
    sendBody(res, 200, type ?? contentTypeFor(file), data, headOnly);
  } catch {
    sendText(res, 404, 'Not found.');
  }
}
