import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/harness';
import { answerAs, currentTouch, Keys, openNewPatient } from './support/screening';

// Whole screens driven key by key, with axe runs: room on a machine shared with other work (timings belong to the bench).
test.describe.configure({ timeout: 240_000 });

/** Starts the screening from the patient page with its key (Alt+S) and waits for the first step. */
async function startByKey(app: Page, keys: Keys): Promise<void> {
  await keys.press('Alt+s');
  await expect(app.getByRole('heading', { name: 'Start', level: 2 })).toBeVisible();
}

async function step(app: Page, name: string): Promise<void> {
  await expect(app.getByRole('heading', { name, level: 2 })).toBeVisible();
}

/** Answers every touch of one site or fork the same way ("felt" as a normal patient would, or nothing felt). */
async function answerSite(app: Page, keys: Keys, sensation: 'normal' | 'lost'): Promise<void> {
  for (let i = 0; i < 3; i++) {
    if (i < 2) await answerAs(app, keys, sensation);
    else await keys.press(sensation === 'normal' && (await currentTouch(app)) === 'real' ? 'y' : 'n');
  }
}

/** The page itself never scrolls, and the nurse's attention points are fully on screen. */
async function expectInView(app: Page, wide: boolean, what: string): Promise<void> {
  const overflow = await app.evaluate(() => (document.scrollingElement?.scrollHeight ?? 0) - window.innerHeight);
  expect(overflow, `page scrolls on ${what}`).toBeLessThanOrEqual(1);
  await expect(app.locator('#step-heading'), what).toBeInViewport({ ratio: 1 });
  await expect(app.getByRole('group', { name: /sites\. / }), what).toBeInViewport({ ratio: 0.9 });
  if (wide) await expect(app.getByRole('heading', { name: 'Result so far' }), what).toBeInViewport({ ratio: 1 });
  else await expect(app.getByText('Result so far:'), what).toBeInViewport({ ratio: 1 });
  // Navigation on one line: every step button on the same row.
  const tops = await app.getByRole('tab').evaluateAll((tabs) => tabs.map((t) => t.getBoundingClientRect().top));
  expect(Math.max(...tops) - Math.min(...tops), `step navigation wraps on ${what}`).toBeLessThan(8);
  const nextButton = app.getByRole('button', { name: /^Next:/ });
  if ((await nextButton.count()) > 0) {
    await expect(nextButton).toBeInViewport({ ratio: 1 });
    expect((await nextButton.boundingBox())?.height ?? 0).toBeLessThan(45);
  }
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
]) {
  test(`every step at ${size.width}×${size.height}: question, answers, current site and result in view without scrolling`, async ({ app, harness }, testInfo) => {
    await app.setViewportSize(size);
    const wide = size.width >= 1200;
    await openNewPatient(app, harness);
    const keys = new Keys(app);
    await startByKey(app, keys);
    const shot = async (name: string): Promise<void> => {
      if (wide) await testInfo.attach(`${size.width}x${size.height} ${name}`, { body: await app.screenshot(), contentType: 'image/png' });
    };
    await expectInView(app, wide, 'Start');
    await expect(app.getByRole('radiogroup', { name: 'Sensory test' })).toBeInViewport();
    await shot('1 start');
    await keys.press('Enter');
    await step(app, 'Sensation');
    await answerAs(app, keys, 'normal');
    await expectInView(app, wide, 'Sensation');
    await expect(app.getByRole('button', { name: 'Felt it (Y)' })).toBeInViewport({ ratio: 1 });
    await expect(app.getByRole('button', { name: 'Did not feel it (N)' })).toBeInViewport({ ratio: 1 });
    await expect(app.locator('.diagram-site[aria-current="step"]')).toBeInViewport({ ratio: 1 });
    await shot('2 sensation');
    await keys.press('Alt+ArrowRight');
    await step(app, 'Vibration');
    await expectInView(app, wide, 'Vibration');
    await expect(app.getByRole('button', { name: 'Felt it (Y)' })).toBeInViewport({ ratio: 1 });
    await expect(app.locator('[data-touch]')).toBeInViewport({ ratio: 1 });
    await shot('3 vibration');
    for (const name of ['Circulation', 'Skin', 'Deformity', 'History', 'Symptoms']) {
      await keys.press('Alt+ArrowRight');
      await step(app, name);
      await expectInView(app, wide, name);
      // The first question and, after moving to it with the keys, the last one: each comes into view with its buttons.
      await keys.press('ArrowDown');
      const items = app.locator('[data-answer-item]');
      await expect(items.first()).toBeInViewport({ ratio: 1 });
      const count = await items.count();
      for (let i = 1; i < count; i++) await app.keyboard.press('ArrowDown');
      await expect(items.last()).toBeInViewport({ ratio: 1 });
      await expect(items.last().getByRole('button').first()).toBeFocused();
      await expectInView(app, wide, `${name}, last item`);
      await shot(`${4 + ['Circulation', 'Skin', 'Deformity', 'History', 'Symptoms'].indexOf(name)} ${name.toLowerCase()}`);
    }
    await keys.press('Alt+ArrowRight');
    await step(app, 'Review & sign');
    await expectInView(app, wide, 'Review');
    await expect(app.getByRole('button', { name: /Sign as/ })).toBeInViewport();
    await shot('9 review');
    if (!wide) {
      await app.getByRole('button', { name: 'Show reasons' }).click();
      await expect(app.getByRole('heading', { name: 'Result so far' })).toBeInViewport();
    }
  });
}

