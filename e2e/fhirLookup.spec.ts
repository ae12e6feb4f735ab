import AxeBuilder from '@axe-core/playwright';
import { FhirTestServer } from '../electron/testing/fhirTestServer';
import { expect, test } from './support/harness';

/**
 * Finding a patient on the clinic's FHIR server by NHS number, as a nurse does it from the
 * patient list: a real FHIR server (Medplum's router over its in-memory repository, on a loopback
 * port) holds the record; the app shows it as it would be stored and adds it once confirmed.
 */
let server: FhirTestServer;

test.beforeEach(async () => {
  server = new FhirTestServer();
  server.requiredToken = 'e2e-lookup-token';
  await server.reservePort();
  await server.start();
  await server.repo.createResource({
    resourceType: 'Patient',
    identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
    name: [{ use: 'official', family: 'Nwachukwu', given: ['Chiamaka'] }],
    gender: 'female',
    birthDate: '1961-09-30',
    address: [{ use: 'home', line: ['4 Quarry Road'], city: 'Sheffield', postalCode: 'S1 2HE' }],
  });
});

test.afterEach(async () => {
  await server.stop();
});

test.describe('finding a patient on the clinic FHIR server', () => {
  test('is not offered before a server is set up', async ({ app }) => {
    await expect(app.getByRole('heading', { name: 'Patients', level: 1 })).toBeVisible();
    await expect(app.getByRole('button', { name: 'New patient' })).toBeVisible();
    await expect(app.getByRole('button', { name: 'Find on FHIR server' })).toHaveCount(0);
  });

  test('looks the NHS number up, shows the record, and adds the patient once confirmed', async ({ app, harness }) => {
    await harness.call('updateFhirServerSettings', { baseUrl: server.baseUrl, auth: 'bearer', bearerToken: 'e2e-lookup-token', tokenUrl: '', clientId: '', clientSecret: '' });
    await app.reload();
    await app.getByRole('button', { name: 'Find on FHIR server' }).click();
    const dialog = app.getByRole('dialog', { name: 'Find a patient on the FHIR server' });
    const field = dialog.getByRole('textbox', { name: 'NHS number' });

    // A mistyped number is caught here, before the server is asked.
    await field.fill('943 476 5910');
    await field.press('Enter');
    await expect(dialog).toContainText('check digit does not match');
    expect(server.requests.filter((r) => r.url.includes('Patient'))).toHaveLength(0);

    await field.fill('943 476 5919');
    await field.press('Enter');
    await expect(dialog.getByRole('heading', { name: 'NWACHUKWU, Chiamaka, NHS number 943 476 5919' })).toBeVisible();
    await expect(dialog).toContainText('Not in the register here yet');
    await expect(dialog.getByRole('table', { name: 'Record as it will be stored' })).toContainText('S1 2HE');
    const axe = await new AxeBuilder({ page: app }).include('[role="dialog"]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(harness.query('SELECT id FROM patient WHERE national_number = ?', '9434765919')).toEqual([]);

    await dialog.getByRole('button', { name: 'Add to register' }).click();
    await expect(dialog).toBeHidden();
    await expect(app.getByRole('heading', { level: 1 })).toContainText('NWACHUKWU');
    expect(harness.query('SELECT family_name, date_of_birth, postcode FROM patient WHERE national_number = ?', '9434765919')).toEqual([
      { family_name: 'Nwachukwu', date_of_birth: '1961-09-30', postcode: 'S1 2HE' },
    ]);
  });

  test('says so when the server cannot be reached, and nothing is added', async ({ app, harness }) => {
    await harness.call('updateFhirServerSettings', { baseUrl: server.baseUrl, auth: 'bearer', bearerToken: 'e2e-lookup-token', tokenUrl: '', clientId: '', clientSecret: '' });
    await server.stop();
    await app.reload();
    await app.getByRole('button', { name: 'Find on FHIR server' }).click();
    const dialog = app.getByRole('dialog', { name: 'Find a patient on the FHIR server' });
    await dialog.getByRole('textbox', { name: 'NHS number' }).fill('9434765919');
    await dialog.getByRole('button', { name: 'Look up' }).click();
    await expect(dialog.getByRole('alert')).toContainText('connection refused');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    expect(harness.query('SELECT id FROM patient')).toEqual([]);
  });
});
