import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv, utf8Bom } from '#shared/csv/csv';
import type { PatientInputDraft } from '#shared/domain/patient';
import { addPatient as addTestPatient, amendedExam, nurse, signedExam, vignette } from '../../testing/clinic';
import type { SiteExportRow } from '../../db/repositories/exportRepository';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';
import type { JobReporter } from '../jobs/jobProgress';
import { exportHeaders } from './csvExport';

const actor = { name: 'admin' };
const clock = fixedClock('2026-11-25T10:00:00.000Z');
let app: TestApp;

/** What a spreadsheet would show for a text cell: formula starts get the apostrophe the export adds. */
const shown = (text: string | null): string => (text === null ? '' : /^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function addPatient(p: Partial<PatientInputDraft> & { clinicIdentifier: string }): number {
  return addTestPatient(app, { familyName: 'Plain', givenNames: 'Pat', dateOfBirth: '1950-01-01', ...p }, actor);
}

function sign(patientId: number, examinedOn: string, id: string, protocol: 'iwgdf-3' | '10-site' = 'iwgdf-3'): number {
  return signedExam(app, patientId, examinedOn, vignette(id), { protocol });
}

/** Runs an export and reads the file it produced back. */
async function exported(dataset: 'patients' | 'exams' | 'assessments', options: { from?: string; to?: string } = {}) {
  const advances: number[] = [];
  const steps: [string, number | null][] = [];
  const job: JobReporter = { step: (s, t) => steps.push([s, t]), advance: (d) => advances.push(d), finish: () => {} };
  const r = await app.services.csvExport.export({ dataset, from: options.from ?? null, to: options.to ?? null }, actor, job);
  if (!r.ok) throw new Error(r.error.message);
  const delivery = r.value.delivery;
  const text = fs.readFileSync(app.files.fileOf(delivery), 'utf8');
  const [header, ...rows] = parseCsv(text);
  return { text, header, rows, delivery, rowCount: r.value.rows, advances, steps };
}

beforeEach(() => {
  app = openTestApp(clock);
});
afterEach(() => app.dispose());

describe('CSV export', () => {
  it('patients: UTF-8 with BOM, RFC 4180 quoting, formula cells neutralised, and a round trip back to the database', async () => {
    addPatient({ clinicIdentifier: 'Z-1', familyName: 'Żak', givenNames: 'Łucja', nationalNumber: '999 123 4578', gpPractice: 'Mill Lane Surgery', postcode: 'EX1 2AB', medicines: 'Metformin 500 mg twice daily', notes: 'Prefers "Lucy"; lives with\ndaughter, Anna' });
    addPatient({ clinicIdentifier: 'F-1', familyName: '=HYPERLINK("http://evil.example","x")', givenNames: '+SUM(1,1)', phone: '-2+3', notes: '@cmd' });
    addPatient({ clinicIdentifier: 'N-1', familyName: 'Ní Bhriain, Zoë', givenNames: 'Zoë' });
    const archived = addPatient({ clinicIdentifier: 'A-1', familyName: 'Archived' });
    app.services.patients.archive(archived, actor);
    sign(1, '2026-02-10', 'V14');

    const out = await exported('patients');
    expect(out.text.startsWith(utf8Bom)).toBe(true);
    expect(out.text).toContain('\r\n');
    expect(out.text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(out.header).toEqual(exportHeaders.patients);
    expect(out.delivery).toMatchObject({ kind: 'download', fileName: 'Foot screening patients (exported 2026-11-25).csv' });
    const db = app.db.prepare('SELECT * FROM patient ORDER BY id').all() as Record<string, string | number | null>[];
    expect(out.rows).toHaveLength(db.length);
    const col = (name: string): number => out.header?.indexOf(name) ?? -1;
    out.rows.forEach((row, i) => {
      const p = db[i] ?? {};
      expect(row[col('patient_id')]).toBe(String(p.id));
      for (const [column, field] of [
        ['clinic_identifier', 'clinic_identifier'],
        ['family_name', 'family_name'],
        ['given_names', 'given_names'],
        ['national_number', 'national_number'],
        ['phone', 'phone'],
        ['notes', 'notes'],
        ['archived_at', 'archived_at'],
        ['next_due_on', 'recall_due_on'],
        ['gp_practice', 'gp_practice'],
        ['postcode', 'postcode'],
        ['medicines', 'medicines'],
        ['nice_category', 'recall_nice'],
      ] as const) {
        expect(row[col(column)], `${column} of patient ${String(p.id)}`).toBe(shown(p[field] === null || p[field] === undefined ? null : String(p[field])));
      }
    });
    expect(out.rows[0]?.[col('next_due_on')]).toBe('2026-03-10');
    const audit = app.db.prepare("SELECT actor, entity_id, details FROM audit_log WHERE action = 'export.csv'").all();
    expect(audit).toEqual([{ actor: 'admin', entity_id: 'patients', details: JSON.stringify({ dataset: 'patients', rows: 4, from: null, to: null }) }]);
  });

  it('exams: one row per signed or replaced version with every foot field and site, drafts left out', async () => {
    const p = addPatient({ clinicIdentifier: 'E-1' });
    const first = sign(p, '2026-01-15', 'V01');
    amendedExam(app, first, vignette('V04'), 'Right hallux entered wrongly');
    sign(addPatient({ clinicIdentifier: 'E-2' }), '2026-06-01', 'V21');
    app.services.exams.start(p, 'iwgdf-3', '2026-11-25', nurse);

    const out = await exported('exams');
    expect(out.header).toEqual(exportHeaders.exams);
    const col = (name: string): number => out.header?.indexOf(name) ?? -1;
    const exams = app.db.prepare("SELECT id, state, version, examined_on, iwgdf_category, nice_category FROM exam WHERE state IN ('signed', 'superseded') ORDER BY id").all() as Record<string, string | number>[];
    expect(out.rows.map((r) => [Number(r[col('exam_id')]), r[col('state')], Number(r[col('version')]), r[col('examined_on')], r[col('iwgdf_category')], r[col('nice_category')]])).toEqual(
      exams.map((e) => [e.id, e.state, e.version, e.examined_on, e.iwgdf_category, e.nice_category]),
    );
    // Every per-site result in the database is in its column, and no column claims more.
    const sites = app.db.prepare("SELECT exam_id, side, test, site_key, result, not_tested_reason FROM exam_site_result WHERE test <> 'vibration'").all() as SiteExportRow[];
    expect(sites.length).toBeGreaterThan(10);
    for (const s of sites) {
      const row = out.rows.find((r) => r[col('exam_id')] === String(s.exam_id));
      expect(row?.[col(`${s.side}_${s.test}_${s.site_key}`)]).toBe(s.not_tested_reason ? `${s.result} (${s.not_tested_reason})` : s.result);
    }
    const filled = out.rows.flatMap((r) => out.header?.filter((h, i) => /_(monofilament|touch)_/.test(h) && r[i] !== '') ?? []);
    expect(filled).toHaveLength(sites.length);
    const feet = app.db.prepare('SELECT exam_id, side, status, dorsalis_pedis, sites_insensate FROM exam_foot').all() as Record<string, string | number | null>[];
    for (const f of feet) {
      const row = out.rows.find((r) => r[col('exam_id')] === String(f.exam_id));
      expect(row?.[col(`${f.side}_status`)]).toBe(f.status);
      expect(row?.[col(`${f.side}_dorsalis_pedis`)]).toBe(f.dorsalis_pedis ?? '');
      expect(row?.[col(`${f.side}_sites_insensate`)]).toBe(f.sites_insensate === null ? '' : String(f.sites_insensate));
    }
  });

  it('exams: the paper-form items, waveforms, toe pressure, the extended neurological exam and the MNSI questionnaire score, read from the signed findings', async () => {
    const findings = vignette('V01');
    findings.feet.right = {
      ...findings.feet.right,
      waveforms: { dorsalisPedis: 'triphasic', posteriorTibial: 'monophasic' },
      toePressure: 45,
      ankleReflex: 'reinforcement',
      pinPrick: 'abnormal',
      temperature: 'normal',
      colour: 'pale',
      warmth: 'cold',
      oedema: true,
      nails: { thickened: true, fungal: false, note: 'Cannot reach' },
      skin: { ...findings.feet.right.skin, interdigitalMaceration: true, ulcerDescription: '=1 cm, 1st MTH' },
    };
    findings.history = { ...findings.history, previousUlcerSide: 'left', previousUlcerDate: '2019-05', underVascularClinic: true, smoking: 'former' };
    findings.selfCare = { ability: 'needs_help', livesAlone: true };
    findings.footwear = { assessment: 'inappropriate', note: 'Slip-ons' };
    // All "yes": 11 of 13 (questions 7 and 13 score on "no"; 4 and 10 are not scored).
    findings.mnsiQuestionnaire = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`q${i + 1}`, true]));
    findings.outcome = { actionTaken: 'Referred to podiatry', educationVerbal: true, leafletGiven: false };
    const p = addPatient({ clinicIdentifier: 'F-9' });
    sign(p, '2026-03-01', 'V01');
    const id = signedExam(app, p, '2026-04-01', findings);

    const out = await exported('exams');
    const col = (name: string): number => out.header?.indexOf(name) ?? -1;
    const row = out.rows.find((r) => r[col('exam_id')] === String(id)) ?? [];
    const cell = (name: string): string | undefined => {
      expect(col(name), name).toBeGreaterThanOrEqual(0);
      return row[col(name)];
    };
    expect(cell('right_waveform_dorsalis_pedis')).toBe('triphasic');
    expect(cell('right_waveform_posterior_tibial')).toBe('monophasic');
    expect(cell('right_toe_pressure')).toBe('45');
    expect(cell('right_ankle_reflex')).toBe('reinforcement');
    expect(cell('right_pin_prick')).toBe('abnormal');
    expect(cell('right_temperature_sense')).toBe('normal');
    expect(cell('right_colour')).toBe('pale');
    expect(cell('right_warmth')).toBe('cold');
    expect(cell('right_oedema')).toBe('yes');
    expect(cell('right_nails_thickened')).toBe('yes');
    expect(cell('right_nails_fungal')).toBe('no');
    expect(cell('right_nails_ingrown')).toBe('');
    expect(cell('right_nails_note')).toBe('Cannot reach');
    expect(cell('right_interdigital_maceration')).toBe('yes');
    expect(cell('right_ulcer_description')).toBe(shown('=1 cm, 1st MTH'));
    expect(cell('left_toe_pressure')).toBe('');
    expect(cell('previous_ulcer_side')).toBe('left');
    expect(cell('previous_ulcer_date')).toBe('2019-05');
    expect(cell('under_vascular_clinic')).toBe('yes');
    expect(cell('previous_vascular_intervention')).toBe('');
    expect(cell('smoking')).toBe('former');
    expect(cell('self_care')).toBe('needs_help');
    expect(cell('lives_alone')).toBe('yes');
    expect(cell('footwear')).toBe('inappropriate');
    expect(cell('footwear_note')).toBe('Slip-ons');
    expect(cell('mnsi_q7')).toBe('yes');
    expect(cell('mnsi_questionnaire_score')).toBe('11');
    expect(cell('action_taken')).toBe('Referred to podiatry');
    expect(cell('education_verbal')).toBe('yes');
    expect(cell('leaflet_given')).toBe('no');
    expect(cell('emergency_contacts_given')).toBe('');
    // An exam without these items leaves every one of their cells empty.
    const plain = out.rows.find((r) => r[col('exam_id')] !== String(id)) ?? [];
    expect(plain[col('mnsi_questionnaire_score')]).toBe('');
    expect(plain[col('right_waveform_dorsalis_pedis')]).toBe('');
  });

  it('assessments: categories with their reasons, warnings and scores from the stored assessment, for a date range', async () => {
    const p = addPatient({ clinicIdentifier: 'S-1' });
    sign(p, '2025-05-01', 'V14');
    const inRange = sign(p, '2026-05-01', 'V04');
    const out = await exported('assessments', { from: '2026-01-01', to: '2026-12-31' });
    expect(out.rows).toHaveLength(1);
    const col = (name: string): number => out.header?.indexOf(name) ?? -1;
    const row = out.rows[0] ?? [];
    const stored = app.db.prepare<[number], { assessment_json: string }>('SELECT assessment_json FROM exam WHERE id = ?').get(inRange);
    const a = JSON.parse(stored?.assessment_json ?? '{}') as { iwgdf2023: { because: { reason: string }[] }; nice: { because: { reason: string }[] }; scores: { nds: { total: number | null } } };
    expect(row[col('exam_id')]).toBe(String(inRange));
    expect(row[col('iwgdf_category')]).toBe('1');
    expect(row[col('nice_reasons')]).toBe(a.nice.because.map((b) => b.reason).join(' | '));
    expect(row[col('iwgdf_reasons')]).toBe(a.iwgdf2023.because.map((b) => b.reason).join(' | '));
    expect(row[col('nds_total')]).toBe(a.scores.nds.total === null ? '' : String(a.scores.nds.total));
    expect(row[col('lops')]).toBe('yes');
    expect(out.delivery).toMatchObject({ fileName: 'Foot screening assessments 2026-01-01 to 2026-12-31 (exported 2026-11-25).csv' });
  });

  it('reads and writes page by page, reporting progress, and never more than one page at a time', async () => {
    // Pages of 2 rows, so 7 patients take four pages.
    app.dispose();
    app = openTestApp(clock, { exportPageSize: 2 });
    for (let i = 0; i < 7; i++) addPatient({ clinicIdentifier: `P-${i}` });
    const out = await exported('patients');
    expect(out.rowCount).toBe(7);
    expect(out.steps).toEqual([['Writing patients', 7]]);
    expect(out.advances).toEqual([2, 4, 6, 7]);
  });

  it('a cancelled save dialog writes nothing and records nothing', async () => {
    addPatient({ clinicIdentifier: 'C-1' });
    let written = 0;
    app.files.cancelDialogs();
    const counting: JobReporter = { step: () => {}, advance: (n) => (written = n), finish: () => {} };
    const r = await app.services.csvExport.export({ dataset: 'patients', from: null, to: null }, actor, counting);
    expect(r.ok && r.value).toEqual({ delivery: { kind: 'cancelled' }, rows: 0 });
    expect(written).toBe(0);
    expect(app.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export.csv'").get()).toEqual({ n: 0 });
  });
});