test('a normal bilateral 3-site screen takes at most 36 keys from the Start step, and Alt+S starts it', async ({ app, harness }) => {
  await openNewPatient(app, harness);
  const start = new Keys(app);
  await startByKey(app, start);
  const keys = new Keys(app);
  await keys.press('Enter');
  for (let site = 0; site < 6; site++) await answerSite(app, keys, 'normal');
  await step(app, 'Vibration');
  for (let foot = 0; foot < 2; foot++) await answerSite(app, keys, 'normal');
  await step(app, 'Circulation');
  for (let i = 0; i < 4; i++) await keys.press('p');
  await keys.press('n');
  for (const name of ['Skin', 'Deformity', 'History', 'Symptoms']) {
    await step(app, name);
    await keys.press('n');
  }
  await step(app, 'Review & sign');
  await keys.press('s');
  await keys.press('Enter');
  await expect(app.getByText('Signed, read-only')).toBeVisible();
  expect(keys.count).toBeLessThanOrEqual(36);
  test.info().annotations.push({ type: 'key presses', description: `${keys.count} on the screen + ${start.count} to start it from the patient page` });
  expect(harness.query('SELECT state, iwgdf_category, nice_category FROM exam')).toEqual([{ state: 'signed', iwgdf_category: '0', nice_category: 'low' }]);
});

/** The abnormal screen, with the keyboard alone, up to the Review step. */
async function abnormalScreen(app: Page, keys: Keys): Promise<void> {
  await startByKey(app, keys);
  await keys.press('Enter');
  for (let site = 0; site < 3; site++) await answerSite(app, keys, 'normal');
  for (let site = 0; site < 3; site++) await answerSite(app, keys, 'lost');
  await step(app, 'Vibration');
  for (let foot = 0; foot < 2; foot++) await answerSite(app, keys, 'lost');
  await step(app, 'Circulation');
  for (const k of ['p', 'p', 'a', 'a', 'n']) await keys.press(k);
  await step(app, 'Skin');
  for (let i = 0; i < 4; i++) await keys.press('ArrowDown');
  await expect(app.locator('[data-finding="feet.right.skin.callus"]').getByRole('button').first()).toBeFocused();
  await keys.press('y');
  await keys.press('Shift+N');
  await step(app, 'Deformity');
  await keys.press('n');
  await step(app, 'History');
  await keys.press('ArrowDown');
  await keys.press('y');
  await keys.press('Shift+N');
  await step(app, 'Symptoms');
  for (let i = 0; i < 4; i++) await keys.press('ArrowDown');
  await keys.press('y');
  await keys.press('Shift+N');
  await step(app, 'Review & sign');
}

test('the abnormal screen (one foot insensate, no vibration, absent pulses, callus, previous ulcer, a red flag) takes at most 60 keys, no mouse', async ({ app, harness }) => {
  await openNewPatient(app, harness);
  const keys = new Keys(app);
  await abnormalScreen(app, keys);
  await keys.press('s');
  await keys.press('Enter');
  await expect(app.getByText('Signed, read-only')).toBeVisible();
  expect(keys.count).toBeLessThanOrEqual(60);
  test.info().annotations.push({ type: 'key presses', description: String(keys.count) });
  const [exam] = harness.query<{ iwgdf_category: string; nice_category: string; findings_json: string }>('SELECT iwgdf_category, nice_category, findings_json FROM exam');
  expect(exam?.iwgdf_category).toBe('3');
  const findings = JSON.parse(exam?.findings_json ?? '{}') as { feet: { right: { skin: { callus: boolean } }; left: { pulses: unknown } }; history: { previousUlcer: boolean }; redFlags: { suddenOnset: boolean } };
  expect(findings.feet.right.skin.callus).toBe(true);
  expect(findings.feet.left.pulses).toEqual({ dorsalisPedis: 'not_palpable', posteriorTibial: 'not_palpable' });
  expect(findings.history.previousUlcer).toBe(true);
  expect(findings.redFlags.suddenOnset).toBe(true);
});

