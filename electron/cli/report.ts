/**
 * `npm run report -- <findings.json> --out report.pdf`: renders the report pack for a findings file,
 * for checks and demos. The file holds one findings object or one vignette
 * object (its `findings` are used, as `npm run score` reads them).
 *
 * Options:
 *   --out FILE          where to write the PDF (required)
 *   --patient FILE      the patient as JSON (the patient form's fields); a clearly synthetic
 *                       patient otherwise
 *   --date YYYY-MM-DD   the examination date (today otherwise)
 *   --parts LIST        clinician,patient,referral (default: every part the exam has)
 *   --separate          one PDF per part: FILE becomes FILE-clinician.pdf, FILE-patient.pdf, ...
 *   --large-print       large type for the patient copy
 *   --clinic NAME       the clinic name printed at the top (default "Demo clinic")
 *   --generated-at T    the generation time, an ISO instant such as 2026-03-10T12:00:00Z (now
 *                       otherwise): printed in the footer and written as the PDF's dates, so the
 *                       same input and time give a byte-identical file
 *   --time-zone ZONE    the IANA time zone times are printed in (the computer's otherwise)
 *
 * The exam is signed by "Demo examiner". Bad input prints what is wrong on stderr and exits 1.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseFindings, type Findings } from '#shared/domain/findings';
import { noPatientContacts, patientInputSchema, type Patient } from '#shared/domain/patient';
import { describeIssues, toFieldIssues } from '#shared/ipc/zodIssues';
import { reportableExam, signedExamOf, type ReportableExam } from '#shared/report/reportInput';
import { checkParts } from '#shared/report/reportPack';
import { availableReportParts, reportParts, type ReportPart } from '#shared/report/reportParts';
import { isIsoDate, isoDateOf } from '#shared/text/dates';
import { renderReportFiles } from '../services/reports/renderReportFiles';
import { systemTimeZone } from '../services/reports/reportService';
import { readJsonFile } from './readJsonFile';

const usage =
  'Usage: npm run report -- <findings.json> --out report.pdf [--patient patient.json] [--date YYYY-MM-DD] [--parts clinician,patient,referral] [--separate] [--large-print] [--clinic NAME] [--generated-at 2026-03-10T12:00:00Z] [--time-zone Europe/London]';

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The generation time from --generated-at, or null when it is not an ISO instant with its offset. */
function instantFrom(text: string): Date | null {
  if (!isoInstant.test(text)) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** A findings object, or a vignette object's `findings`. */
export function findingsFrom(content: unknown, file: string): Outcome<Findings> {
  if (Array.isArray(content)) return { ok: false, problems: [`${file}: expected one findings object or one vignette object, found an array`] };
  const isVignette = typeof content === 'object' && content !== null && 'findings' in content;
  const parsed = parseFindings(isVignette ? (content as { findings: unknown }).findings : content);
  if (parsed.ok) return { ok: true, value: parsed.value };
  const prefix = isVignette ? 'findings.' : '';
  const issues = parsed.error.issues ?? [{ path: '', message: parsed.error.message }];
  return { ok: false, problems: issues.map((i) => `${file}: ${prefix}${i.path}${i.path ? ': ' : ''}${i.message}`) };
}

/** A clearly synthetic patient (identifiers `DEMO-…`, as `npm run demo-data` makes). */
export const demoPatient: Patient = {
  id: 0,
  familyName: 'Demo',
  givenNames: 'Sample Patient',
  dateOfBirth: '1956-07-03',
  sex: 'unknown',
  clinicIdentifier: 'DEMO-0001',
  nationalNumber: null,
  diabetesType: 'type2',
  diagnosisYear: 2004,
  phone: null,
  preferredLanguage: null,
  ...noPatientContacts,
  notes: null,
  createdAt: '2000-01-01T00:00:00.000Z',
  updatedAt: '2000-01-01T00:00:00.000Z',
  archivedAt: null,
};

function patientFrom(content: unknown, file: string): Outcome<Patient> {
  const base = typeof content === 'object' && content !== null && !Array.isArray(content) ? content : {};
  const parsed = patientInputSchema.safeParse({ sex: 'unknown', diabetesType: 'unknown', ...base });
  if (!parsed.success) return { ok: false, problems: [`${file}: ${describeIssues(toFieldIssues(parsed.error))}`] };
  return { ok: true, value: { ...demoPatient, ...parsed.data } };
}

/** A signed exam of `findings` on `examinedOn`, as the app would store it. */
export function demoExam(findings: Findings, examinedOn: string, signedAt: string): ReportableExam {
  const exam = reportableExam(signedExamOf(findings, { id: 1, patientId: 0, examinedOn, startedAt: signedAt, signedAt, signedBy: 'demo', signedByName: 'Demo examiner' }));
  if (!exam.ok) throw new Error(exam.error.message);
  return exam.value;
}

function partsFrom(text: string | undefined): Outcome<ReportPart[] | null> {
  if (text === undefined) return { ok: true, value: null };
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(reportParts as readonly string[]).includes(n));
  if (unknown.length > 0) return { ok: false, problems: [`--parts: unknown part ${unknown.join(', ')} (use ${reportParts.join(', ')})`] };
  return { ok: true, value: names as ReportPart[] };
}

