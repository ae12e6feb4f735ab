/**
 * Runs the loopback harness: `node out/web/server.mjs [--db PATH] [--port N]`.
 * Used by `npm start` where no Electron binary is installed, by the e2e tests and in development.
 * Prints one line with the address (including the access token) and serves until Ctrl-C.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFileLogger } from '../log/logger';
import { defaultDataFile, logDir } from '../app/paths';
import { openApplication } from '../app/openApplication';
import { DownloadStore } from './downloads';
import { startHarness } from './server';
import { prepareDataFolder } from '../security/dataFolder';
import { UploadStore } from './uploads';

const here = path.dirname(fileURLToPath(import.meta.url));

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const dataFile = defaultDataFile();
  const log = createFileLogger(logDir(dataFile));
  // Private folder, private files, no network share; the app's temp folder (downloads and uploads
  // wait there) is emptied first, so nothing a crash left behind survives a restart.
  const folder = prepareDataFolder(dataFile, log);
  if (!folder.ok) {
    console.error(folder.message);
    process.exit(1);
  }
  const downloads = new DownloadStore(folder.tempDir);
  const uploads = new UploadStore(folder.tempDir);
  // The start-up check reads every page (seconds on a large clinic's database): it runs in a
  // worker while the page is served and loads; requests wait for it (see openApplication).
  const opened = openApplication({ dataFile, shell: 'browser', log, files: downloads, sources: uploads, dataFolderPrepared: true, integrityCheck: 'in-background' });
  if (!opened.ok) {
    console.error(opened.message);
    process.exit(1);
  }
  const { app } = opened;
  void app.startupCheck.then(() => {
    if (app.mode === 'recovery') {
      console.log('The database failed its start-up check: the app opens on the recovery screen, which offers the automatic backups.');
    }
  });
  const port = Number(argValue('--port') ?? '0');
  const harness = await startHarness({
    dispatch: app.dispatch,
    rendererDir: path.resolve(here, '..', 'renderer'),
    browserApiFile: path.join(here, 'browser-api.js'),
    log,
    downloads,
    uploads: { store: uploads, mayUpload: (clientKey) => app.mayCall('restoreBackup', clientKey) },
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 0,
  });
  log.info('harness started', { port: harness.port });
  console.log(`Foot Screening is running at ${harness.launchUrl}`);
  console.log(`Data file: ${dataFile}. Open the address above in a browser; press Ctrl-C to stop.`);
  // Serve first: the start-up backup runs behind requests (the database is copied in a worker
  // thread) and is written beside its final name, so a crash during it leaves the earlier backups
  // as they were. The line below tells whoever waits (the e2e tests) it is there.
  void app.startAutomaticBackups().then((outcome) => console.log(`Start-up backup: ${outcome}.`));

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void harness.close().then(() => {
      app.close();
      downloads.dispose();
      uploads.dispose();
      log.info('harness stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
