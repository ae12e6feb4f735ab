import type { Page, TestInfo } from '@playwright/test';
import type { Findings } from '#shared/domain/findings';
import { expect, test, type RunningHarness } from './support/harness';
import { signedExam, vignette } from './support/history';
import { Keys, openNewPatient, startScreening } from './support/screening';

/** The draft's findings as stored (the screen autosaves every change). */
function draftFindings(harness: RunningHarness): Findings | null {
  const rows = harness.query<{ findings_json: string }>("SELECT findings_json FROM exam WHERE state = 'draft'");
  const row = rows[0];
  return row ? (JSON.parse(row.findings_json) as Findings) : null;
}

/** A full-page screenshot kept with the test's results and attached to the report, to look at. */
async function shot(app: Page, info: TestInfo, name: string): Promise<void> {
  const path = info.outputPath(`${name}.png`);
  await app.screenshot({ path, fullPage: true });
  await info.attach(name, { path, contentType: 'image/png' });
}

async function step(app: Page, name: string): Promise<void> {
  await app.getByRole('tab', { name }).click();
  await expect(app.getByRole('heading', { name, level: 2 })).toBeVisible();
}

test.describe('the whole screening form', () => {
  test.slow();
  test('carry-forward needs confirmation: answers of the last screening are offered, recorded only when confirmed', async ({ app, harness }, info) => {
    await app.setViewportSize({ width: 1366, height: 768 });
    const patientId = await openNewPatient(app, harness, 'Carryforward');
    const earlier = vignette('V01');
    earlier.history = { ...earlier.history, previousUlcer: true, previousUlcerSide: 'left', previousUlcerDate: '2024-03', smoking: 'former' };
    earlier.selfCare = { impairedVision: true };
    await signedExam(harness, patientId, '2025-05-14', earlier);
    await app.reload();
    await startScreening(app);
    await step(app, 'History');

    const panel = app.getByRole('region', { name: /From the last screening/ });
    await expect(panel).toBeVisible();
    await expect(panel.getByText('Previous foot ulcer (healed):')).toBeVisible();
    await expect(panel.getByText(/— from 14 May 2025 — confirm/).first()).toBeVisible();
    await shot(app, info, 'history-carried-forward');

    // Nothing was recorded by offering it.
    await expect.poll(() => draftFindings(harness)?.history?.previousUlcer ?? 'not recorded').toBe('not recorded');

    // "None of these" answers the rest but leaves the offered answers waiting.
    const keys = new Keys(app);
    await keys.press('n');
    await expect(app.getByRole('heading', { name: 'Symptoms', level: 2 })).toBeVisible();
    await expect.poll(() => draftFindings(harness)?.history?.previousVascularIntervention).toBe(false);
    // An earlier "no" is offered too, and waits like any other answer.
    expect(draftFindings(harness)?.history?.onDialysis).toBeUndefined();
    expect(draftFindings(harness)?.history?.previousUlcer).toBeUndefined();
    expect(draftFindings(harness)?.history?.smoking).toBeUndefined();

    // One key confirms the highlighted answer; one key records that it changed.
    await step(app, 'History');
    await keys.press('c');
    await expect.poll(() => draftFindings(harness)?.history?.previousUlcer).toBe(true);
    await expect(panel.getByText('Previous foot ulcer (healed):')).toHaveCount(0);
    await keys.press('c');
    await expect.poll(() => draftFindings(harness)?.history?.previousUlcerSide).toBe('left');
    // The review says how many were left unconfirmed.
    await step(app, 'Review & sign');
    await expect(app.getByText(/answers from the last screening were not confirmed/)).toBeVisible();
    await step(app, 'History');
    // When, end-stage renal disease, dialysis, smoking.
    for (let i = 0; i < 4; i++) await keys.press('c');
    await expect.poll(() => draftFindings(harness)?.history?.smoking).toBe('former');
    await keys.press('d');
    await expect.poll(() => draftFindings(harness)?.selfCare?.impairedVision).toBe(false);
    await expect(panel).toHaveCount(0);
  });

  // Known fault after merging the new wizard shell with the new form fields: a mouse click on an
  // answer made right after answering by keys is sometimes not recorded (the previous ulcer here,
  // the ankle reflex in the neurology step). Marked to fix rather than deleted, so it is not forgotten.
  test('the extended neurological step is chosen at Start, answered by keys and shown in the review', async ({ app, harness }, info) => {
    await app.setViewportSize({ width: 1366, height: 768 });
    await openNewPatient(app, harness, 'Neurology');
    await startScreening(app);
    await expect(app.getByRole('tab', { name: 'Neurology' })).toHaveCount(0);
    await app.getByRole('checkbox', { name: 'Extended neurological examination' }).check();
    await expect(app.getByRole('tab', { name: 'Neurology' })).toBeVisible();
    await shot(app, info, 'start');

    await step(app, 'Neurology');
    const keys = new Keys(app);
    // All "yes": 11 points (questions 7 and 13 score on "no"; 4 and 10 are not scored).
    for (let i = 0; i < 15; i++) await keys.press('y');
    await expect(app.getByText(/Questionnaire:.*11 of 13: many symptoms of neuropathy/)).toBeVisible();
    await expect.poll(() => Object.keys(draftFindings(harness)?.mnsiQuestionnaire ?? {}).length).toBe(15);
    for (const side of ['right', 'left']) {
      await app.getByRole('group', { name: `Ankle reflex (${side})` }).getByRole('button', { name: 'Absent' }).click();
      await app.getByRole('group', { name: `Pin-prick at the toe (${side})` }).getByRole('button', { name: 'Abnormal' }).click();
      await app.getByRole('group', { name: `Temperature at the toe (${side})` }).getByRole('button', { name: 'Normal', exact: true }).click();
    }
    await expect.poll(() => draftFindings(harness)?.feet.left.ankleReflex).toBe('absent');
    await shot(app, info, 'neurology');

    // Once something is recorded in it, the step cannot be taken off.
    await step(app, 'Start');
    await expect(app.getByRole('checkbox', { name: 'Extended neurological examination' })).toBeDisabled();

    // Waveforms: one key per value for the highlighted artery; toe pressure typed.
    await step(app, 'Circulation');
    for (const key of ['1', '2', '3', '4']) await keys.press(key);
    await expect.poll(() => draftFindings(harness)?.feet.left.waveforms).toEqual({ dorsalisPedis: 'monophasic', posteriorTibial: 'absent' });
    expect(draftFindings(harness)?.feet.right.waveforms).toEqual({ dorsalisPedis: 'triphasic', posteriorTibial: 'biphasic' });
    await app.getByLabel('Toe pressure (right)').fill('25');
    await expect.poll(() => draftFindings(harness)?.feet.right.toePressure).toBe(25);
    await shot(app, info, 'circulation');

    await step(app, 'Skin');
    await app.getByRole('group', { name: 'Oedema' }).first().getByRole('button', { name: 'Yes' }).click();
    await app.getByRole('group', { name: 'Colour' }).first().getByRole('button', { name: 'Pale' }).click();
    await shot(app, info, 'skin');
    await step(app, 'Deformity');
    await app.getByRole('group', { name: 'Footwear' }).getByRole('button', { name: 'Inappropriate' }).click();
    await shot(app, info, 'deformity');
    await step(app, 'History');
    await app.getByRole('group', { name: 'Smoking' }).getByRole('button', { name: 'Smokes now' }).click();
    await shot(app, info, 'history');

    await step(app, 'Review & sign');
    await app.getByLabel('Action taken and plan').fill('Advised on shoes; vascular referral');
    const review = app.getByRole('table', { name: 'What was recorded' });
    await expect(review.getByText('11 of 13: many symptoms of neuropathy', { exact: false })).toBeVisible();
    await expect(review.getByText('ankle reflex absent; pin-prick abnormal; temperature sense normal').first()).toBeVisible();
    await expect(review.getByText(/Doppler waveform: dorsalis pedis triphasic, posterior tibial biphasic; toe pressure 25 mmHg/)).toBeVisible();
    await expect(review.getByText(/colour pale; oedema yes/)).toBeVisible();
    await expect(review.getByText('smokes now', { exact: false })).toBeVisible();
    await expect(review.getByText('inappropriate')).toBeVisible();
    await expect(review.getByText('Advised on shoes; vascular referral')).toBeVisible();
    await expect.poll(() => draftFindings(harness)?.outcome?.actionTaken).toBe('Advised on shoes; vascular referral');
    await shot(app, info, 'review');
  });
  test('keys typed while the next step is still being drawn are not lost', async ({ app, harness }) => {
    await app.setViewportSize({ width: 1366, height: 768 });
    await openNewPatient(app, harness, 'Quickhands');
    await startScreening(app);
    await step(app, 'Circulation');
    // Notes, for each ↓ pressed, whether the step's items were on screen yet.
    await app.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __opening: string[] }).__opening = seen;
      window.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowDown') seen.push(document.querySelector<HTMLElement>('[data-step]')?.dataset.opening ?? 'open');
      }, true);
    });
    // A slow clinic PC: the next step takes a while to draw, and a quick nurse types on meanwhile.
    const cdp = await app.context().newCDPSession(app);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await app.keyboard.press('Alt+ArrowRight');
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('y');
    await app.keyboard.press('n');
    await expect(app.getByRole('heading', { name: 'Skin', level: 2 })).toBeVisible();
    // ↓ focused the first item, Y answered it and moved on, N answered the next: as if the step had been there.
    await expect(app.getByRole('group', { name: 'Active ulcer' }).first().getByRole('button', { name: 'Yes' })).toHaveAttribute('aria-pressed', 'true');
    await expect(app.getByRole('group', { name: 'Infection' }).first().getByRole('button', { name: 'No' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => draftFindings(harness)?.feet.right.skin).toMatchObject({ activeUlcer: true, infection: false });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // The ↓ really came while the step was opening (otherwise this test proves nothing).
    expect(await app.evaluate(() => (window as unknown as { __opening: string[] }).__opening)).toEqual(['true']);
  });

  test('opening a step adds no style sheet to the page, and its number fields still run the autofill check', async ({ app, harness }) => {
    await app.setViewportSize({ width: 1366, height: 768 });
    await openNewPatient(app, harness, 'Sheets');
    await startScreening(app);
    // Every sheet added to the page makes the browser restyle all of it; MUI used to add one per
    // input as a step opened (ten on Circulation) and remove them as it closed.
    const sheets = (): Promise<number> => app.evaluate(() => document.styleSheets.length);
    await step(app, 'Sensation');
    const before = await sheets();
    for (const name of ['Vibration', 'Circulation', 'Skin', 'Deformity', 'History', 'Symptoms', 'Review & sign', 'Circulation', 'Sensation']) {
      await step(app, name);
      expect(await sheets(), `style sheets on ${name}`).toBe(before);
    }
    // A field the browser fills by itself still lifts its label: MUI notices autofill by this animation.
    await step(app, 'Circulation');
    const field = app.getByRole('spinbutton').or(app.getByRole('textbox')).first();
    await expect(field).toBeVisible();
    expect(await field.evaluate((input) => getComputedStyle(input).animationName)).toBe('mui-auto-fill-cancel');
    const keyframes = await app.evaluate(() =>
      Array.from(document.styleSheets)
        .flatMap((sheet) => Array.from(sheet.cssRules))
        .filter((rule): rule is CSSKeyframesRule => rule instanceof CSSKeyframesRule)
        .map((rule) => rule.name),
    );
    expect(keyframes).toEqual(expect.arrayContaining(['mui-auto-fill', 'mui-auto-fill-cancel']));
  });
});
