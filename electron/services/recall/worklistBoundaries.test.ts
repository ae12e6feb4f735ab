import { afterEach, describe, expect, it } from 'vitest';
import { worklistRequestSchema } from '#shared/domain/recall';
import { addDays, addMonths } from '#shared/text/dates';
import { addPatient, signedExam, vignette } from '../../testing/clinic';
import { fixedClock, openTestApp, type TestApp } from '../../testing/testApp';

/**
 * "Due within N days" counts from today (the computer's calendar day) and includes day N. Each
 * patient is screened (NICE low risk: recalled after 12 months) so that the next screen falls on
 * a chosen day.
 */
let app: TestApp | null = null;
const savedTz = process.env.TZ;
afterEach(() => {
  app?.dispose();
  app = null;
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

function clinicDueOn(now: string, dueDays: readonly number[]): { today: string; ids: Map<number, number> } {
  app = openTestApp(fixedClock(now));
  const today = app.services.recall.today();
  const ids = new Map<number, number>();
  for (const days of dueDays) {
    const patientId = addPatient(app, { familyName: `Due in ${days}` });
    const dueOn = addDays(today, days);
    signedExam(app, patientId, addMonths(dueOn, -12), vignette('V01'));
    ids.set(days, patientId);
  }
  return { today, ids };
}

function dueWithin(days: number): number[] {
  if (!app) throw new Error('no app');
  const r = app.services.recall.worklist(worklistRequestSchema.parse({ view: 'due-soon', withinDays: days, limit: 200 }));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.items.map((i) => i.patientId);
}

function dueSoonCount(days: number): number {
  if (!app) throw new Error('no app');
  const r = app.services.recall.worklist(worklistRequestSchema.parse({ view: 'due-soon', withinDays: days }));
  if (!r.ok) throw new Error(r.error.message);
  return r.value.counts.dueSoon;
}

describe('worklist: due within N days', () => {
  it('includes a patient due on day N and day N-1, not day N+1, in the list and in its count', () => {
    const { ids } = clinicDueOn('2026-11-25T10:00:00.000Z', [0, 29, 30, 31]);
    expect(dueWithin(30)).toEqual([ids.get(0), ids.get(29), ids.get(30)]);
    expect(dueSoonCount(30)).toBe(3);
    expect(dueWithin(29)).toEqual([ids.get(0), ids.get(29)]);
    expect(dueWithin(31)).toEqual([ids.get(0), ids.get(29), ids.get(30), ids.get(31)]);
  });

  it('counts calendar days across the spring clock change (UK, 29 March 2026)', () => {
    process.env.TZ = 'Europe/London';
    // 00:30 GMT on Saturday 28 March; the clocks go forward at 01:00 on Sunday 29 March.
    const { today, ids } = clinicDueOn('2026-03-28T00:30:00.000Z', [29, 30, 31]);
    expect(today).toBe('2026-03-28');
    expect(addDays(today, 30)).toBe('2026-04-27');
    expect(dueWithin(30)).toEqual([ids.get(29), ids.get(30)]);
  });

  it('counts calendar days across the autumn clock change, late in the evening (UK, 25 October 2026)', () => {
    process.env.TZ = 'Europe/London';
    // 23:30 BST on Saturday 24 October is 22:30 UTC; the clocks go back at 02:00 on Sunday.
    const { today, ids } = clinicDueOn('2026-10-24T22:30:00.000Z', [6, 7, 8]);
    expect(today).toBe('2026-10-24');
    expect(dueWithin(7)).toEqual([ids.get(6), ids.get(7)]);
  });
});
