import { expect, seedPatient, test } from './support/harness';

test.describe('patient records', () => {
  test('a nurse adds a patient and the row is in the SQLite file', async ({ app, harness }) => {
    await app.getByRole('button', { name: 'New patient' }).click();
    await app.getByLabel('Family name').fill('Ní Bhriain');
    await app.getByLabel('Given name(s)').fill('Zoë');
    await app.getByLabel('Date of birth').fill('03/07/1956');
    await expect(app.getByText('Reads as 3 July 1956')).toBeVisible();
    await app.getByLabel('Sex').click();
    await app.getByRole('option', { name: 'Female' }).click();
    await app.getByLabel('Clinic identifier').fill('MRN-1001');
    await app.getByLabel('Diabetes type').click();
    await app.getByRole('option', { name: 'Type 2' }).click();
    await app.getByLabel('Year of diagnosis').fill('2004');
    await app.getByRole('button', { name: 'Add patient' }).click();

    await expect(app.getByRole('heading', { name: 'NÍ BHRIAIN, Zoë' })).toBeVisible();
    await expect(app.getByText('Screening history')).toBeVisible();
    await expect(app.getByText('No screenings yet.')).toBeVisible();
    const rows = harness.query<{ family_name: string; date_of_birth: string; clinic_identifier: string; diagnosis_year: number }>(
      'SELECT family_name, date_of_birth, clinic_identifier, diagnosis_year FROM patient',
    );
    expect(rows).toEqual([{ family_name: 'Ní Bhriain', date_of_birth: '1956-07-03', clinic_identifier: 'MRN-1001', diagnosis_year: 2004 }]);
  });

  test('required fields and impossible dates are shown next to the field, and nothing is saved', async ({ app, harness }) => {
    await app.getByRole('button', { name: 'New patient' }).click();
    await app.getByRole('button', { name: 'Add patient' }).click();
    await expect(app.getByText('Enter the family name')).toBeVisible();
    await expect(app.getByText('Enter the given name(s)')).toBeVisible();
    await expect(app.getByText('Enter the date of birth')).toBeVisible();
    await expect(app.getByText('Enter the clinic identifier')).toBeVisible();
    await expect(app.getByLabel('Family name')).toBeFocused();

    await app.getByLabel('Date of birth').fill('01/01/2999');
    await app.getByRole('button', { name: 'Add patient' }).click();
    await expect(app.getByText('Date of birth cannot be in the future')).toBeVisible();
    await app.getByLabel('Date of birth').fill('31/02/1950');
    await app.getByRole('button', { name: 'Add patient' }).click();
    await expect(app.getByText(/Enter a real date/)).toBeVisible();
    expect(harness.query('SELECT id FROM patient')).toEqual([]);
  });

  test('a clinic identifier already in use is refused with a message', async ({ app, harness }) => {
    await seedPatient(harness, { familyName: 'Öztürk', givenNames: 'Jürgen', dateOfBirth: '1950-01-02', clinicIdentifier: 'H-77' });
    await app.getByRole('button', { name: 'New patient' }).click();
    await app.getByLabel('Family name').fill('Żak');
    await app.getByLabel('Given name(s)').fill('Łucja');
    await app.getByLabel('Date of birth').fill('1960-05-06');
    await app.getByLabel('Sex').click();
    await app.getByRole('option', { name: 'Female' }).click();
    await app.getByLabel('Clinic identifier').fill('h-77');
    await app.getByLabel('Diabetes type').click();
    await app.getByRole('option', { name: 'Type 1' }).click();
    await app.getByRole('button', { name: 'Add patient' }).click();
    await expect(app.getByText('This clinic identifier is already used by another patient')).toBeVisible();
    await expect(app.getByRole('alert').filter({ hasText: 'Clinic identifier h-77 is already used' })).toBeVisible();
    expect(harness.query('SELECT family_name FROM patient')).toEqual([{ family_name: 'Öztürk' }]);
  });

  test('finds patients by name fragment, identifier and date of birth', async ({ app, harness }) => {
    await seedPatient(harness, { familyName: 'Öztürk', givenNames: 'Jürgen', dateOfBirth: '1950-01-02', clinicIdentifier: 'H-1' });
    await seedPatient(harness, { familyName: 'Żak', givenNames: 'Łucja', dateOfBirth: '1956-07-03', clinicIdentifier: 'H-2' });
    await seedPatient(harness, { familyName: 'Smith', givenNames: 'Anna', dateOfBirth: '1956-03-07', clinicIdentifier: 'Q-9' });
    await app.reload();
    const search = app.getByRole('combobox', { name: 'Find a patient' });
    const options = app.getByRole('option');

    await search.fill('ozt jur');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('ÖZTÜRK, Jürgen');

    await search.fill('q-9');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('SMITH, Anna');

    await search.fill('03/07/1956');
    await expect(app.getByText(/born 3 July 1956/)).toBeVisible();
    await expect(app.getByText(/day\/month\/year/).first()).toBeVisible();
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('ŻAK, Łucja');

    await search.fill('LUCJA');
    await expect(options).toHaveCount(1);
  });

  test('answers arriving out of order never replace the list of the last query typed', async ({ app, harness }) => {
    await seedPatient(harness, { familyName: 'Smith', givenNames: 'Anna', dateOfBirth: '1956-03-07', clinicIdentifier: 'Q-1' });
    await seedPatient(harness, { familyName: 'Smithers', givenNames: 'Bob', dateOfBirth: '1960-01-01', clinicIdentifier: 'Q-2' });
    await seedPatient(harness, { familyName: 'Smyth', givenNames: 'Carl', dateOfBirth: '1970-01-01', clinicIdentifier: 'Q-3' });
    await app.reload();
    const search = app.getByRole('combobox', { name: 'Find a patient' });
    const options = app.getByRole('option');
    await expect(options).toHaveCount(3);

    // Every answer to an earlier query is held back until after the last query's answer.
    const finalQuery = 'smith a';
    let releaseEarlier: () => void = () => undefined;
    const earlierHeld = new Promise<void>((resolve) => {
      releaseEarlier = resolve;
    });
    const earlierAnswered: Promise<void>[] = [];
    await app.route('**/api/searchPatients', async (route) => {
      const request: unknown = route.request().postDataJSON();
      const query = typeof request === 'object' && request !== null && 'query' in request ? request.query : null;
      const response = await route.fetch();
      if (query === finalQuery) {
        await route.fulfill({ response });
        return;
      }
      const answered = earlierHeld.then(() => route.fulfill({ response }));
      earlierAnswered.push(answered);
      await answered;
    });

    await search.pressSequentially(finalQuery);
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('SMITH, Anna');
    expect(earlierAnswered.length).toBeGreaterThan(0);
    releaseEarlier();
    await Promise.all(earlierAnswered);
    // The late answers (to "s", "sm", "smi", ... which all list three or two patients) were dropped.
    await app.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('SMITH, Anna');
    await expect(search).toHaveValue(finalQuery);
  });

  test('an edit survives a reload and is really stored', async ({ app, harness }) => {
    const p = await seedPatient(harness, { familyName: 'Walsh', givenNames: 'Seán', dateOfBirth: '1948-11-30', clinicIdentifier: 'W-1' });
    await app.goto(`${harness.url}#/patients/${p.id}`);
    await app.getByRole('button', { name: 'Edit details' }).click();
    await app.getByLabel('Phone', { exact: true }).fill('01632 960123');
    await app.getByLabel('Given name(s)').fill('Seán Patrick');
    await app.getByRole('button', { name: 'Save changes' }).click();
    await expect(app.getByRole('heading', { name: 'WALSH, Seán Patrick' })).toBeVisible();
    await app.reload();
    await expect(app.getByRole('heading', { name: 'WALSH, Seán Patrick' })).toBeVisible();
    await expect(app.getByText('01632 960123')).toBeVisible();
    expect(harness.query('SELECT given_names, phone FROM patient WHERE id = ?', p.id)).toEqual([{ given_names: 'Seán Patrick', phone: '01632 960123' }]);
    expect(harness.query("SELECT action FROM audit_log WHERE action = 'patient.update'")).toHaveLength(1);
  });

  test('archiving asks first, hides the patient from the default search, and can be undone', async ({ app, harness }) => {
    const p = await seedPatient(harness, { familyName: 'Kelly', givenNames: 'Aoife', dateOfBirth: '1970-04-04', clinicIdentifier: 'K-1' });
    await app.goto(`${harness.url}#/patients/${p.id}`);
    await app.getByRole('button', { name: 'Archive' }).click();
    const dialog = app.getByRole('dialog', { name: 'Archive KELLY, Aoife?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    expect(harness.query('SELECT archived_at FROM patient')).toEqual([{ archived_at: null }]);

    await app.getByRole('button', { name: 'Archive', exact: true }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Archive patient' }).click();
    await expect(app.getByText('This patient is archived')).toBeVisible();
    expect(harness.query<{ archived_at: string | null }>('SELECT archived_at FROM patient')[0]?.archived_at).not.toBeNull();
    await app.getByRole('button', { name: 'Undo' }).click();
    await expect(app.getByText('KELLY, Aoife restored.')).toBeVisible();
    expect(harness.query('SELECT archived_at FROM patient')).toEqual([{ archived_at: null }]);

    await app.getByRole('button', { name: 'Archive', exact: true }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Archive patient' }).click();
    await expect(app.getByText('This patient is archived')).toBeVisible();
    await app.getByRole('link', { name: 'Patients' }).click();
    const search = app.getByRole('combobox', { name: 'Find a patient' });
    await search.fill('kelly');
    await expect(app.getByText('No patient matches')).toBeVisible();
    await app.getByLabel('Include archived').check();
    await expect(app.getByRole('option')).toHaveCount(1);
    await expect(app.getByRole('option').first()).toContainText('Archived');
  });

  test('the whole patient flow works by keyboard alone', async ({ app, harness }) => {
    await seedPatient(harness, { familyName: 'Nowak', givenNames: 'Anna', dateOfBirth: '1961-02-03', clinicIdentifier: 'N-1' });
    await seedPatient(harness, { familyName: 'Nowak', givenNames: 'Piotr', dateOfBirth: '1959-09-09', clinicIdentifier: 'N-2' });
    await app.reload();
    // The search box has focus on arrival.
    await expect(app.getByRole('combobox', { name: 'Find a patient' })).toBeFocused();
    await app.keyboard.type('nowak');
    await expect(app.getByRole('option')).toHaveCount(2);
    await app.keyboard.press('ArrowDown');
    await expect(app.getByRole('option', { selected: true })).toContainText('Piotr');
    await app.keyboard.press('Enter');
    await expect(app.getByRole('heading', { name: 'NOWAK, Piotr' })).toBeVisible();

    // Alt+N opens a new patient form with the first field focused; Ctrl+Enter saves.
    await app.keyboard.press('Alt+n');
    await expect(app.getByLabel('Family name')).toBeFocused();
    await app.keyboard.type('Byrne');
    await app.keyboard.press('Tab');
    await app.keyboard.type('Siobhán');
    await app.keyboard.press('Tab');
    await app.keyboard.type('1966-06-16');
    await app.keyboard.press('Tab');
    await app.keyboard.press('Enter'); // open the Sex list
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('Enter'); // choose "Female" (first item after opening is focused)
    await app.keyboard.press('Tab');
    await app.keyboard.type('B-16');
    await app.keyboard.press('Tab');
    await app.keyboard.press('Tab');
    await app.keyboard.press('Enter');
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('Enter');
    await app.keyboard.press('Control+Enter');
    await expect(app.getByRole('heading', { name: 'BYRNE, Siobhán' })).toBeVisible();
    expect(harness.query('SELECT clinic_identifier FROM patient WHERE family_name = ?', 'Byrne')).toEqual([{ clinic_identifier: 'B-16' }]);
  });

  test('requests without the access token are refused', async ({ app, harness }) => {
    const status = await app.evaluate(async () => {
      const res = await fetch('./api/searchPatients', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query":""}' });
      return res.status;
    });
    expect(status).toBe(401);
    const direct = await fetch(harness.url);
    expect(direct.status).toBe(401);
    const foreign = await fetch(`${harness.url}api/getAppInfo`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${harness.token}`, Origin: 'http://attacker.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
  });

  test('a new patient half typed survives a reload', async ({ app }) => {
    await app.getByRole('button', { name: 'New patient' }).click();
    await app.getByLabel('Family name').fill('Murphy');
    await app.reload();
    await expect(app.getByText('Your unsaved entries for a new patient were restored.')).toBeVisible();
    await expect(app.getByLabel('Family name')).toHaveValue('Murphy');
  });
});
