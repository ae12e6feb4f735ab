import { defaultClinicSettings } from '#shared/domain/settings';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type RunningHarness } from './support/harness';
import { localToday, patient, shiftDays, shiftMonths, shown, signedExam, vignette } from './support/history';

/**
 * The recall worklist end to end: patients seeded with screenings dated relative to
 * today, the views, filters and search as a nurse uses them, a contact attempt recorded from a
 * row, and invitation letters for the ticked patients as one PDF read back with pdftotext.
 * Every expected date and count is worked out here from the seeded dates and the default
 * intervals (NICE: low 12 months, moderate 3, high 1), not asked of the app.
 */

interface Clinic {
  today: string;
  adams: { id: number; due: string };
  brown: { id: number; due: string };
  clark: { id: number; due: string };
}

async function clinic(harness: RunningHarness): Promise<Clinic> {
  const today = localToday();
  const adams = await patient(harness, 'Adams', 'Anna', { phone: '01632 960001' });
  const adamsOn = shiftMonths(today, -13);
  await signedExam(harness, adams, adamsOn, vignette('V01'));
  const brown = await patient(harness, 'Brown', 'Bea', { phone: '01632 960002' });
  const brownOn = shiftDays(today, -45);
  await signedExam(harness, brown, brownOn, vignette('V14'));
  const clark = await patient(harness, 'Clark', 'Cai');
  const clarkOn = shiftDays(shiftMonths(today, -3), 10);
  await signedExam(harness, clark, clarkOn, vignette('V04'));
  const davies = await patient(harness, 'Davies', 'Dee');
  await signedExam(harness, davies, shiftDays(today, -10), vignette('V01'));
  await patient(harness, 'Evans', 'Eve');
  await patient(harness, 'Öztürk', 'Jürgen');
  const gone = await patient(harness, 'Ford', 'Fay');
  await signedExam(harness, gone, shiftMonths(today, -30), vignette('V01'));
  await harness.call('archivePatient', { id: gone });
  const archivedNever = await patient(harness, 'Gray', 'Gus');
  await harness.call('archivePatient', { id: archivedNever });
  return {
    today,
    adams: { id: adams, due: shiftMonths(adamsOn, 12) },
    brown: { id: brown, due: shiftMonths(brownOn, 1) },
    clark: { id: clark, due: shiftMonths(clarkOn, 3) },
  };
}

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

