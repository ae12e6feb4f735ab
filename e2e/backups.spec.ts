import fs from 'node:fs';
import path from 'node:path';
import { damageMiddlePages } from '../electron/testing/damage';
import { adminAccount, databaseInBackup, expect, seedPatient, signIn, test } from './support/harness';

const zak = { familyName: 'Żak', givenNames: 'Łucja', dateOfBirth: '1956-07-03', clinicIdentifier: 'B-1' };
const ozturk = { familyName: 'Öztürk', givenNames: 'Jürgen', dateOfBirth: '1950-01-02', clinicIdentifier: 'B-2' };
const patients = [zak, ozturk];

const rowsSql = 'SELECT id, family_name, given_names, date_of_birth, clinic_identifier FROM patient ORDER BY id';

test.describe('backups', () => {
  test('"Back up now" gives a file that opens as a database with the same patient rows', async ({ app, harness }) => {
    for (const p of patients) await seedPatient(harness, p);
    await app.getByRole('link', { name: 'Backups' }).click();
    await expect(app.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
    const downloading = app.waitForEvent('download');
    await app.getByRole('button', { name: 'Back up now' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Foot Screening backup .*\.db$/);
    const file = path.join(harness.dataDir, 'downloaded.db');
    await download.saveAs(file);
    await expect(app.getByText(/Backup made\. Downloaded/)).toBeVisible();
    const copy = harness.openDb(databaseInBackup(file, `${file}.database`), { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.prepare(rowsSql).all()).toEqual(harness.query(rowsSql));
    } finally {
      copy.close();
    }
    expect(harness.query("SELECT action FROM audit_log WHERE action = 'backup.create' AND actor = 'admin'")).toHaveLength(1);
  });

  test('restoring an automatic backup brings back its rows and signs everybody out', async ({ page, harness }) => {
    await seedPatient(harness, zak);
    // The backup made at start-up holds the first patient only.
    await harness.restart();
    await seedPatient(harness, ozturk);
    const backupRows = harness.query(rowsSql).slice(0, 1);
    await page.goto(harness.launchUrl);
    await signIn(page, adminAccount.username, adminAccount.password);
    await page.getByRole('link', { name: 'Backups' }).click();
    await page.getByRole('button', { name: /^Restore the backup made/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(dialog).toContainText('The current database is not deleted');
    await dialog.getByRole('button', { name: 'Restore backup' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText(/Backup restored\. The previous database was kept as clinic\.db\.before-restore-/)).toBeVisible();
    expect(harness.query(rowsSql)).toEqual(backupRows);
    await page.getByLabel('Username').fill(adminAccount.username);
    await page.getByLabel('Password').fill(adminAccount.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back on the screen where the restore was started.
    await expect(page.getByRole('heading', { name: 'Backups', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Patients' }).click();
    await expect(page.getByText('Łucja')).toBeVisible();
    await expect(page.getByText('Öztürk')).toHaveCount(0);
    expect(fs.readdirSync(harness.dataDir).some((n) => n.startsWith('clinic.db.before-restore-'))).toBe(true);
  });

  test('restoring a chosen file brings back its rows; a newer-version or truncated file is refused with its message', async ({ app, harness }) => {
    for (const p of patients) await seedPatient(harness, p);
    const good = path.join(harness.dataDir, 'good.db');
    // A copy of the encrypted database as it stands (VACUUM INTO keeps the key; the backup API cannot read an encrypted file).
    const db = harness.openDb();
    db.prepare('VACUUM INTO ?').run(good);
    db.close();
    const rowsInFile = harness.query(rowsSql);
    await seedPatient(harness, { familyName: 'Later', givenNames: 'Added', dateOfBirth: '1970-05-05', clinicIdentifier: 'B-3' });

    const newer = path.join(harness.dataDir, 'newer.db');
    fs.copyFileSync(good, newer);
    const n = harness.openDb(newer);
    n.pragma('user_version = 999');
    n.close();
    const truncated = path.join(harness.dataDir, 'truncated.db');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));

    await app.getByRole('link', { name: 'Backups' }).click();
    const restoreFile = async (file: string): Promise<void> => {
      const choosing = app.waitForEvent('filechooser');
      await app.getByRole('button', { name: 'Choose a backup file…' }).click();
      await (await choosing).setFiles(file);
      await app.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore backup' }).click();
    };
    const dialog = app.getByRole('dialog', { name: 'Restore this backup?' });

    await restoreFile(newer);
    await expect(dialog.getByRole('alert')).toContainText('newer version of the app');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await restoreFile(truncated);
    await expect(dialog.getByRole('alert')).toContainText('or it is damaged');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(harness.query(rowsSql)).toHaveLength(3);

    await restoreFile(good);
    await expect(app.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(harness.query(rowsSql)).toEqual(rowsInFile);
  });
});

test.describe('start-up check', () => {
  test('a damaged database opens the recovery screen, which restores the newest automatic backup', async ({ page, harness }) => {
    for (let i = 0; i < 150; i++) {
      await seedPatient(harness, { familyName: `Family${i}`, givenNames: 'Test', dateOfBirth: '1960-01-01', clinicIdentifier: `R-${i}` });
    }
    await harness.restart();
    const rows = harness.query(rowsSql);
    await harness.stop();
    damageMiddlePages(harness.dbFile);
    const damaged = fs.readFileSync(harness.dbFile);
    await harness.start();

    await page.goto(harness.launchUrl);
    await expect(page.getByRole('heading', { name: 'The clinic database needs to be restored' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toHaveCount(0);
    await expect(page.getByText('Newest', { exact: true })).toBeVisible();
    await expect(page.getByText(/Nothing has been deleted\./)).toBeVisible();
    await page.getByRole('button', { name: /^Restore the backup made/ }).first().click();
    await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore backup' }).click();
    await signIn(page, adminAccount.username, adminAccount.password);
    expect(harness.query(rowsSql)).toEqual(rows);
    const aside = fs.readdirSync(harness.dataDir).find((n) => n.startsWith('clinic.db.before-restore-'));
    expect(aside).toBeDefined();
    expect(fs.readFileSync(path.join(harness.dataDir, aside ?? '')).equals(damaged)).toBe(true);
  });
});
