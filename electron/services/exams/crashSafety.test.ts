import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findingsSchema } from '#shared/domain/findings';
import { openApplication } from '../../app/openApplication';
import type { Db } from '../../db/types';
import { silentLogger } from '../../log/logger';
import { seededRandom } from '../demo/syntheticPatients';
import { addPatient, fullBilateralFindings, signedExam } from '../../testing/clinic';
import { openTestApp, tempDir } from '../../testing/testApp';
import type { FileSink } from '../files/fileSink';

/**
 * Crash safety. A child process (electron/testing/crashWorker.ts) opens the application
 * on a real SQLite file and signs exams one after another, acknowledging each save on stdout
 * after it returned success. This test kills it with SIGKILL at seeded random moments, restarts
 * it on the same file, and repeats until `examsPerRun` saves were acknowledged; every worker's
 * life ends in a SIGKILL, the last one after its final save. Then it opens the file as the app
 * does and requires: every acknowledged exam present, signed, belonging to the patient it was
 * saved for, with all of its per-foot and per-site rows exactly as a clean save writes them; no
 * signed exam anywhere that is half-written or lacks its audit entry; `integrity_check` ok;
 * `foreign_key_check` empty; the audit chain verifies.
 *
 * The runs go side by side (each on its own file and its own random stream) to keep the time down.
 * Set CRASH_SAFETY_EXAMS (acknowledged saves per run, default 1,000), CRASH_SAFETY_RUNS (default 5)
 * and CRASH_SAFETY_SEED to change the workload or to replay a failure; the seed fixes when the
 * kills are aimed (after which acknowledgement, how many milliseconds later), though the exact
 * instruction they land on still depends on the machine's speed.
 */

const examsPerRun = positiveIntegerFromEnv('CRASH_SAFETY_EXAMS', 1000);
const runs = positiveIntegerFromEnv('CRASH_SAFETY_RUNS', 5);
const seed = positiveIntegerFromEnv('CRASH_SAFETY_SEED', 20260108);

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const workerFile = path.join(repoRoot, 'electron/testing/crashWorker.ts');
const noFiles: FileSink = { deliver: () => Promise.resolve({ kind: 'cancelled' }) };

function positiveIntegerFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, not "${text}"`);
  return value;
}

/** One acknowledgement read from the worker: this exam, for this patient, was saved. */
interface Acknowledgement {
  examId: number;
  clinicIdentifier: string;
}

/**
 * When to kill a worker. `timer`: so many milliseconds after it was started, whatever it is doing
 * (often still opening the database). `afterSave`: a random few milliseconds after the n-th
 * acknowledgement of this life (0: after it said `ready`), which lands inside or between saves.
 * Every life is in any case killed once it has said `done`.
 */
type KillPlan = { kind: 'timer'; ms: number } | { kind: 'afterSave'; saves: number; ms: number } | { kind: 'whenDone' };

/** Where a kill landed, judged by what the worker had said by then. */
type KillMoment = 'startUp' | 'saving' | 'afterLastSave';

interface Life {
  acknowledgements: Acknowledgement[];
  killedAt: KillMoment;
}

/**
 * Runs one worker on the file until it is killed; rejects if it ever ends any other way.
 * `node --import tsx` runs the TypeScript in this one process; the `tsx` command would start the
 * script in a second process, and a SIGKILL to the first would leave the second saving.
 */
function runWorker(file: string, count: number, plan: KillPlan): Promise<Life> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', workerFile, file, String(count)], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    const acknowledgements: Acknowledgement[] = [];
    let ready = false;
    let done = false;
    let killedAt: KillMoment | null = null;
    let pending = '';
    let errors = '';
    const timers: NodeJS.Timeout[] = [];

    const kill = (): void => {
      if (killedAt !== null) return;
      killedAt = done ? 'afterLastSave' : ready ? 'saving' : 'startUp';
      child.kill('SIGKILL');
    };
    const killLater = (ms: number): void => {
      timers.push(setTimeout(kill, ms));
    };

    if (plan.kind === 'timer') killLater(plan.ms);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      // Only complete lines count: a save is acknowledged once its whole line arrived.
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const saved = /^saved (\d+) (\S+)$/.exec(line);
        if (saved) {
          acknowledgements.push({ examId: Number(saved[1]), clinicIdentifier: String(saved[2]) });
          if (plan.kind === 'afterSave' && acknowledgements.length === plan.saves) killLater(plan.ms);
        } else if (line === 'ready') {
          ready = true;
          if (plan.kind === 'afterSave' && plan.saves === 0) killLater(plan.ms);
        } else if (line === 'done') {
          done = true;
          kill();
        } else {
          reject(new Error(`the worker said something unexpected: ${line}`));
        }
      }
    });
    child.on('error', reject);
    // 'close', not 'exit': by then every byte the worker wrote to its stdout has been read.
    child.on('close', (code, signal) => {
      for (const timer of timers) clearTimeout(timer);
      if (signal === 'SIGKILL' && killedAt !== null) resolve({ acknowledgements, killedAt });
      else reject(new Error(`the worker ended by itself (code ${code}, signal ${signal}): ${errors.trim()}`));
    });
  });
}

interface RunFigures {
  kills: Record<KillMoment, number>;
  acknowledged: number;
  /** Saves that committed but were killed before their acknowledgement went out: allowed, counted. */
  committedUnacknowledged: number;
  /** Screenings started and never signed because of a kill: drafts, as a nurse would find them. */
  draftsLeft: number;
  signedExams: number;
  auditEntries: number;
  lost: string[];
  problems: string[];
}

/**
 * One run: a fresh file, workers started and killed on it until `examsPerRun` saves were
 * acknowledged. Between four and eight lives are killed early (a quarter of them on a timer that
 * mostly hits start-up, the rest a few milliseconds after a random acknowledgement); the last life
 * saves the rest. Every life is also killed after its last save.
 */
async function crashRun(run: number, reference: ReferenceExam): Promise<RunFigures> {
  const random = seededRandom(seed + run);
  const dir = tempDir('foot-screening-crash-');
  const file = path.join(dir, 'crash.db');
  const earlyKills = 4 + Math.floor(random() * 5);
  const acknowledgements: Acknowledgement[] = [];
  const kills: Record<KillMoment, number> = { startUp: 0, saving: 0, afterLastSave: 0 };
  for (let life = 0; acknowledgements.length < examsPerRun; life++) {
    const remaining = examsPerRun - acknowledgements.length;
    const earlyKillsLeft = earlyKills - life;
    let plan: KillPlan = { kind: 'whenDone' };
    if (earlyKillsLeft > 0) {
      // Aim around an even share of what is left, so that the kills spread over the whole run.
      const aim = (2 * remaining) / (earlyKillsLeft + 1);
      plan = random() < 0.25 ? { kind: 'timer', ms: random() * 1000 } : { kind: 'afterSave', saves: Math.floor(random() * aim), ms: random() * 20 };
    }
    const outcome = await runWorker(file, remaining, plan);
    acknowledgements.push(...outcome.acknowledgements);
    kills[outcome.killedAt]++;
  }
  const figures = { kills, acknowledged: acknowledgements.length, ...verify(file, acknowledgements, reference) };
  // A failing run keeps its file for a look; the path is in the failure message.
  if (figures.lost.length === 0 && figures.problems.length === 0) fs.rmSync(dir, { recursive: true, force: true });
  else figures.problems.push(`run ${run} (seed ${seed + run}) kept its file: ${file}`);
  return figures;
}

/** What a clean save of `fullBilateralFindings()` writes for one exam, as comparable text. */
interface ReferenceExam {
  rows: string;
  footRows: number;
  siteRows: number;
}

/** Signs the same findings once in an untouched application to learn what a complete exam looks like. */
function referenceExam(): ReferenceExam {
  const app = openTestApp();
  try {
    const patientId = addPatient(app, { familyName: 'Reference', givenNames: 'Patient', dateOfBirth: '1950-01-01', clinicIdentifier: 'R-1' });
    // Parsed as the dispatch parses the worker's request, so the stored JSON is the same text.
    const examId = signedExam(app, patientId, '2026-01-01', findingsSchema.parse(fullBilateralFindings()), { protocol: '10-site' });
    const rows = examRows(app.db).get(examId);
    if (!rows) throw new Error('the reference exam has no rows');
    return { rows: rows.text, footRows: rows.footRows, siteRows: rows.siteRows };
  } finally {
    app.dispose();
  }
}

interface ExamRowsText {
  text: string;
  footRows: number;
  siteRows: number;
}

/** Every exam's stored record and its foot and site rows, as text with ids and times left out. */
function examRows(db: Db): Map<number, ExamRowsText> {
  const byExam = new Map<number, ExamRowsText>();
  const exams = db
    .prepare<[], { id: number; record: string }>(
      `SELECT id, json_array(state, exam_status, protocol, examined_on, findings_json, assessment_json, lops, pad, red_flag,
                             iwgdf_category, nice_category, iwgdf_rule_set, nice_rule_set, engine_version) AS record
       FROM exam WHERE state = 'signed'`,
    )
    .all();
  for (const exam of exams) byExam.set(exam.id, { text: exam.record, footRows: 0, siteRows: 0 });
  const feet = db
    .prepare<[], { exam_id: number; row: string }>(
      `SELECT exam_id, json_array(side, status, lops, pad, vibration_method, vibration_result, dorsalis_pedis, posterior_tibial,
                                  abi, tbi, callus, deformity_types, sites_tested, sites_insensate) AS row
       FROM exam_foot ORDER BY exam_id, side`,
    )
    .all();
  const sites = db
    .prepare<[], { exam_id: number; row: string }>(
      `SELECT exam_id, json_array(side, test, site_key, result, not_tested_reason, applications_json) AS row
       FROM exam_site_result ORDER BY exam_id, side, test, site_key`,
    )
    .all();
  for (const [rows, kind] of [
    [feet, 'foot'],
    [sites, 'site'],
  ] as const) {
    for (const { exam_id: examId, row } of rows) {
      const exam = byExam.get(examId);
      // Rows of a draft (none are written before signing) would show as a signed exam's problem below.
      if (!exam) {
        byExam.set(examId, { text: `rows without a signed exam: ${row}`, footRows: 0, siteRows: 0 });
        continue;
      }
      exam.text += `\n${kind} ${row}`;
      if (kind === 'foot') exam.footRows++;
      else exam.siteRows++;
    }
  }
  return byExam;
}

/** Opens the file as the app would after the crash, then checks it against the acknowledgements. */
function verify(file: string, acknowledgements: readonly Acknowledgement[], reference: ReferenceExam): Omit<RunFigures, 'kills' | 'acknowledged'> {
  const opened = openApplication({ dataFile: file, shell: 'browser', log: silentLogger, files: noFiles });
  if (!opened.ok) throw new Error(opened.message);
  const app = opened.app;
  try {
    const problems: string[] = [];
    if (app.mode !== 'normal') return { committedUnacknowledged: 0, draftsLeft: 0, signedExams: 0, auditEntries: 0, lost: ['all: the app opened in recovery mode'], problems };
    const db = app.db;

    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') problems.push(`integrity_check: ${JSON.stringify(integrity.slice(0, 3))}`);
    const foreignKeys = db.pragma('foreign_key_check') as unknown[];
    if (foreignKeys.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(foreignKeys.slice(0, 3))}`);
    const audit = app.services.auditLog.verify();
    if (!audit.ok) problems.push(`audit chain: ${audit.reason}`);

    const rows = examRows(db);
    const patientOf = new Map(
      db
        .prepare<[], { id: number; clinic_identifier: string }>('SELECT e.id, p.clinic_identifier FROM exam e JOIN patient p ON p.id = e.patient_id')
        .all()
        .map((r) => [r.id, r.clinic_identifier]),
    );
    const signAudits = new Map<number, number>();
    for (const { entity_id: id } of db.prepare<[], { entity_id: string }>("SELECT entity_id FROM audit_log WHERE action = 'exam.sign'").all()) {
      signAudits.set(Number(id), (signAudits.get(Number(id)) ?? 0) + 1);
    }

    // Every acknowledged save: there, for the right patient, complete.
    const lost: string[] = [];
    const acknowledged = new Set<number>();
    for (const ack of acknowledgements) {
      acknowledged.add(ack.examId);
      const stored = rows.get(ack.examId);
      if (patientOf.get(ack.examId) !== ack.clinicIdentifier) lost.push(`exam ${ack.examId} of ${ack.clinicIdentifier}: not in the file`);
      else if (!stored) lost.push(`exam ${ack.examId}: not signed`);
      else if (stored.text !== reference.rows) lost.push(`exam ${ack.examId}: ${stored.footRows}/${reference.footRows} foot rows, ${stored.siteRows}/${reference.siteRows} site rows or different content`);
    }
    if (acknowledged.size !== acknowledgements.length) problems.push('the same exam id was acknowledged twice');

    // Every signed exam in the file, acknowledged or not: whole, and audited exactly once.
    for (const [id, stored] of rows) {
      if (stored.text !== reference.rows && !acknowledged.has(id)) {
        problems.push(`exam ${id}: half-written (${stored.footRows}/${reference.footRows} foot rows, ${stored.siteRows}/${reference.siteRows} site rows)`);
      }
      if (signAudits.get(id) !== 1) problems.push(`exam ${id}: ${signAudits.get(id) ?? 0} sign-off audit entries`);
    }
    for (const id of signAudits.keys()) if (!rows.has(id)) problems.push(`audit entry for signing exam ${id}, which is not signed`);

    const draftsLeft = Number(db.prepare("SELECT count(*) FROM exam WHERE state = 'draft'").pluck().get());
    const committedUnacknowledged = [...rows.keys()].filter((id) => !acknowledged.has(id)).length;
    return { committedUnacknowledged, draftsLeft, signedExams: rows.size, auditEntries: audit.ok ? audit.entries : 0, lost, problems };
  } finally {
    app.close();
  }
}

