import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, seedPatient, test } from './support/harness';
import { patient, signedExam, vignette } from './support/history';
import { answerAs, Keys, startScreening } from './support/screening';

/**
 * Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) on every main screen, in the
 * states a nurse sees them. Automated rules catch only part of what matters; keyboard use is
 * covered by the flows in the other specs.
 */
async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.help} — ${v.nodes[0]?.target.join(" ")} ${v.nodes[0]?.html.slice(0, 300)}`);
  expect(summary, `accessibility problems on ${screen}`).toEqual([]);
}

test.describe('accessibility', () => {
  test('sign-in screen', async ({ page, harness }) => {
    await page.goto(harness.launchUrl);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expectNoViolations(page, 'sign-in');
  });

  test('patients: list, form, patient page', async ({ app, harness }) => {
    await seedPatient(harness, { familyName: 'Żak', givenNames: 'Łucja', dateOfBirth: '1956-07-03', clinicIdentifier: 'A-1' });
    await app.reload();
    await expect(app.getByRole('option')).toHaveCount(1);
    await expectNoViolations(app, 'patient list');
    await app.getByRole('button', { name: 'New patient' }).click();
    await app.getByRole('button', { name: 'Add patient' }).click();
    await expect(app.getByText('Enter the family name')).toBeVisible();
    await expectNoViolations(app, 'patient form with errors');
    await app.goto(`${harness.url}#/patients/1`);
    await expect(app.getByRole('heading', { name: 'Screening history' })).toBeVisible();
    await expectNoViolations(app, 'patient page');
  });

  test('screening steps, review and the signed exam', async ({ app, harness }) => {
    // Ten whole-page axe scans (every step of a screening, then the signed exam), each about five
    // seconds on a two-core machine with another worker running: more than the default minute.
    test.slow();
    const p = await seedPatient(harness, { familyName: 'Öztürk', givenNames: 'Jürgen', dateOfBirth: '1950-01-02', clinicIdentifier: 'A-2' });
    await app.goto(`${harness.url}#/patients/${p.id}`);
    await startScreening(app);
    await expectNoViolations(app, 'screening: start');
    const keys = new Keys(app);
    await keys.press('Enter');
    await answerAs(app, keys, 'normal');
    await expectNoViolations(app, 'screening: sensation');
    for (const step of ['Circulation', 'Skin', 'Deformity', 'History', 'Symptoms', 'Review & sign']) {
      await app.getByRole('tab', { name: step }).click();
      await expect(app.getByRole('heading', { name: step, level: 2 })).toBeVisible();
      await expectNoViolations(app, `screening: ${step}`);
    }
    await app.keyboard.press('s');
    await app.getByRole('button', { name: 'Sign', exact: true }).click();
    await expect(app.getByText('Signed, read-only')).toBeVisible();
    await expectNoViolations(app, 'signed exam');
  });

  test('administration and clinic views: staff, settings, audit log, backups, worklist, dashboard', async ({ app, harness }) => {
    await seedPatient(harness, { familyName: 'Kelly', givenNames: 'Aoife', dateOfBirth: '1970-04-04', clinicIdentifier: 'A-3' });
    for (const [hash, heading] of [
      ['#/worklist', 'Recall worklist'],
      ['#/dashboard', 'Clinic dashboard'],
      ['#/staff', 'Staff accounts'],
      ['#/settings', 'Settings'],
      ['#/audit', 'Audit log'],
      ['#/backups', 'Backups'],
    ] as const) {
      await app.goto(`${harness.url}${hash}`);
      await expect(app.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
      await expectNoViolations(app, heading);
    }
  });

  test('history with a timeline, and the compare view', async ({ app, harness }) => {
    const id = await patient(harness, 'Murphy');
    await signedExam(harness, id, '2024-03-12', vignette('V01'));
    await signedExam(harness, id, '2025-03-12', vignette('V04'));
    await app.goto(`${harness.url}#/patients/${id}`);
    await expect(app.getByRole('heading', { name: 'Screening history' })).toBeVisible();
    await expectNoViolations(app, 'patient page with history');
    await app.goto(`${harness.url}#/patients/${id}/compare`);
    await expect(app.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoViolations(app, 'compare view');
  });
});
