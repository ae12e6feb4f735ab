import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '#shared/domain/recall';
import { JobProgressRegistry } from '../services/jobs/jobProgress';
import { openTestApp, signedInContext, type TestApp } from '../testing/testApp';

let app: TestApp;
let admin: { clientKey: string };
beforeEach(async () => {
  app = openTestApp();
  admin = await signedInContext(app);
});
afterEach(() => app.dispose());

async function nurse(): Promise<{ clientKey: string }> {
  const created = await app.dispatch('createUser', { username: 'nina', displayName: 'Nina Nurse', role: 'nurse', password: 'nurse password 1' }, admin);
  expect(created.ok).toBe(true);
  const context = { clientKey: 'test:nurse' };
  expect((await app.services.auth.signIn(context.clientKey, 'nina', 'nurse password 1')).ok).toBe(true);
  return context;
}

describe('recall, dashboard and export operations through dispatch', () => {
  it('lets clinicians use the worklist and dashboard, and keeps export and recall settings to administrators', async () => {
    const n = await nurse();
    expect((await app.dispatch('listWorklist', { view: 'overdue' }, n)).ok).toBe(true);
    expect((await app.dispatch('getDashboard', { from: '2026-01-01', to: '2026-12-31' }, n)).ok).toBe(true);
    expect((await app.dispatch('getRecallSettings', {}, n)).ok).toBe(true);
    const exported = await app.dispatch('exportCsv', { dataset: 'patients', jobId: 'job-12345678' }, n);
    expect(!exported.ok && exported.error.code).toBe('forbidden');
    const settings = await app.dispatch('getRecallSettings', {}, admin);
    if (!settings.ok) throw new Error('no settings');
    const changed = await app.dispatch('updateRecallSettings', settings.value, n);
    expect(!changed.ok && changed.error.code).toBe('forbidden');
    expect((await app.dispatch('updateRecallSettings', settings.value, admin)).ok).toBe(true);
  });

  it('refuses bad requests with a message naming the field', async () => {
    const backwards = await app.dispatch('getDashboard', { from: '2026-12-31', to: '2026-01-01' }, admin);
    expect(!backwards.ok && backwards.error.issues).toEqual([{ path: 'to', message: 'The start date must be on or before the end date' }]);
    const months = await app.dispatch('updateRecallSettings', { guideline: 'nice', niceMonths: { low: 0, moderate: 3, high: 1 }, iwgdfMonths: { '0': 12, '1': 6, '2': 3, '3': 1 }, incompleteMonths: 1, bookingText: '' }, admin);
    expect(!months.ok && months.error.issues).toEqual([{ path: 'niceMonths.low', message: 'At least 1 month' }]);
    const tooMany = await app.dispatch('printInvitationLetters', { patientIds: Array.from({ length: 501 }, (_, i) => i + 1), mode: 'save', jobId: 'job-12345678' }, admin);
    expect(!tooMany.ok && tooMany.error.message).toMatch(/At most 500 letters at a time/);
    expect(await app.dispatch('getJobProgress', { jobId: '../../etc' }, admin)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('shows a job in progress to the page that started it, and to nobody else', async () => {
    for (let i = 0; i < 120; i++) {
      const r = await app.dispatch('createPatient', { patient: { familyName: `P${i}`, givenNames: 'X', dateOfBirth: '1950-01-01', sex: 'male', clinicIdentifier: `J${i}`, diabetesType: 'type2' } }, admin);
      expect(r.ok).toBe(true);
    }
    const seen: (JobProgress | null)[] = [];
    const job = app.dispatch('printInvitationLetters', { patientIds: Array.from({ length: 120 }, (_, i) => i + 1), mode: 'save', jobId: 'letters-0001' }, admin);
    let done = false;
    void job.then(() => (done = true));
    while (!done) {
      const p = await app.dispatch('getJobProgress', { jobId: 'letters-0001' }, admin);
      if (p.ok) seen.push(p.value as JobProgress | null);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const result = await job;
    expect(result.ok).toBe(true);
    const steps = seen.filter((s): s is JobProgress => s !== null).map((s) => s.step);
    expect(steps).toContain('Preparing the letters');
    expect(seen.some((s) => s !== null && s.step === 'Preparing the letters' && s.done > 0 && s.done < 120)).toBe(true);
    const after = await app.dispatch('getJobProgress', { jobId: 'letters-0001' }, admin);
    expect(after.ok && after.value).toMatchObject({ finished: true });
    const n = await nurse();
    const other = await app.dispatch('getJobProgress', { jobId: 'letters-0001' }, n);
    expect(other.ok && other.value).toBeNull();
  });
});

describe('job progress registry', () => {
  it('keeps jobs per client, refuses a running id twice, forgets finished jobs after a minute', () => {
    let now = 0;
    const jobs = new JobProgressRegistry(() => now);
    const a = jobs.start('client-a', 'job-1', 'Writing rows', 10);
    expect(jobs.start('client-a', 'job-1', 'Again', null)).toBeNull();
    expect(jobs.start('client-b', 'job-1', 'Theirs', null)).not.toBeNull();
    a?.advance(4);
    expect(jobs.get('client-a', 'job-1')).toEqual({ step: 'Writing rows', done: 4, total: 10, finished: false });
    a?.step('Saving', null);
    a?.finish();
    expect(jobs.get('client-a', 'job-1')).toEqual({ step: 'Saving', done: 0, total: null, finished: true });
    now = 61_000;
    expect(jobs.get('client-a', 'job-1')).toBeNull();
  });
});
