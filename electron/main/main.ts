/**
 * Electron main process: app lifecycle, single-instance lock, one window, menu and the security
 * policy. All application logic lives in services/ and runs the same under plain Node.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, safeStorage, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { operationNames } from '#shared/ipc/operationNames';
import { fail } from '#shared/ipc/result';
import { createFileLogger } from '../log/logger';
import { openApplication, type OpenApplication } from '../app/openApplication';
import { desktopFileSink } from './desktopFileSink';
import { desktopFileSource } from './desktopFileSource';
import { buildMenu } from './menu';
import { prepareDataFolder } from '../security/dataFolder';
import { defaultDataFile, logDir, productName } from '../app/paths';
import {
  appHost,
  appOrigin,
  appScheme,
  contentSecurityPolicy,
  isAllowedNavigation,
  isTrustedSender,
  rendererFileFor,
} from './security';

const outDir = path.resolve(__dirname, '..');
const rendererDir = path.join(outDir, 'renderer');

app.setName(productName);

// Must be registered before `ready`: a standard, secure scheme so the page gets a real origin.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

/** A better-sqlite3 addon built for Electron's ABI, when `npm run rebuild:electron` made one. */
function electronNativeBinding(): string | undefined {
  const candidate = path.join(outDir, 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(candidate) ? candidate : undefined;
}

let mainWindow: BrowserWindow | null = null;
let application: OpenApplication | null = null;

if (!app.requestSingleInstanceLock()) {
  // A second launch focuses the first window instead of opening the database twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  void app.whenReady().then(start);
}

function applySecurityPolicy(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  protocol.handle(appScheme, async (request) => {
    const relative = rendererFileFor(request.url);
    if (relative === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path.join(rendererDir, relative)).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function registerIpc(app_: OpenApplication): void {
  for (const name of operationNames) {
    ipcMain.handle(`api:${name}`, async (event, payload: unknown) => {
      const frame = event.senderFrame;
      const trusted = isTrustedSender(frame ? { url: frame.url, isMainFrame: frame.parent === null } : null);
      if (!trusted) return fail('forbidden', 'This request did not come from the app window.');
      // One session per window: the window's webContents id is the client key.
      return app_.dispatch(name, payload, { clientKey: `desktop:${event.sender.id}` });
    });
  }
}

async function start(): Promise<void> {
  const file = defaultDataFile(process.argv, () => app.getPath('userData'));
  const log = createFileLogger(logDir(file));
  applySecurityPolicy();

  const folder = prepareDataFolder(file, log);
  if (!folder.ok) {
    dialog.showErrorBox(productName, folder.message);
    app.quit();
    return;
  }
  const binding = electronNativeBinding();
  const opened = openApplication({
    dataFile: file,
    shell: 'desktop',
    log,
    dataFolderPrepared: true,
    // The check reads every page (seconds on a large clinic's database): in a worker while the
    // window loads; requests that need the database wait for it (see openApplication).
    integrityCheck: 'in-background',
    // The clinic key is wrapped by the OS credential store (DPAPI, Keychain, libsecret). On Linux
    // without a secret service Electron falls back to a fixed password ("basic_text"), which
    // protects nothing: the owner-only key file is used there instead.
    ...(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text' ? {} : { keyProtector: safeStorage }),
    files: desktopFileSink(() => mainWindow, folder.tempDir),
    sources: desktopFileSource(() => mainWindow),
    ...(binding ? { nativeBinding: binding } : {}),
  });
  if (!opened.ok) {
    dialog.showErrorBox(productName, `${opened.message}\n\nData file: ${file}`);
    app.quit();
    return;
  }
  application = opened.app;
  registerIpc(application);

  Menu.setApplicationMenu(buildMenu(() => mainWindow));
  mainWindow = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    title: productName,
    show: false,
    webPreferences: {
      preload: path.join(outDir, 'preload', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  await mainWindow.loadURL(`${appOrigin}/index.html`);
  log.info('window opened', { host: appHost });
  // Once the window has loaded: the start-up backup (after the start-up check, copied in a
  // worker) never competes with the first paint. Skipped in recovery mode.
  void application.startAutomaticBackups();
}

app.on('window-all-closed', () => {
  application?.close();
  app.quit();
});
