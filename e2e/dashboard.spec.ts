import fs from 'node:fs';
import { parseCsv, utf8Bom } from '#shared/csv/csv';
import { expect, test } from './support/harness';
import { amendedExam, localToday, patient, shiftDays, shiftMonths, signedExam, vignette } from './support/history';

/**
 * The clinic dashboard and CSV export end to end. The dashboard's figures are checked
 * against figures this test works out itself from what it seeded; the exports are downloaded
 * through the page, parsed, and compared with what the SQLite file holds.
 */

test.describe('clinic dashboard', () => {
  test('figures for the last 12 months match the seeded clinic', async ({ app, harness }, info) => {
    const today = localToday();
    const ago = (months: number): string => shiftMonths(today, -months);
    const referral = async (examId: number): Promise<void> => {
      await harness.call('renderReport', { examId, parts: ['clinician', 'referral'], mode: 'save' });
    };
    const adams = await patient(harness, 'Adams');
    await signedExam(harness, adams, ago(2), vignette('V01'));
    const brown = await patient(harness, 'Brown');
    await referral(await signedExam(harness, brown, ago(3), vignette('V14')));
    const clark = await patient(harness, 'Clark');
    await signedExam(harness, clark, ago(5), vignette('V10'));
    const davies = await patient(harness, 'Davies');
    await signedExam(harness, davies, ago(20), vignette('V01'));
    await patient(harness, 'Evans');
    const ford = await patient(harness, 'Ford');
    await amendedExam(harness, await signedExam(harness, ford, ago(1), vignette('V04')), vignette('V01'));
    const gray = await patient(harness, 'Gray');
    await signedExam(harness, gray, ago(1), vignette('V21'));
    await harness.call('archivePatient', { id: gray });
    const haddad = await patient(harness, 'Haddad');
    const first = await signedExam(harness, haddad, ago(4), vignette('V14'));
    await referral(first);
    await amendedExam(harness, first, vignette('V10'));

    // Worked out by hand from the seed (NICE intervals: low 12 months, high 1):
    // register = 7 (Gray archived); screened in 12 months = Adams, Brown, Clark, Ford, Haddad;
    // screenings = 6 (Ford and Haddad once each, Gray's counts: it happened);
    // overdue today = Brown, Clark, Davies, Haddad; never screened = Evans;
    // high risk or active = Brown, Clark, Gray, Haddad, with a referral letter: Brown, Haddad.
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await expect(app.getByRole('heading', { name: 'Clinic dashboard', level: 1 })).toBeVisible();
    const figure = (name: string) => app.getByRole('region', { name, exact: true });
    await expect(figure('Screened in the last 12 months')).toContainText('71%');
    await expect(figure('Screened in the last 12 months')).toContainText('5 of 7 patients on the register');
    await expect(figure('Screenings in the period')).toContainText('6of 6 patients');
    await expect(figure('Overdue today')).toContainText('4past their next due date');
    await expect(figure('Never screened')).toContainText('1on the register');
    await expect(figure('High-risk or active results')).toContainText('42 with a referral letter made (50%)');
    const nice = app.getByRole('table', { name: 'NICE NG19' });
    const row = (table: typeof nice, label: string) => table.getByRole('row', { name: new RegExp(`^${label} `) });
    await expect(row(nice, 'Low risk')).toContainText('233%');
    await expect(row(nice, 'Moderate risk')).toContainText('00%');
    await expect(row(nice, 'High risk')).toContainText('350%');
    await expect(row(nice, 'Active problem')).toContainText('117%');
    const iwgdf = app.getByRole('table', { name: 'IWGDF 2023' });
    await expect(row(iwgdf, 'Category 0')).toContainText('2');
    await expect(row(iwgdf, 'Category 2')).toContainText('233%');
    await expect(row(iwgdf, 'Category 3')).toContainText('117%');
    await app.locator('main').screenshot({ path: info.outputPath('dashboard.png') });

    // A shorter period: the last 3.5 months hold Adams, Brown, Ford and Gray.
    await app.getByLabel('From').fill(shiftDays(ago(3), -15));
    await expect(figure('Screenings in the period')).toContainText('4of 4 patients');
    await expect(figure('High-risk or active results')).toContainText('21 with a referral letter made (50%)');
  });

  test('CSV export round trip: patients and examinations with per-site results, read back and compared with the database', async ({ app, harness }) => {
    const today = localToday();
    const zak = await patient(harness, 'Żak', 'Łucja', { nationalNumber: '999 123 4578' });
    await signedExam(harness, zak, shiftMonths(today, -2), vignette('V04'));
    const formula = await patient(harness, '=HYPERLINK("http://evil.example","x")', '+Plus, Minus');
    await amendedExam(harness, await signedExam(harness, formula, shiftMonths(today, -1), vignette('V01')), vignette('V14'));
    await harness.call('startScreening', { patientId: formula, protocol: 'iwgdf-3', examinedOn: today });

    await app.goto(`${harness.url}#/dashboard`);
    const panel = app.getByRole('region', { name: 'Export (CSV)' });
    const exportAs = async (label: string): Promise<string[][]> => {
      await panel.getByRole('radio', { name: label }).check();
      const downloadPromise = app.waitForEvent('download');
      await panel.getByRole('button', { name: 'Export CSV…' }).click();
      const download = await downloadPromise;
      expect(download.suggestedFilename()).toMatch(/^Foot screening (patients|exams) \(exported \d{4}-\d{2}-\d{2}\)\.csv$/);
      const text = fs.readFileSync(await download.path(), 'utf8');
      expect(text.startsWith(utf8Bom)).toBe(true);
      return parseCsv(text);
    };

    const [pHead = [], ...patients] = await exportAs('Patients');
    const pCol = (name: string): number => pHead.indexOf(name);
    const dbPatients = harness.query<{ id: number; family_name: string; given_names: string; national_number: string | null; recall_due_on: string | null }>(
      'SELECT id, family_name, given_names, national_number, recall_due_on FROM patient ORDER BY id',
    );
    expect(patients.map((r) => [Number(r[pCol('patient_id')]), r[pCol('family_name')], r[pCol('given_names')], r[pCol('national_number')], r[pCol('next_due_on')]])).toEqual(
      // A cell a spreadsheet would run as a formula is given a leading apostrophe.
      dbPatients.map((p) => [p.id, p.family_name.startsWith('=') ? `'${p.family_name}` : p.family_name, p.given_names.startsWith('+') ? `'${p.given_names}` : p.given_names, p.national_number ?? '', p.recall_due_on ?? '']),
    );
    await expect(app.getByText(/Downloaded Foot screening patients .* 2 rows\./)).toBeVisible();

    const [eHead = [], ...exams] = await exportAs('Examinations with per-site results');
    const eCol = (name: string): number => eHead.indexOf(name);
    const dbExams = harness.query<{ id: number; state: string; version: number; examined_on: string; nice_category: string; iwgdf_category: string }>(
      "SELECT id, state, version, examined_on, nice_category, iwgdf_category FROM exam WHERE state IN ('signed', 'superseded') ORDER BY id",
    );
    expect(exams.map((r) => [Number(r[eCol('exam_id')]), r[eCol('state')], Number(r[eCol('version')]), r[eCol('examined_on')], r[eCol('nice_category')], r[eCol('iwgdf_category')]])).toEqual(
      dbExams.map((e) => [e.id, e.state, e.version, e.examined_on, e.nice_category, e.iwgdf_category]),
    );
    const sites = harness.query<{ exam_id: number; side: string; test: string; site_key: string; result: string }>(
      "SELECT exam_id, side, test, site_key, result FROM exam_site_result WHERE test = 'monofilament'",
    );
    expect(sites.length).toBe(exams.length * 6);
    for (const s of sites) {
      const row = exams.find((r) => r[eCol('exam_id')] === String(s.exam_id));
      expect(row?.[eCol(`${s.side}_monofilament_${s.site_key}`)]).toBe(s.result);
    }
    const audit = harness.query<{ entity_id: string }>("SELECT entity_id FROM audit_log WHERE action = 'export.csv' ORDER BY id");
    expect(audit.map((a) => a.entity_id)).toEqual(['patients', 'exams']);
  });
});
