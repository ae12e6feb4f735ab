/**
 * The window security policy as plain functions, so it is unit-tested without Electron: window
 * security is a small module with its own tests, as in the Electron apps this one learns from.
 */

/** The renderer is served from this origin in the desktop app (never from file://). */
export const appScheme = 'app';
export const appHost = 'renderer';
export const appOrigin = `${appScheme}://${appHost}`;

/**
 * Content Security Policy for the renderer, in the desktop app and the loopback harness alike.
 * Styles must allow inline because MUI (emotion) injects style elements at run time; scripts may
 * only come from the app itself.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface SenderFrame {
  url: string;
  /** True when the frame is the window's top frame (not an iframe). */
  isMainFrame: boolean;
}

/**
 * IPC is answered only for our own page in the window's main frame: a frame that navigated
 * elsewhere, an iframe or a page from any other origin gets nothing.
 */
export function isTrustedSender(frame: SenderFrame | null): boolean {
  if (!frame || !frame.isMainFrame) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
}

/** The window never navigates away from the app (links to the web are not followed either). */
export function isAllowedNavigation(targetUrl: string): boolean {
  try {
    const url = new URL(targetUrl);
    return url.protocol === `${appScheme}:` && url.host === appHost;
  } catch {
    return false;
  }
}

/**
 * Maps a request path on the app protocol to a file under the renderer folder, refusing anything
 * that would escape it (`..`, encoded slashes, absolute paths). Returns a path relative to the
 * renderer folder, or null.
 */
export function rendererFileFor(requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  return safeRelativePath(url.pathname);
}

/** A URL path as a safe relative file path, `index.html` for the root; null if it tries to escape. */
export function safeRelativePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) return null;
  return parts.length === 0 ? 'index.html' : parts.join('/');
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export function contentTypeFor(file: string): string {
  const dot = file.lastIndexOf('.');
  return (dot >= 0 ? contentTypes[file.slice(dot).toLowerCase()] : undefined) ?? 'application/octet-stream';
}
