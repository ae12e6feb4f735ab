import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Findings } from '#shared/domain/findings';
import { expect, test, type RunningHarness } from './support/harness';
import { shown, signedExam, vignette } from './support/history';
import { Keys, openNewPatient, startScreening } from './support/screening';

// Whole screenings on a machine shared with other work.
test.describe.configure({ timeout: 180_000 });

/** The draft's findings as stored (the screen autosaves every change). */
function draftFindings(harness: RunningHarness): Findings | null {
  const row = harness.query<{ findings_json: string }>("SELECT findings_json FROM exam WHERE state = 'draft'")[0];
  return row ? (JSON.parse(row.findings_json) as Findings) : null;
}

async function openStep(app: Page, name: string): Promise<void> {
  await app.getByRole('tab', { name }).click();
  await expect(app.getByRole('heading', { name, level: 2 })).toBeVisible();
}

test('an absent foot and the deformities of the last screening are offered where they are asked, and recorded only when confirmed, one key each', async ({ app, harness }, info) => {
  await app.setViewportSize({ width: 1366, height: 768 });
  const patientId = await openNewPatient(app, harness, 'Stablefeet');
  const earlier = vignette('V01');
  earlier.feet.left = { status: 'absent', statusReason: 'Below-knee amputation' };
  earlier.feet.right = { ...earlier.feet.right, deformity: { present: true, types: ['hallux valgus', 'claw toes'] } };
  await signedExam(harness, patientId, '2025-05-14', earlier);
  await app.reload();
  await startScreening(app);
  const keys = new Keys(app);

  // Start: the absent foot is offered, not recorded.
  const panel = app.getByRole('region', { name: /From the last screening/ });
  await expect(panel.getByText('Left foot:')).toBeVisible();
  await expect(panel.getByText(`— from ${shown('2025-05-14')} — confirm (C)`)).toBeVisible();
  await expect(panel).toContainText('absent (amputation or congenital): Below-knee amputation');
  await expect.poll(() => draftFindings(harness)?.feet.left.status).toBe('present');
  await info.attach('start with an absent foot to confirm', { body: await app.screenshot(), contentType: 'image/png' });
  // The offer reads in dark mode too.
  await app.emulateMedia({ colorScheme: 'dark' });
  const axe = await new AxeBuilder({ page: app }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  await info.attach('start with an absent foot to confirm, dark', { body: await app.screenshot(), contentType: 'image/png' });
  await app.emulateMedia({ colorScheme: 'light' });
  await keys.press('c');
  await expect.poll(() => draftFindings(harness)?.feet.left).toMatchObject({ status: 'absent', statusReason: 'Below-knee amputation' });
  await expect(panel).toHaveCount(0);
  await expect(app.getByRole('radio', { name: /Absent/ }).last()).toBeChecked();

  // Deformity: the types are offered; N ("none of these") answers the rest and leaves them waiting.
  await openStep(app, 'Deformity');
  await expect(panel.getByText('Deformity, right foot:')).toBeVisible();
  await expect(panel).toContainText('hallux valgus, claw toes');
  await expect.poll(() => draftFindings(harness)?.feet.right.deformity ?? 'not recorded').toBe('not recorded');
  await keys.press('n');
  await expect(app.getByRole('heading', { name: 'History', level: 2 })).toBeVisible();
  await expect.poll(() => draftFindings(harness)?.feet.right.activeCharcot).toBe(false);
  expect(draftFindings(harness)?.feet.right.deformity).toBeUndefined();
  // History lists what still waits, with the rest of the offer.
  await expect(panel.getByText('Deformity, right foot:')).toBeVisible();

  await openStep(app, 'Deformity');
  await keys.press('c');
  await expect.poll(() => draftFindings(harness)?.feet.right.deformity).toEqual({ present: true, types: ['hallux valgus', 'claw toes'] });
  await expect(panel).toHaveCount(0);
  await expect(app.getByRole('checkbox', { name: /Claw toes/ })).toBeChecked();
  expect(keys.count).toBe(3);
});

test('D on a stable finding goes to its question instead of recording anything', async ({ app, harness }) => {
  const patientId = await openNewPatient(app, harness, 'Changedfeet');
  const earlier = vignette('V01');
  earlier.feet.right = { ...earlier.feet.right, deformity: { present: true, types: ['pes cavus'] } };
  await signedExam(harness, patientId, '2025-05-14', earlier);
  await app.reload();
  await startScreening(app);
  await openStep(app, 'Deformity');
  const panel = app.getByRole('region', { name: /From the last screening/ });
  await expect(panel.getByText('Deformity, right foot:')).toBeVisible();
  await app.keyboard.press('d');
  await expect.poll(() => app.evaluate(() => document.activeElement?.closest('[data-finding]')?.getAttribute('data-finding'))).toBe('feet.right.deformity.present');
  expect(draftFindings(harness)?.feet.right.deformity).toBeUndefined();
  // Answered differently by key: the offer ends with the nurse's answer.
  await app.keyboard.press('n');
  await expect.poll(() => draftFindings(harness)?.feet.right.deformity).toEqual({ present: false, types: [] });
  await expect(panel).toHaveCount(0);
});
