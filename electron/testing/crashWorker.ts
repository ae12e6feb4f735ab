/**
 * The child process of the crash-safety test (`electron/services/exams/crashSafety.test.ts`).
 *
 *   node --import tsx electron/testing/crashWorker.ts <database file> <number of exams>
 *
 * Opens the application on the file exactly as the app does (`openApplication`: interrupted
 * restore finished, `quick_check`, migrations, every service) and, through the same `dispatch`
 * the Electron IPC and the harness call, signs in and screens patients one after another:
 * create the patient, start the screening, autosave the findings, sign. After each signed exam
 * it writes `saved <exam id> <clinic identifier>` to stdout: the acknowledgement that the save
 * returned success, the moment the screen would tell the nurse it is saved. The parent kills it
 * with SIGKILL whenever it likes and holds the database to every acknowledgement it read. The
 * clinic identifier is unique to this save; it tells a lost exam apart from a later one that
 * SQLite gave the same id (a rowid is reused when the rows above it are gone).
 *
 * After the last save it writes `done` and waits, database open, until stdin closes (then it
 * closes the database and exits 0), so that the parent can kill it there too and check a file
 * whose WAL was never checkpointed by a clean close.
 *
 * Lines go out with one `write(2)` each on file descriptor 1, not through `process.stdout`, so an
 * acknowledgement is in the pipe before the next save begins and a kill never cuts a line in half
 * (a write of under PIPE_BUF bytes to a pipe is atomic).
 *
 * Exit codes: 0 all saved; 2 bad arguments; 3 the application would not open normally (refused,
 * or recovery mode: the start-up check failed, which after a kill is itself a failure of the test);
 * 4 a request was refused.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { OperationName, RequestOf, ResponseOf } from '#shared/ipc/operations';
import { fullBilateralFindings } from './clinic';
import { silentLogger } from '../log/logger';
import { openApplication, type OpenApplication } from '../app/openApplication';
import type { FileSink } from '../services/files/fileSink';

const clientKey = 'crash-worker';
const crashWorkerAccount = { username: 'crashadmin', displayName: 'Crash Test Administrator', password: 'crash test pass phrase' } as const;

class Refused extends Error {}

/** Screening produces no files; a sink that declines leaves no temp folders behind a killed worker. */
const noFiles: FileSink = { deliver: () => Promise.resolve({ kind: 'cancelled' }) };

function say(line: string): void {
  fs.writeSync(1, `${line}\n`);
}

/** Calls an operation through the app's own dispatch; a refusal ends the worker (exit code 4). */
async function call<K extends OperationName>(app: OpenApplication, operation: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const result = await app.dispatch(operation, payload, { clientKey });
  if (!result.ok) throw new Refused(`${operation}: ${result.error.code}: ${result.error.message}`);
  // Dispatch answers each operation with its own response type (the contract's table).
  return result.value as ResponseOf<K>;
}

/**
 * The first start creates the administrator; a later start signs in. A kill during the first
 * start may or may not have left the account, so try both, as a person at the screen would.
 */
async function signIn(app: OpenApplication): Promise<void> {
  const first = await app.dispatch('createFirstAdministrator', crashWorkerAccount, { clientKey });
  if (first.ok) return;
  await call(app, 'signIn', { username: crashWorkerAccount.username, password: crashWorkerAccount.password });
}

async function screenPatients(app: OpenApplication, count: number): Promise<void> {
  const findings = fullBilateralFindings();
  // Identifiers must be unique across restarts on the same file, including saves that committed
  // but were never acknowledged: a random run tag makes them so without reading the file.
  const tag = randomBytes(4).toString('hex');
  for (let i = 0; i < count; i++) {
    const patient = await call(app, 'createPatient', {
      patient: { familyName: 'Crash', givenNames: `Patient ${i}`, dateOfBirth: '1950-01-01', sex: 'female', clinicIdentifier: `CS-${tag}-${i}`, diabetesType: 'type2' },
    });
    const draft = await call(app, 'startScreening', { patientId: patient.id, protocol: '10-site', examinedOn: '2026-01-01' });
    await call(app, 'saveExamDraft', { id: draft.id, findings, wizard: null });
    const signed = await call(app, 'signExam', { id: draft.id, findings });
    if (signed.state !== 'signed') throw new Refused(`signExam answered state ${signed.state}`);
    say(`saved ${signed.id} CS-${tag}-${i}`);
  }
}

function stdinClosed(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.on('end', resolve).on('error', () => resolve()).resume();
  });
}

async function main(args: readonly string[]): Promise<number> {
  const [file, countText] = args;
  const count = Number(countText);
  if (!file || !Number.isInteger(count) || count < 0) {
    console.error('usage: crashWorker.ts <database file> <number of exams>');
    return 2;
  }
  const opened = openApplication({ dataFile: file, shell: 'browser', log: silentLogger, files: noFiles });
  if (!opened.ok || opened.app.mode !== 'normal') {
    console.error(opened.ok ? 'the database opened in recovery mode' : opened.message);
    return 3;
  }
  const app = opened.app;
  try {
    await signIn(app);
    say('ready');
    await screenPatients(app, count);
    say('done');
    await stdinClosed();
    return 0;
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    console.error(error.message);
    return 4;
  } finally {
    app.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