test.describe('recall worklist', () => {
  test('overdue, due soon and never screened; category filter, search and sort; archived patients left out', async ({ app, harness }, info) => {
    const c = await clinic(harness);
    await app.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Worklist' }).click();
    await expect(app.getByRole('heading', { name: 'Recall worklist', level: 1 })).toBeVisible();
    await expect(app.getByRole('tab', { name: 'Overdue (2)' })).toBeVisible();
    await expect(app.getByRole('tab', { name: 'Due in the next 30 days (1)' })).toBeVisible();
    await expect(app.getByRole('tab', { name: 'Never screened (2)' })).toBeVisible();

    const table = app.getByRole('table', { name: 'Overdue patients' });
    const rows = table.getByRole('row');
    await expect(rows).toHaveCount(3);
    await expect(rows.nth(1)).toContainText('ADAMS, Anna');
    await expect(rows.nth(1)).toContainText(shown(c.adams.due));
    await expect(rows.nth(1)).toContainText('01632 960001');
    await expect(rows.nth(2)).toContainText('BROWN, Bea');
    await expect(rows.nth(2)).toContainText('NICE high risk');
    await expect(rows.nth(2)).toContainText(`${daysBetween(c.brown.due, c.today)} days overdue`);
    await app.locator('main').screenshot({ path: info.outputPath('worklist-overdue.png') });

    await app.getByRole('combobox', { name: 'NICE NG19 category' }).click();
    await app.getByRole('option', { name: 'High risk' }).click();
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('BROWN, Bea');
    await expect(app.getByRole('tab', { name: 'Overdue (1)' })).toBeVisible();
    await app.getByRole('combobox', { name: 'NICE NG19 category' }).click();
    await app.getByRole('option', { name: 'All categories' }).click();

    await app.getByLabel('Search the list').fill('ada');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(1)).toContainText('ADAMS, Anna');
    await app.getByLabel('Search the list').fill('');
    await expect(rows).toHaveCount(3);
    await app.getByRole('combobox', { name: 'Sort by' }).click();
    await app.getByRole('option', { name: 'Name' }).click();
    await expect(rows.nth(1)).toContainText('ADAMS, Anna');

    await app.getByRole('tab', { name: /Due in the next 30 days/ }).click();
    const soon = app.getByRole('table', { name: 'Due soon patients' }).getByRole('row');
    await expect(soon).toHaveCount(2);
    await expect(soon.nth(1)).toContainText('CLARK, Cai');
    await expect(soon.nth(1)).toContainText(`in ${daysBetween(c.today, c.clark.due)} days`);
    await app.getByRole('combobox', { name: 'Due within' }).click();
    await app.getByRole('option', { name: '7 days' }).click();
    await expect(app.getByRole('tab', { name: 'Due in the next 7 days (0)' })).toBeVisible();
    await expect(soon).toHaveCount(1);

    await app.getByRole('tab', { name: /Never screened/ }).click();
    const never = app.getByRole('table', { name: 'Never screened patients' }).getByRole('row');
    await expect(never).toHaveCount(3);
    await expect(never.nth(1)).toContainText('EVANS, Eve');
    await expect(never.nth(2)).toContainText('ÖZTÜRK, Jürgen');
    await expect(app.getByRole('combobox', { name: 'NICE NG19 category' })).toHaveAttribute('aria-disabled', 'true');
  });

  test('a contact attempt recorded from a row shows on the list, the patient page and in the database', async ({ app, harness }) => {
    const c = await clinic(harness);
    await app.goto(`${harness.url}#/worklist`);
    await app.getByRole('tab', { name: /^Overdue/ }).click();
    await app.getByRole('button', { name: 'Record contact for BROWN, Bea' }).click();
    const dialog = app.getByRole('dialog', { name: 'Record contact: BROWN, Bea' });
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await expect(dialog.getByText('Choose what happened')).toBeVisible();
    await dialog.getByRole('radio', { name: 'Phoned, no answer' }).check();
    await dialog.getByLabel('Note (optional)').fill('Left a voicemail; try after 5 pm');
    await dialog.getByRole('button', { name: 'Save contact' }).click();
    await expect(dialog).toBeHidden();
    const row = app.getByRole('row', { name: /BROWN, Bea/ });
    await expect(row).toContainText('Phoned, no answer');
    await expect(row).toContainText(`${shown(c.today)} · 1 since the last screening`);
    expect(harness.query('SELECT patient_id, kind, note, contacted_on, recorded_by FROM recall_contact')).toEqual([
      { patient_id: c.brown.id, kind: 'no_answer', note: 'Left a voicemail; try after 5 pm', contacted_on: c.today, recorded_by: 'admin' },
    ]);
    const audit = harness.query<{ entity_id: string; details: string }>("SELECT entity_id, details FROM audit_log WHERE action = 'contact.record'");
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entity_id).toBe(String(c.brown.id));
    expect(audit[0]?.details).not.toContain('voicemail');

    await row.getByRole('link', { name: 'BROWN, Bea' }).click();
    const recall = app.getByRole('region', { name: 'Recall' });
    await expect(recall).toContainText(`Next screening due ${shown(c.brown.due)}`);
    await expect(recall).toContainText('NICE NG19 high risk: every 1 month (clinic setting)');
    await expect(recall).toContainText(`${shown(c.today)}: Phoned, no answer — Left a voicemail; try after 5 pm`);
  });

  test('invitation letters for the ticked patients: one PDF, a page each, and "letter sent" recorded', async ({ app, harness }, info) => {
    const c = await clinic(harness);
    await harness.call('updateClinicSettings', { ...defaultClinicSettings, clinicName: 'Riverside Diabetes Centre', idleLockMinutes: 5 });
    const recall = await harness.call('getRecallSettings', {});
    await harness.call('updateRecallSettings', { ...recall, bookingText: 'Phone 01632 960000, Monday to Friday' });
    await app.goto(`${harness.url}#/worklist`);
    await app.getByRole('tab', { name: /^Overdue/ }).click();
    await app.getByRole('checkbox', { name: 'Choose ADAMS, Anna' }).check();
    await app.getByRole('checkbox', { name: 'Choose BROWN, Bea' }).check();
    await expect(app.getByText('2 chosen')).toBeVisible();
    await app.getByRole('button', { name: 'Invitation letters…' }).click();
    const dialog = app.getByRole('dialog', { name: 'Invitation letters' });
    await expect(dialog).toContainText('the 2 chosen patients');
    await expect(dialog.getByRole('checkbox', { name: /Record “invitation letter sent”/ })).toBeChecked();
    await dialog.screenshot({ path: info.outputPath('letters-dialog.png') });
    // What the status line announces while the job runs (the page polls the job's progress).
    await app.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { statusSeen: string[] }).statusSeen = seen;
      const status = document.querySelector('[role="dialog"] [role="status"]');
      if (status) new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { subtree: true, childList: true, characterData: true });
    });
    const downloadPromise = app.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Save PDF…' }).click();
    const downloaded = await downloadPromise;
    expect(downloaded.suggestedFilename()).toBe(`Invitation letters - ${c.today} - 2 patients.pdf`);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'letters-e2e-')), 'letters.pdf');
    await downloaded.saveAs(file);
    const seen = await app.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
    expect(seen.some((t) => /Making the letters|Preparing the letters|Making the PDF|Saving the PDF/.test(t))).toBe(true);
    await expect(dialog).toBeHidden();
    await expect(app.getByText(/Invitation letter sent” recorded for 2 patients/)).toBeVisible();

    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    const page = (n: number): string => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(page(1)).toContain('Dear Anna Adams,');
    expect(page(1)).toContain(`Your next check was due on`);
    expect(page(1)).toContain('To book, phone 01632 960000, Monday to Friday.');
    expect(page(2)).toContain('Dear Bea Brown,');
    expect(page(2)).toContain('Riverside Diabetes Centre');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, info.outputPath('letter')]);

    expect(harness.query('SELECT patient_id, kind, contacted_on FROM recall_contact ORDER BY patient_id')).toEqual([
      { patient_id: c.adams.id, kind: 'letter', contacted_on: c.today },
      { patient_id: c.brown.id, kind: 'letter', contacted_on: c.today },
    ]);
    await expect(app.getByRole('row', { name: /ADAMS, Anna/ })).toContainText('Invitation letter sent');
    const audit = harness.query<{ details: string }>("SELECT details FROM audit_log WHERE action = 'letters.print'");
    expect(JSON.parse(audit[0]?.details ?? '{}')).toMatchObject({ letters: 2, contactsRecorded: 2, mode: 'save' });
  });
});
