import type { Page } from '@playwright/test';
import { expect, seedPatient, type RunningHarness } from './harness';

/** Counts every key the test presses, so the key budget of a normal screen is checked honestly. */
export class Keys {
  count = 0;
  constructor(private readonly page: Page) {}
  async press(key: string): Promise<void> {
    this.count += 1;
    await this.page.keyboard.press(key);
  }
}

/** Seeds a patient and opens their page. */
export async function openNewPatient(app: Page, harness: RunningHarness, familyName = 'Öztürk'): Promise<number> {
  const p = await seedPatient(harness, { familyName, givenNames: 'Jürgen', dateOfBirth: '1950-01-02', clinicIdentifier: `S-${familyName}` });
  await app.goto(`${harness.url}#/patients/${p.id}`);
  await expect(app.getByRole('heading', { name: new RegExp(familyName, 'i') })).toBeVisible();
  return p.id;
}

/** Which touch the screen asks for now: the nurse reads it off the question panel. */
export async function currentTouch(app: Page): Promise<'real' | 'sham'> {
  const touch = await app.locator('[data-touch]').first().getAttribute('data-touch');
  return touch === 'sham' ? 'sham' : 'real';
}

/**
 * Answers the current question the way a patient with normal (or lost) sensation would:
 * normal feels real touches and not shams; lost feels nothing.
 */
export async function answerAs(app: Page, keys: Keys, sensation: 'normal' | 'lost'): Promise<void> {
  const touch = await currentTouch(app);
  const felt = sensation === 'normal' && touch === 'real';
  const before = await app.locator('[aria-label^="Question"]').first().getAttribute('aria-label');
  await keys.press(felt ? 'y' : 'n');
  // Wait for the screen to move on (next question or next site) before reading it again.
  await expect.poll(async () => app.locator('[aria-label^="Question"]').first().getAttribute('aria-label').catch(() => 'gone')).not.toBe(before ?? '');
}

/** Clicks "Start screening" on the patient page and waits for the first step. */
export async function startScreening(app: Page): Promise<void> {
  await app.getByRole('button', { name: 'Start screening' }).click();
  await expect(app.getByRole('heading', { name: 'Start', level: 2 })).toBeVisible();
}
