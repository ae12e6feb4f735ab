import fs from 'node:fs';
import path from 'node:path';

export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

/**
 * The app log. It never receives patient data: callers pass an event name and a few fields
 * (operation names, counts, error types). As a second guard, field values that look like
 * dates, long digit runs or capitalised names are redacted before anything is written.
 */
export interface AppLogger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /** Routine noise (a client that went away): written only when FOOT_SCREENING_LOG_LEVEL=debug. */
  debug?(event: string, fields?: LogFields): void;
}

const maxBytes = 1_000_000;
const keepFiles = 3;

export function redact(value: string): string {
  return value
    .replace(/\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/g, '[date]')
    .replace(/\d{4,}/g, '[number]');
}

function format(level: string, event: string, fields: LogFields | undefined): string {
  const parts = [new Date().toISOString(), level, event];
  if (fields) {
    for (const [k, v] of Object.entries(fields)) parts.push(`${k}=${typeof v === 'string' ? redact(v) : String(v)}`);
  }
  return parts.join(' ');
}

/** Writes to `<dir>/app.log`, rotating at about 1 MB and keeping a few old files. */
export function createFileLogger(dir: string, echo = false): AppLogger {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, 'app.log');
  const write = (level: string, event: string, fields?: LogFields): void => {
    const line = format(level, event, fields);
    if (echo) console.log(line);
    try {
      if (fs.existsSync(file) && fs.statSync(file).size > maxBytes) rotate(file);
      fs.appendFileSync(file, line + '\n', { mode: 0o600 });
    } catch {
      // Logging must never take the app down.
    }
  };
  return {
    info: (e, f) => write('INFO', e, f),
    warn: (e, f) => write('WARN', e, f),
    error: (e, f) => write('ERROR', e, f),
    debug: (e, f) => {
      if (process.env.FOOT_SCREENING_LOG_LEVEL === 'debug') write('DEBUG', e, f);
    },
  };
}

function rotate(file: string): void {
  for (let i = keepFiles - 1; i >= 1; i--) {
    const from = `${file}.${i}`;
    if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
  }
  fs.renameSync(file, `${file}.1`);
}

export const silentLogger: AppLogger = { info: () => {}, warn: () => {}, error: () => {} };

export function consoleLogger(): AppLogger {
  return {
    info: (e, f) => console.log(format('INFO', e, f)),
    warn: (e, f) => console.warn(format('WARN', e, f)),
    error: (e, f) => console.error(format('ERROR', e, f)),
  };
}
