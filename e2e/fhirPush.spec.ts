import { expect, test } from './support/harness';
import { patient, signedExam, vignette } from './support/history';

/**
 * Sending to the clinic's FHIR server, as the screens show it: the administrator's settings
 * (secrets shown only as set / not set) and, on a signed exam, where it is on its way, in words.
 * The server address points at a loopback port where nothing listens (39: below 1024, not one fetch blocks), so the screening waits.
 */
test.describe('clinic FHIR server', () => {
  test('a screening signed while the server cannot be reached says it is queued, and why', async ({ app, harness }) => {
    const saved = await harness.call('updateFhirServerSettings', {
      baseUrl: 'http://127.0.0.1:39/fhir/R4',
      auth: 'bearer',
      bearerToken: 'e2e-secret-token',
      tokenUrl: '',
      clientId: '',
      clientSecret: '',
    });
    expect(saved).toMatchObject({ bearerTokenSet: true, sending: true });
    const id = await patient(harness, 'Ó-Súilleabháin', 'Máire');
    const examId = await signedExam(harness, id, '2026-11-20', vignette('V01'));

    await app.goto(`${harness.url}#/exams/${examId}`);
    const status = app.getByTestId('delivery-status');
    await expect(status).toContainText('Queued', { timeout: 60_000 });
    // The first attempt is made at once and fails; the note says why and that it will try again.
    await expect(status).toContainText('connection refused', { timeout: 60_000 });

    await app.goto(`${harness.url}#/settings`);
    const panel = app.getByRole('region', { name: 'Clinic FHIR server' });
    await expect(panel.getByLabel('Server address (FHIR R4 base URL)')).toHaveValue('http://127.0.0.1:39/fhir/R4');
    await expect(panel.getByLabel('Access token (set)')).toHaveValue('');
    await expect(app.locator('body')).not.toContainText('e2e-secret-token');
    await panel.getByRole('button', { name: 'Test connection' }).click();
    await expect(panel.getByRole('status')).toContainText('Connection failed.');
    await expect(panel.getByRole('status')).toContainText('connection refused');
  });
});
