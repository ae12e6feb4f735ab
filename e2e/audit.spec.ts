import { expect, seedPatient, test } from './support/harness';

test.describe('audit log', () => {
  test('shows who did what, filters by action, and Verify reports the log intact', async ({ app, harness }) => {
    await seedPatient(harness, { familyName: 'Żak', givenNames: 'Łucja', dateOfBirth: '1956-07-03', clinicIdentifier: 'A-1' });
    await app.getByRole('link', { name: 'Audit log' }).click();
    await expect(app.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
    const table = app.getByRole('table', { name: 'Audit log entries, newest first' });
    await expect(table.getByRole('row').nth(1)).toContainText('Patient added');
    await expect(table.getByRole('cell', { name: 'Signed in' }).first()).toBeVisible();
    await expect(table.getByRole('cell', { name: 'Staff account created' })).toBeVisible();

    await app.getByLabel('Action').click();
    await app.getByRole('option', { name: 'Patient added' }).click();
    await app.getByRole('button', { name: 'Show' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('Patient #1');
    await app.getByRole('button', { name: 'Verify' }).click();
    const entries = harness.query<{ n: number }>('SELECT count(*) AS n FROM audit_log')[0]?.n ?? 0;
    await expect(app.getByRole('status').filter({ hasText: 'intact' })).toContainText(`The audit log is intact up to entry #${entries}`);
    await app.getByRole('button', { name: 'Clear' }).click();
  });

  test('Verify names the first entry changed outside the app', async ({ app, harness }) => {
    await seedPatient(harness, { familyName: 'Żak', givenNames: 'Łucja', dateOfBirth: '1956-07-03', clinicIdentifier: 'A-1' });
    // Someone with the file, and a SQLite tool, covers their tracks.
    const db = harness.openDb();
    db.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone.else' WHERE id = 3;");
    db.close();
    await app.getByRole('link', { name: 'Audit log' }).click();
    await app.getByRole('button', { name: 'Verify' }).click();
    await expect(app.getByRole('status')).toContainText('The audit log was altered outside the app. First broken entry: #3. Entry 3 was changed after it was written');
  });

  test('is not offered to a nurse', async ({ harness, browser }) => {
    await harness.call('createUser', { username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password: 'nurse password 1' });
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(harness.launchUrl);
    await tab.getByLabel('Username').fill('nina');
    await tab.getByLabel('Password').fill('nurse password 1');
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await expect(tab.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
    await expect(tab.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    await expect(tab.getByRole('link', { name: 'Backups' })).toHaveCount(0);
    await context.close();
  });
});
