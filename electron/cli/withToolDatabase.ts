/**
 * How every command-line tool opens the clinic's database: as the app opens it (the same key
 * lookup: FOOT_SCREENING_KEY, else the key file beside the database; migrations; the start-up
 * check), with no file dialogs and no log output, and closed again whatever the tool does.
 * A database that failed its start-up check is refused in words: only the app's recovery screen
 * may touch it.
 */
import { openApplication, type OpenApplication } from '../app/openApplication';
import { silentLogger } from '../log/logger';

/** Opens `dataFile`, runs `work` on the open application and returns its exit code (1 when the database cannot be used). */
export async function withToolDatabase(dataFile: string, work: (app: OpenApplication) => number | Promise<number>): Promise<number> {
  // Tools never show a save dialog: anything they produce they write themselves.
  const opened = openApplication({ dataFile, shell: 'desktop', log: silentLogger, files: { deliver: () => Promise.resolve({ kind: 'cancelled' }) } });
  if (!opened.ok) {
    console.error(opened.message);
    return 1;
  }
  const app = opened.app;
  try {
    if (app.mode !== 'normal') {
      console.error('The database failed its start-up check; restore a backup in the app first.');
      return 1;
    }
    return await work(app);
  } finally {
    app.close();
  }
}