describe('crash safety', () => {
  it(
    `keeps every acknowledged save through SIGKILLs at random moments: ${runs} runs of ${examsPerRun} exams`,
    async () => {
      const started = performance.now();
      const reference = referenceExam();
      const results = await Promise.all(Array.from({ length: runs }, (_, run) => crashRun(run, reference)));
      const seconds = (performance.now() - started) / 1000;

      const total = (pick: (r: RunFigures) => number): number => results.reduce((sum, r) => sum + pick(r), 0);
      const kills = total((r) => r.kills.startUp + r.kills.saving + r.kills.afterLastSave);
      const lost = results.flatMap((r) => r.lost);
      const problems = results.flatMap((r) => r.problems);
      console.log(
        [
          `crash safety: ${runs} runs x ${examsPerRun} acknowledged exams, seed ${seed}, ${seconds.toFixed(1)} s`,
          ...results.map(
            (r, i) =>
              `  run ${i}: ${r.kills.startUp + r.kills.saving + r.kills.afterLastSave} kills (${r.kills.startUp} in start-up, ${r.kills.saving} while saving, ` +
              `${r.kills.afterLastSave} after the last save), ${r.acknowledged} acknowledged, ${r.committedUnacknowledged} committed but not yet acknowledged, ` +
              `${r.signedExams} signed exams, ${r.draftsLeft} drafts left, ${r.auditEntries} audit entries, ${r.lost.length} lost`,
          ),
          `  total: ${kills} kills, ${total((r) => r.acknowledged)} acknowledged saves, ${lost.length} lost, ${problems.length} other problems`,
        ].join('\n'),
      );

      expect(lost).toEqual([]);
      expect(problems).toEqual([]);
      for (const r of results) expect(r.acknowledged).toBeGreaterThanOrEqual(examsPerRun);
      // The kills must really have hit saves in progress, not only the idle end of each run.
      for (const r of results) expect(r.kills.saving).toBeGreaterThanOrEqual(1);
    },
    10 * 60_000,
  );
});
