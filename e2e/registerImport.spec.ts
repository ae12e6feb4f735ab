import fs from 'node:fs';
import path from 'node:path';
import { expect, seedPatient, test } from './support/harness';

// Valid NHS numbers (modulus 11 check digit) and one with its last digit changed.
const smith = '9434765919';
const jones = '4010232137';
const broken = '9434765910';

const register = [
  'NHS No,Hospital No,Last Name,First Name,Birth,Gender,Post Code',
  `${smith},H1,Smith,John,03/07/1956,M,ls1 1ab`,
  `${broken},H2,Brown,Ann,01/01/1960,F,`,
  `${jones},H3,Jones,Mary,31/02/1950,F,`,
  `,H4,Patel,Priya,12/12/1970,F,YO1 7HH`,
].join('\r\n');

const rowsSql = 'SELECT clinic_identifier, family_name, date_of_birth, national_number, postcode FROM patient ORDER BY clinic_identifier';

test.describe('register import', () => {
  test('checks the file, fixes a column by hand, lists refused rows by spreadsheet row, imports, and undoes', async ({ app, harness }) => {
    await seedPatient(harness, { familyName: 'Kept', givenNames: 'Karen', dateOfBirth: '1940-02-02', clinicIdentifier: 'K-1' });
    const file = path.join(harness.dataDir, 'register.csv');
    fs.writeFileSync(file, register);

    await app.getByRole('link', { name: 'Import' }).click();
    await expect(app.getByRole('heading', { name: 'Register import', level: 1 })).toBeVisible();
    const choosing = app.waitForEvent('filechooser');
    await app.getByRole('button', { name: 'Choose register file…' }).click();
    await (await choosing).setFiles(file);

    // "Birth" is not a header name the app knows: the whole file is refused, naming the columns.
    await expect(app.getByRole('alert')).toContainText('No column for the date of birth');
    expect(harness.query('SELECT count(*) AS n FROM patient')).toEqual([{ n: 1 }]);
  });

  test('the mapping screen fixes a column, refused rows show their row numbers, and the import can be undone', async ({ app, harness }) => {
    const file = path.join(harness.dataDir, 'register.csv');
    fs.writeFileSync(file, register.replace('Birth,Gender', 'DOB,Gender').replace('Post Code', 'Notes'));

    await app.getByRole('link', { name: 'Import' }).click();
    const choosing = app.waitForEvent('filechooser');
    await app.getByRole('button', { name: 'Choose register file…' }).click();
    await (await choosing).setFiles(file);

    await expect(app.getByRole('status').filter({ hasText: 'Checked (nothing stored yet)' })).toContainText('2 new patients would be added');
    const refused = app.getByRole('table', { name: 'Refused rows' });
    await expect(refused.getByRole('row')).toHaveCount(3);
    await expect(refused.getByRole('row').nth(1)).toContainText('3');
    await expect(refused.getByRole('row').nth(1)).toContainText('check digit');
    await expect(refused.getByRole('row').nth(2)).toContainText('4');
    await expect(refused.getByRole('row').nth(2)).toContainText('31/02/1950');
    expect(harness.query('SELECT count(*) AS n FROM patient')).toEqual([{ n: 0 }]);

    // The "Notes" column really holds postcodes: map it by hand and check again.
    await app.getByRole('table', { name: 'Column mapping' }).getByRole('combobox', { name: 'Postcode', exact: true }).click();
    await app.getByRole('option', { name: 'Column 7: Notes' }).click();
    await app.getByRole('button', { name: 'Check again with this mapping' }).click();
    const preview = app.getByRole('table', { name: 'First rows as they will be stored' });
    await expect(preview.getByRole('row', { name: /Smith/ })).toContainText('LS1 1AB');

    await app.getByRole('button', { name: 'Import 2 patients' }).click();
    await expect(app.getByText(/Import finished: 2 added, 0 updated, 2 refused/)).toBeVisible();
    expect(harness.query(rowsSql)).toEqual([
      { clinic_identifier: 'H1', family_name: 'Smith', date_of_birth: '1956-07-03', national_number: smith, postcode: 'LS1 1AB' },
      { clinic_identifier: 'H4', family_name: 'Patel', date_of_birth: '1970-12-12', national_number: null, postcode: 'YO1 7HH' },
    ]);

    await app.getByRole('button', { name: 'Undo the last import…' }).click();
    await app.getByRole('dialog', { name: 'Undo the last import?' }).getByRole('button', { name: 'Undo the import' }).click();
    await expect(app.getByText(/Import undone: 2 patients removed/)).toBeVisible();
    expect(harness.query('SELECT count(*) AS n FROM patient')).toEqual([{ n: 0 }]);
    expect(harness.query("SELECT action FROM audit_log WHERE action LIKE 'patient.import%' ORDER BY id")).toEqual([{ action: 'patient.import' }, { action: 'patient.import.undo' }]);
  });
});
