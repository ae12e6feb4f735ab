import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalFindings, normalWith } from '../clinical/fixtures/findingsBuilders';
import { findingsInputSchema, findingsSchema, parseFindings, parseStoredFindings, type Findings } from './findings';

const vignettes = ['vignettes.json', 'vignettes-revision2.json'].flatMap(
  (file) => JSON.parse(readFileSync(fileURLToPath(new URL(`../clinical/fixtures/${file}`, import.meta.url)), 'utf8')) as { id: string; findings: unknown }[],
);

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = parseFindings(input);
  if (result.ok) throw new Error('expected the findings to be rejected');
  return result.error.issues ?? [];
}

function withRaw(change: (draft: Record<string, unknown>) => void): Record<string, unknown> {
  const draft = JSON.parse(JSON.stringify(normalFindings())) as Record<string, unknown>;
  change(draft);
  return draft;
}

function leftFoot(draft: Record<string, unknown>): Record<string, unknown> {
  return (draft.feet as Record<string, Record<string, unknown>>).left as Record<string, unknown>;
}

describe('parseFindings', () => {
  it.each(vignettes.map((v) => [v.id, v.findings] as const))('accepts vignette %s unchanged', (_id, findings) => {
    const result = parseFindings(findings);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value).toEqual(findings);
  });

  it('accepts the optional items', () => {
    const findings: Findings = normalWith((f) => {
      f.examStatus = 'performed';
      f.history = { ...f.history, kidneyTransplant: false, onMetformin: true };
      f.redFlags = { ...f.redFlags, weightLoss: false };
      f.feet.left.monofilament = {
        protocol: '10-site',
        sites: {
          hallux: { applications: [{ sham: false, response: 'yes' }, { sham: true, response: 'no' }, { sham: false, response: 'yes' }] },
          mth1: { result: 'not_tested', reason: 'callus', note: 'thick callus' },
          mth3: 'felt',
          dorsum: 'not_tested',
        },
      };
      f.feet.left.vibration = { method: 'tuning-fork-128', applications: [{ sham: true, response: 'no' }], site: 'hallux' };
      f.feet.left.touchTest = { protocol: 'ipswich', sites: { toe1: 'felt', toe3: 'not_felt', toe5: { result: 'not_tested', reason: 'amputation' } } };
      f.feet.left.ankleReflex = 'reinforcement';
      f.feet.left.pinPrick = 'abnormal';
      f.feet.left.temperature = 'not_tested';
      f.feet.left.skin = { ...f.feet.left.skin, dryness: true, callusSites: ['1st metatarsal head'] };
      f.feet.left.hotSwollen = false;
      f.feet.right.vibration = { method: 'vpt', voltage: 31 };
      f.feet.right.status = 'declined';
      f.feet.right.statusReason = 'patient in pain';
    });
    expect(parseFindings(findings).ok).toBe(true);
  });

  it('accepts a minimal record: anything but the status may be left out (not recorded)', () => {
    const minimal = { schemaVersion: 1, feet: { left: { status: 'present' }, right: { status: 'absent' } } };
    expect(parseFindings(minimal).ok).toBe(true);
  });

  it('accepts a declined exam with its reason', () => {
    expect(parseFindings(normalWith((f) => ((f.examStatus = 'declined'), (f.examStatusReason = 'no time')))).ok).toBe(true);
  });

  it('names the path of a wrong type', () => {
    const issues = issuesOf(withRaw((d) => (leftFoot(d).abi = '0.8')));
    expect(issues).toEqual([{ path: 'feet.left.abi', message: 'Expected number, received string' }]);
  });

  it('rejects a misspelt key at its own path', () => {
    const issues = issuesOf(withRaw((d) => (leftFoot(d).pulse = {})));
    expect(issues).toEqual([{ path: 'feet.left.pulse', message: 'Unknown field (check the spelling)' }]);
    const siteIssues = issuesOf(
      withRaw((d) => ((leftFoot(d).monofilament as { sites: Record<string, unknown> }).sites.halux = 'felt')),
    );
    expect(siteIssues.map((i) => i.path)).toEqual(['feet.left.monofilament.sites.halux']);
  });

  it('reports a problem inside raw applications at its full path', () => {
    const issues = issuesOf(
      withRaw((d) => ((leftFoot(d).monofilament as { sites: Record<string, unknown> }).sites.hallux = { applications: [{ sham: true, response: 'maybe' }] })),
    );
    expect(issues).toEqual([{ path: 'feet.left.monofilament.sites.hallux.applications.0.response', message: 'Expected one of "yes", "no"' }]);
  });

  it('reports a wrong not-testable reason at its path', () => {
    const issues = issuesOf(
      withRaw((d) => ((leftFoot(d).monofilament as { sites: Record<string, unknown> }).sites.mth1 = { result: 'not_tested', reason: 'sore' })),
    );
    expect(issues.map((i) => i.path)).toEqual(['feet.left.monofilament.sites.mth1.reason']);
  });

  it('explains the accepted forms of a site value', () => {
    const issues = issuesOf(withRaw((d) => ((leftFoot(d).monofilament as { sites: Record<string, unknown> }).sites.mth1 = 'yes')));
    expect(issues[0]?.path).toBe('feet.left.monofilament.sites.mth1');
    expect(issues[0]?.message).toContain('"felt", "not_felt", "not_tested"');
  });

  it('requires the foot status and the schema version', () => {
    const issues = issuesOf(
      withRaw((d) => {
        d.schemaVersion = 2;
        delete leftFoot(d).status;
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['feet.left.status', 'schemaVersion']);
    expect(issues.find((i) => i.path === 'feet.left.status')?.message).toMatch(/^Required/);
  });

  it('requires the voltage of a VPT and rejects an unknown vibration method', () => {
    expect(issuesOf(withRaw((d) => (leftFoot(d).vibration = { method: 'vpt' }))).map((i) => i.path)).toEqual(['feet.left.vibration.voltage']);
    expect(issuesOf(withRaw((d) => (leftFoot(d).vibration = { method: 'fork' }))).map((i) => i.path)).toEqual(['feet.left.vibration.method']);
  });

  it('rejects impossible numbers', () => {
    expect(issuesOf(withRaw((d) => (leftFoot(d).abi = -0.2)))[0]?.path).toBe('feet.left.abi');
    expect(issuesOf(withRaw((d) => (leftFoot(d).vibration = { method: 'vpt', voltage: 500 })))[0]?.path).toBe('feet.left.vibration.voltage');
  });

  it('accepts Doppler waveforms and toe pressure exactly as decision 9 writes them', () => {
    const findings = normalWith((f) => {
      f.feet.left.waveforms = { dorsalisPedis: 'triphasic', posteriorTibial: 'not_tested' };
      f.feet.right.waveforms = { dorsalisPedis: 'monophasic', posteriorTibial: 'absent' };
      f.feet.left.toePressure = 85;
      f.feet.right.toePressure = null;
    });
    expect(parseFindings(findings).ok).toBe(true);
    expect(issuesOf(withRaw((d) => (leftFoot(d).waveforms = { dorsalisPedis: 'flat' })))).toEqual([
      { path: 'feet.left.waveforms.dorsalisPedis', message: 'Expected one of "triphasic", "biphasic", "monophasic", "absent", "not_tested"' },
    ]);
    expect(issuesOf(withRaw((d) => (leftFoot(d).waveforms = { dorsalisPedis: 'triphasic', anteriorTibial: 'triphasic' })))[0]?.path).toBe('feet.left.waveforms.anteriorTibial');
  });

  it.each([
    ['abi', 0, 'ABI must be above 0 and at most 3'],
    ['abi', 3.01, 'ABI must be above 0 and at most 3'],
    ['abi', 4, 'ABI must be above 0 and at most 3'],
    ['tbi', 1.51, 'TBI must be between 0 and 1.5'],
    ['tbi', -0.1, 'TBI must be between 0 and 1.5'],
    ['toePressure', -1, 'Toe pressure must be between 0 and 300 mmHg'],
    ['toePressure', 301, 'Toe pressure must be between 0 and 300 mmHg'],
  ])('refuses %s %s as new input, naming the field', (field, value, message) => {
    expect(issuesOf(withRaw((d) => (leftFoot(d)[field] = value)))).toEqual([{ path: `feet.left.${field}`, message }]);
  });

  it('refuses a toe systolic pressure above 300 mmHg as new input, naming the field, and accepts 300', () => {
    expect(parseFindings(withRaw((d) => (leftFoot(d).pressures = { toe: 300 }))).ok).toBe(true);
    expect(issuesOf(withRaw((d) => (leftFoot(d).pressures = { toe: 301 })))).toEqual([
      { path: 'feet.left.pressures.toe', message: 'Toe pressure must be between 0 and 300 mmHg' },
    ]);
    // A stored record keeps the range it was accepted under.
    expect(parseStoredFindings(withRaw((d) => (leftFoot(d).pressures = { toe: 350 }))).ok).toBe(true);
  });

  it.each([
    ['abi', 0.01],
    ['abi', 3],
    ['tbi', 0],
    ['tbi', 1.5],
    ['toePressure', 0],
    ['toePressure', 300],
  ])('accepts %s %s, at the edge of its range', (field, value) => {
    expect(parseFindings(withRaw((d) => (leftFoot(d)[field] = value))).ok).toBe(true);
  });

  it('a stored record keeps the limits it was accepted under (an ABI of 4, a TBI of 2 still load)', () => {
    const old = withRaw((d) => ((leftFoot(d).abi = 4), (leftFoot(d).tbi = 2), (leftFoot(d).abi = 0)));
    expect(parseStoredFindings(old).ok).toBe(true);
    expect(findingsSchema.safeParse(old).success).toBe(true);
    expect(findingsInputSchema.safeParse(old).success).toBe(false);
    // Anything else is checked the same way in both.
    expect(parseStoredFindings(withRaw((d) => (leftFoot(d).abi = 6))).ok).toBe(false);
    expect(parseStoredFindings(withRaw((d) => (leftFoot(d).pulse = {}))).ok).toBe(false);
  });

  it('lists every problem in the message', () => {
    const result = parseFindings(withRaw((d) => ((leftFoot(d).abi = 'x'), (leftFoot(d).tbi = 'y'))));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('bad_request');
      expect(result.error.message).toContain('feet.left.abi: Expected number');
      expect(result.error.message).toContain('feet.left.tbi: Expected number');
    }
  });

  it('rejects what is not an object', () => {
    expect(issuesOf(null)).toEqual([{ path: '', message: 'Expected object, received null' }]);
    expect(issuesOf([])[0]?.message).toBe('Expected object, received array');
  });
});
