import type { Bundle } from '@medplum/fhirtypes';
import { vignetteFindings } from '#shared/report/fixtures/reportInputs';
import { expect, seedPatient, test } from './support/harness';

/**
 * Export FHIR on a signed exam's page: the nurse presses the button and the browser downloads the
 * screening's transaction Bundle from the real harness; the file is read back.
 */
test.describe('FHIR export of one screening', () => {
  test('Export FHIR downloads the signed screening as a transaction Bundle and says so', async ({ app, harness }) => {
    // The first export loads the R4 definitions and renders the clinician report PDF.
    test.setTimeout(240_000);
    const patient = await seedPatient(harness, { familyName: 'Okafor', givenNames: 'Chidi', dateOfBirth: '1950-02-11', clinicIdentifier: 'MRN-2001', nationalNumber: '943 476 5919' });
    const exam = await harness.call('startScreening', { patientId: patient.id, protocol: 'iwgdf-3', examinedOn: '2026-11-25' });
    await harness.call('signExam', { id: exam.id, findings: vignetteFindings('V10') });

    await app.goto(`${harness.url}#/exams/${exam.id}`);
    const downloading = app.waitForEvent('download', { timeout: 200_000 });
    await app.getByRole('button', { name: 'Export FHIR' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^FHIR screening 2026-11-25 v1\.json$/);
    await expect(app.getByRole('status').filter({ hasText: 'Downloaded FHIR screening 2026-11-25 v1.json.' })).toBeVisible();

    const file = await download.path();
    const fs = await import('node:fs');
    const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as Bundle;
    expect(bundle.type).toBe('transaction');
    const types = new Set(bundle.entry?.map((e) => e.resource?.resourceType));
    expect([...types].sort()).toEqual(['Condition', 'DiagnosticReport', 'Encounter', 'Observation', 'Patient', 'Practitioner', 'PractitionerRole', 'Provenance', 'RiskAssessment']);
    const person = bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource;
    expect(JSON.stringify(person)).toContain('"system":"https://fhir.nhs.uk/Id/nhs-number","value":"9434765919"');
  });
});
