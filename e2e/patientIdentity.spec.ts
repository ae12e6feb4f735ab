import { expect, seedPatient, test } from './support/harness';

test.describe('patient identity and clinic settings', () => {
  test('an NHS number typed with spaces finds the patient; a wrong check digit is refused on the form', async ({ app, harness }, info) => {
    await seedPatient(harness, { familyName: 'Żak', givenNames: 'Łucja', dateOfBirth: '1956-07-03', clinicIdentifier: 'A-1', nationalNumber: '9434765919' });
    const search = app.getByLabel('Find a patient');
    await search.fill('943 476 5919');
    await expect(app.getByRole('option').filter({ hasText: 'Łucja' })).toBeVisible();

    await app.getByRole('button', { name: 'New patient' }).click();
    await app.getByLabel('Family name').fill('Öztürk');
    await app.getByLabel('Given name(s)').fill('Jürgen');
    await app.getByLabel('Date of birth').fill('02/01/1950');
    await app.getByLabel('Sex').click();
    await app.getByRole('option', { name: 'Male', exact: true }).click();
    await app.getByLabel('Clinic identifier').fill('B-2');
    await app.getByLabel('Diabetes type').click();
    await app.getByRole('option', { name: 'Type 2' }).click();
    await app.getByLabel('NHS number (optional)').fill('943 476 5910');
    await app.getByLabel('Address line 1').fill('1 Mill Lane');
    await app.getByLabel('Postcode').fill('EX1 2AB');
    await app.getByLabel('GP practice', { exact: true }).fill('Mill Lane Surgery');
    await app.getByLabel(/Interpreter needed/).check();
    await app.getByRole('button', { name: 'Add patient' }).click();
    await expect(app.getByText('943 476 5910 is not a valid NHS number: its check digit does not match')).toBeVisible();
    await expect(app.getByLabel('NHS number (optional)')).toBeFocused();
    await app.screenshot({ path: info.outputPath('check-digit-refused.png'), fullPage: true });
    expect(harness.query('SELECT clinic_identifier FROM patient')).toEqual([{ clinic_identifier: 'A-1' }]);

    await app.getByLabel('NHS number (optional)').fill('401-023-2137');
    await app.getByRole('button', { name: 'Add patient' }).click();
    await expect(app.getByRole('heading', { name: 'ÖZTÜRK, Jürgen' })).toBeVisible();
    await expect(app.getByText('401 023 2137')).toBeVisible();
    await expect(app.getByText('Mill Lane Surgery')).toBeVisible();
    await app.screenshot({ path: info.outputPath('patient-page.png'), fullPage: true });
    expect(harness.query('SELECT national_number, address_line1, postcode, gp_practice, interpreter_needed FROM patient WHERE clinic_identifier = ?', 'B-2')).toEqual([
      { national_number: '4010232137', address_line1: '1 Mill Lane', postcode: 'EX1 2AB', gp_practice: 'Mill Lane Surgery', interpreter_needed: 1 },
    ]);
  });

  test.describe('first run', () => {
    test.use({ seedClinicContacts: false });
    test('an administrator is asked for the clinic phone numbers, then edits settings and the referral directory', async ({ app, harness }, info) => {
      const ask = app.getByRole('region', { name: /phone numbers are needed/ });
      await expect(ask).toBeVisible();
      await ask.getByLabel('Clinic phone').fill('01632 960000');
      await ask.getByLabel('Emergency number').fill('999');
      await ask.getByRole('button', { name: 'Save phone numbers' }).click();
      await expect(ask).toHaveCount(0);

      await app.getByRole('link', { name: 'Settings' }).or(app.getByRole('button', { name: 'Settings' })).first().click();
      const clinic = app.getByRole('region', { name: 'Clinic' });
      await expect(clinic.getByLabel('Clinic phone')).toHaveValue('01632 960000');
      await clinic.getByLabel('Clinic address').fill('Riverside Health Centre\n1 Mill Lane');
      await clinic.getByLabel(/Month\/day\/year/).check();
      await clinic.getByRole('button', { name: 'Save clinic settings' }).click();
      await expect(app.getByText('Clinic settings saved.')).toBeVisible();

      const directory = app.getByRole('region', { name: 'Referral destinations' });
      await directory.getByRole('button', { name: 'Add destination' }).click();
      const dialog = app.getByRole('dialog');
      await dialog.getByLabel('Name').fill('Podiatry: Foot Protection Team');
      await dialog.getByLabel('Phone').fill('01632 960001');
      await dialog.getByRole('button', { name: 'Add' }).click();
      await expect(directory.getByRole('cell', { name: 'Podiatry: Foot Protection Team', exact: true })).toBeVisible();
      await app.screenshot({ path: info.outputPath('settings.png'), fullPage: true });

      await directory.getByRole('button', { name: 'Remove Podiatry: Foot Protection Team' }).click();
      await app.getByRole('dialog').getByRole('button', { name: 'Keep it' }).click();
      await expect(directory.getByRole('cell', { name: 'Podiatry: Foot Protection Team', exact: true })).toBeVisible();
      await directory.getByRole('button', { name: 'Remove Podiatry: Foot Protection Team' }).click();
      await app.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
      await expect(directory.getByText('No referral destinations yet.')).toBeVisible();

      const stored = harness.query<{ value: string }>("SELECT value_json AS value FROM setting WHERE key = 'clinic'");
      const clinicSettings = JSON.parse(stored[0]?.value ?? '{}') as Record<string, unknown>;
      expect(clinicSettings).toMatchObject({ clinicPhone: '01632 960000', emergencyNumber: '999', dateOrder: 'mdy', referralDestinations: [] });

      // The date order is the clinic's: the patient form now reads 07/03/1956 as 3 July.
      await app.getByRole('button', { name: 'New patient' }).or(app.getByRole('link', { name: 'Patients' })).first().click();
      await app.keyboard.press('Alt+N');
      await app.getByLabel('Date of birth').fill('07/03/1956');
      await expect(app.getByText(/Reads as 3 July 1956/)).toBeVisible();
    });
  });
});
