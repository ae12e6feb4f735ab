import os from 'node:os';
import path from 'node:path';

export const productName = 'Foot Screening';
export const dataFileName = 'foot-screening.db';

/**
 * The OS user-data folder, computed the way Electron's `app.getPath('userData')` does, so the
 * desktop app, the browser fallback and the command-line tools all use the same file.
 */
export function userDataDir(): string {
  if (process.env.FOOT_SCREENING_DATA_DIR) return path.resolve(process.env.FOOT_SCREENING_DATA_DIR);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), productName);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', productName);
  // Linux and the other Unixes: the XDG configuration folder.
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), productName);
}

/**
 * The database file: `--db PATH`, else `FOOT_SCREENING_DB`, else the user-data folder (tests use a
 * temp file). The desktop app passes Electron's own user-data folder.
 */
export function defaultDataFile(argv: readonly string[] = process.argv, userData: () => string = userDataDir): string {
  const flag = argv.indexOf('--db');
  const fromFlag = flag >= 0 ? argv[flag + 1] : undefined;
  if (fromFlag) return path.resolve(fromFlag);
  if (process.env.FOOT_SCREENING_DB) return path.resolve(process.env.FOOT_SCREENING_DB);
  return path.join(userData(), dataFileName);
}

export function logDir(dataFile: string): string {
  return path.join(path.dirname(dataFile), 'logs');
}