test('a reason opens its exact finding, highlighted and focused, without starting a test; a half-answered site is kept', async ({ app, harness }) => {
  await app.setViewportSize({ width: 1366, height: 768 });
  await openNewPatient(app, harness);
  const keys = new Keys(app);
  await abnormalScreen(app, keys);
  await app.getByRole('button', { name: 'Neuropathy together with callus and/or deformity.' }).click();
  await step(app, 'Skin');
  const callus = app.locator('[data-finding="feet.right.skin.callus"]');
  await expect(callus).toHaveAttribute('data-highlight', 'true');
  await expect(callus).toBeInViewport({ ratio: 1 });
  await expect(callus.getByRole('button', { name: 'Yes' })).toBeFocused();
  await expect(callus.getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'true');

  // A reason about a tested site shows the site's result; nothing is asked until the nurse says so.
  await app.getByRole('button', { name: /^LOPS or PAD together with a history/ }).click();
  await step(app, 'History');
  await expect(app.locator('[data-finding="history.previousUlcer"]')).toHaveAttribute('data-highlight', 'true');
  await app.getByRole('button', { name: /^Neuropathy and non-critical limb ischaemia/ }).click();
  await step(app, 'Circulation');
  await expect(app.locator('[data-finding="feet.left.pulses.posteriorTibial"]')).toHaveAttribute('data-highlight', 'true');

  // Leaving Sensation part-way through a site keeps its answers.
  await app.getByRole('tab', { name: 'Sensation' }).click();
  await expect(app.getByRole('img', { name: 'Question 1 of 3' })).toBeVisible();
  await app.keyboard.press('y');
  await expect(app.getByRole('img', { name: 'Question 2 of 3' })).toBeVisible();
  await app.getByRole('tab', { name: 'Skin' }).click();
  await step(app, 'Skin');
  await app.getByRole('tab', { name: 'Sensation' }).click();
  await expect(app.getByRole('img', { name: 'Question 2 of 3' })).toBeVisible();
});

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.help} — ${v.nodes[0]?.target.join(' ')} ${v.nodes[0]?.html.slice(0, 200)}`);
  expect(summary, `accessibility problems on ${screen}`).toEqual([]);
}

for (const mode of ['light', 'dark', 'forced colours'] as const) {
  test(`recorded answers are unmistakable and axe finds nothing, in ${mode}`, async ({ app, harness }, testInfo) => {
    await app.setViewportSize({ width: 1366, height: 768 });
    await app.emulateMedia(mode === 'forced colours' ? { forcedColors: 'active' } : { colorScheme: mode, forcedColors: 'none' });
    await openNewPatient(app, harness);
    const keys = new Keys(app);
    await startByKey(app, keys);
    await expectNoViolations(app, `${mode}: start`);
    await keys.press('Enter');
    await answerAs(app, keys, 'normal');
    await expectNoViolations(app, `${mode}: sensation`);
    await app.getByRole('tab', { name: 'Skin' }).click();
    await keys.press('ArrowDown');
    await keys.press('n');
    await keys.press('y');
    const chosenNo = app.locator('[data-finding="feet.right.skin.activeUlcer"]').getByRole('button', { name: 'No' });
    const chosenYes = app.locator('[data-finding="feet.right.skin.infection"]').getByRole('button', { name: 'Yes' });
    const unchosen = app.locator('[data-finding="feet.right.skin.infection"]').getByRole('button', { name: 'No' });
    for (const chosen of [chosenNo, chosenYes]) {
      await expect(chosen).toHaveAttribute('aria-pressed', 'true');
      await expect(chosen.getByTestId('answer-check')).toBeVisible();
    }
    await expect(unchosen.getByTestId('answer-check')).toHaveCount(0);
    const fill = (l: typeof chosenYes): Promise<string> => l.evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(await fill(chosenYes), 'a chosen answer is filled').not.toBe(await fill(unchosen));
    await app.locator('#step-heading').click();
    await testInfo.attach(`skin answers, ${mode}`, { body: await app.screenshot(), contentType: 'image/png' });
    await expectNoViolations(app, `${mode}: skin with answers`);
    await app.getByRole('tab', { name: 'Review & sign' }).click();
    await expectNoViolations(app, `${mode}: review`);
  });
}

/**
 * Every answer button of a step can be hit by the pointer where it is drawn: nothing overlaps it
 * (a neighbouring panel, an overflowing button group). A click that lands on something else is an
 * answer lost or, worse, a different answer recorded.
 */
async function expectAnswersClickable(app: Page, what: string): Promise<void> {
  const blocked = await app.locator('[data-step] [data-answer-item] button').evaluateAll((buttons) =>
    buttons.flatMap((button) => {
      button.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = button.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      const row = button.closest('[data-answer-item]')?.getBoundingClientRect();
      const overflows = row !== undefined && (r.right > row.right + 1 || r.left < row.left - 1);
      return hit !== null && button.contains(hit) && !overflows ? [] : [`${button.closest('[data-answer-item]')?.textContent?.slice(0, 40) ?? '?'} → ${button.textContent ?? ''}`];
    }),
  );
  expect(blocked, `answer buttons covered or overflowing on ${what}`).toEqual([]);
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1280, height: 860 },
  { width: 1024, height: 768 },
]) {
  test(`every answer button can be clicked where it is drawn, on every step at ${size.width}×${size.height}`, async ({ app, harness }) => {
    await app.setViewportSize(size);
    await openNewPatient(app, harness);
    await startByKey(app, new Keys(app));
    await app.getByRole('checkbox', { name: 'Extended neurological examination' }).check();
    for (const name of ['Neurology', 'Circulation', 'Skin', 'Deformity', 'History', 'Symptoms']) {
      await app.getByRole('tab', { name }).click();
      await step(app, name);
      await expectAnswersClickable(app, `${name} at ${size.width}×${size.height}`);
    }
  });
}
