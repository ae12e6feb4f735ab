import fs from 'node:fs';
import path from 'node:path';
import { adminAccount, expect, seedPatient, signIn, test } from './support/harness';

const nurse = { username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password: 'nurse password 1' } as const;

test('an administrator ends a nurse’s session; her next step lands on sign-in saying why', async ({ app, harness, browser }) => {
  await harness.call('createUser', nurse);
  const context = await browser.newContext();
  const tab = await context.newPage();
  await tab.goto(harness.launchUrl);
  await signIn(tab, nurse.username, nurse.password);

  await app.getByRole('link', { name: 'Staff' }).click();
  const sessions = app.getByRole('table', { name: 'Signed-in sessions' });
  await expect(sessions.getByRole('row').filter({ hasText: 'Nina Nurse' })).toBeVisible();
  await sessions.getByRole('button', { name: /^End session of Nina Nurse/ }).click();
  const confirm = app.getByRole('dialog', { name: 'End this session?' });
  await expect(confirm).toContainText('Nina Nurse will be signed out');
  await confirm.getByRole('button', { name: 'End session' }).click();
  await expect(app.getByText(/Nina Nurse's session on .* was ended\./)).toBeVisible();
  await expect(sessions.getByRole('row').filter({ hasText: 'Nina Nurse' })).toHaveCount(0);
  expect(harness.query("SELECT actor FROM audit_log WHERE action = 'session.ended'")).toEqual([{ actor: 'admin' }]);

  // Her next request is refused: the sign-in screen says an administrator ended the session.
  await tab.evaluate(() => {
    window.location.hash = '#/worklist';
  });
  await expect(tab.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(tab.getByRole('status').filter({ hasText: 'An administrator ended your session. Please sign in again.' })).toBeVisible();
  await context.close();
});

test('with the key missing, the recovery screen restores a backup once the recovery code is typed; without it nothing changes', async ({ page, harness }) => {
  await seedPatient(harness, { familyName: 'Keptsafe', givenNames: 'Ida', dateOfBirth: '1955-03-03', clinicIdentifier: 'K-1' });
  await harness.restart(); // an automatic backup with the patient in it
  const keyFile = `${harness.dbFile}.key`;
  const hex = fs.readFileSync(keyFile, 'utf8').trim();
  // As the recovery sheet prints it.
  const code = (hex.match(/.{4}/g) ?? []).join(' ');
  await harness.stop();
  fs.renameSync(keyFile, path.join(harness.dataDir, 'key-on-the-old-computer'));
  const before = fs.readFileSync(harness.dbFile);
  await harness.start();

  await page.goto(harness.launchUrl);
  await expect(page.getByRole('heading', { name: 'The clinic database needs to be restored' })).toBeVisible();
  await expect(page.getByText(/its key is not available on this computer/)).toBeVisible();
  await page.getByRole('button', { name: /^Restore the backup made/ }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
  await dialog.getByRole('button', { name: 'Restore backup' }).click();
  await expect(dialog.getByRole('alert')).toContainText('recovery code');
  expect(fs.readFileSync(harness.dbFile).equals(before)).toBe(true);
  expect(fs.existsSync(keyFile)).toBe(false);

  await dialog.getByLabel('Recovery code').fill('0000 1111 2222 3333');
  await dialog.getByRole('button', { name: 'Restore backup' }).click();
  await expect(dialog.getByRole('alert')).toContainText('not a recovery code');
  await dialog.getByLabel('Recovery code').fill(code);
  await dialog.getByRole('button', { name: 'Restore backup' }).click();
  await signIn(page, adminAccount.username, adminAccount.password);
  expect(harness.query<{ family_name: string }>('SELECT family_name FROM patient')).toEqual([{ family_name: 'Keptsafe' }]);
});