export async function runReport(args: readonly string[], now: Date = new Date()): Promise<{ code: number; out: string[]; err: string[] }> {
  const err: string[] = [];
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        patient: { type: 'string' },
        date: { type: 'string' },
        parts: { type: 'string' },
        separate: { type: 'boolean', default: false },
        'large-print': { type: 'boolean', default: false },
        clinic: { type: 'string', default: 'Demo clinic' },
        'generated-at': { type: 'string' },
        'time-zone': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { code: 1, out: [], err: [`report: ${error instanceof Error ? error.message : String(error)}`, usage] };
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1 || !values.out) {
    if (!values.help && positionals.length === 1) err.push('report: --out FILE is required');
    return { code: 1, out: [], err: [...err, usage] };
  }
  const file = positionals[0] as string;
  const generatedAt = values['generated-at'];
  if (generatedAt !== undefined) {
    const instant = instantFrom(generatedAt);
    if (instant === null) return { code: 1, out: [], err: [`report: --generated-at must be an ISO instant with its offset, such as 2026-03-10T12:00:00Z, got "${generatedAt}"`] };
    now = instant;
  }
  const timeZone = values['time-zone'] ?? systemTimeZone();
  if (!validTimeZone(timeZone)) return { code: 1, out: [], err: [`report: --time-zone must be an IANA time zone such as Europe/London, got "${timeZone}"`] };
  const today = isoDateOf(now);
  const date = values.date ?? today;
  if (!isIsoDate(date)) return { code: 1, out: [], err: [`report: --date must be a date as YYYY-MM-DD, got "${date}"`] };

  const content = readJsonFile(file, 'findings file');
  const findings = content.ok ? findingsFrom(content.value, file) : content;
  const patientJson = values.patient ? readJsonFile(values.patient, 'patient file') : null;
  const patient = patientJson === null ? ({ ok: true, value: demoPatient } as const) : patientJson.ok ? patientFrom(patientJson.value, values.patient ?? '') : patientJson;
  const parts = partsFrom(values.parts);
  const problems = [findings, patient, parts].flatMap((o) => (o.ok ? [] : o.problems));
  if (!findings.ok || !patient.ok || !parts.ok) return { code: 1, out: [], err: problems.map((p) => `report: ${p}`) };

  const signedAt = date === today ? now.toISOString() : `${date}T12:00:00.000Z`;
  const exam = demoExam(findings.value, date, signedAt);
  const input = { patient: patient.value, exam, clinicName: values.clinic, generatedAt: now.toISOString(), timeZone };
  const wanted = parts.value ?? availableReportParts(exam).filter((p) => p.available).map((p) => p.part);
  const checked = checkParts(input, wanted);
  if (!checked.ok) return { code: 1, out: [], err: [`report: ${checked.error.message}`] };

  const files = await renderReportFiles(input, { parts: checked.value, largePrint: values['large-print'], combined: !values.separate });
  const out: string[] = [];
  const target = path.resolve(values.out);
  for (const f of files) {
    const where = values.separate ? target.replace(/(\.pdf)?$/i, `-${f.parts.join('-')}.pdf`) : target;
    try {
      writeFileSync(where, f.bytes);
    } catch (error) {
      return { code: 1, out, err: [`report: cannot write ${where}: ${error instanceof Error ? error.message : String(error)}`] };
    }
    out.push(`report: wrote ${where} (${f.parts.join(', ')}; ${f.bytes.length} bytes)`);
  }
  return { code: 0, out, err: [] };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runReport(process.argv.slice(2)).then(({ code, out, err }) => {
    for (const line of out) console.log(line);
    for (const line of err) console.error(line);
    process.exitCode = code;
  });
}
