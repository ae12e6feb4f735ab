import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { context, screeningSet } from '#shared/fhir/fixtures/screenings';
import { readScreenings } from '#shared/fhir/readScreenings';
import { writeBulkNdjson } from './bulkNdjson';
import { ndjsonLines } from './ndjsonLines';
import { loadR4Definitions, type R4Validator } from './r4Validator';

let dir: string;
let r4: R4Validator;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulk-ndjson-'));
  r4 = await loadR4Definitions();
}, 30_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readAll(outDir: string): Promise<Resource[]> {
  const out: Resource[] = [];
  for (const name of fs.readdirSync(outDir).filter((f) => f.endsWith('.ndjson')).sort()) {
    for await (const line of ndjsonLines(path.join(outDir, name))) {
      if ('error' in line) throw new Error(`${name}:${line.line} ${line.error}`);
      out.push(line.value as Resource);
    }
  }
  return out;
}

describe('FHIR Bulk Data export', () => {
  const inputs = screeningSet();

  it('writes one NDJSON file per type, each patient and signer once, and a manifest', async () => {
    const out = path.join(dir, 'export');
    const result = await writeBulkNdjson(inputs, out, context, { transactionTime: '2026-01-15T09:00:00.000Z' });
    expect(result.screenings).toBe(5);
    const counts = Object.fromEntries(result.files.map((f) => [f.type, f.count]));
    expect(counts).toMatchObject({ Patient: 2, Condition: 1, Practitioner: 1, PractitionerRole: 1, Encounter: 5, DiagnosticReport: 5, RiskAssessment: 10, Provenance: 5 });
    for (const f of result.files) expect(fs.readFileSync(f.file, 'utf8').trimEnd().split('\n')).toHaveLength(f.count);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { output: { type: string; url: string; count: number }[]; transactionTime: string };
    expect(manifest.transactionTime).toBe('2026-01-15T09:00:00.000Z');
    expect(manifest.output.find((o) => o.type === 'Observation')).toEqual({ type: 'Observation', url: 'Observation.ndjson', count: counts.Observation });
  });

  it('gives every line an id and relative references that resolve within the files, each valid R4', async () => {
    const resources = await readAll(path.join(dir, 'export'));
    const ids = new Set(resources.map((r) => `${r.resourceType}/${r.id ?? ''}`));
    for (const r of resources) {
      expect(r.id).toBeDefined();
      for (const ref of JSON.stringify(r).match(/"reference":"([^"]+)"/g) ?? []) expect(ids.has(ref.slice(13, -1)), ref).toBe(true);
      expect(r4.validate(r), `${r.resourceType}/${r.id ?? ''}`).toEqual([]);
    }
  });

  it('reads back to the same screenings', async () => {
    const resources = await readAll(path.join(dir, 'export'));
    const { screenings, issues } = readScreenings(
      resources.map((resource) => ({ resource })),
      { dateOrder: 'dmy', nationalNumberFormat: 'nhs', today: '2026-01-15', clinicIdentifierSystem: context.clinicIdentifierSystem },
    );
    expect(issues).toEqual([]);
    const key = (s: { series: { value?: string }; version: number }): string => `${s.series.value ?? ''}/v${s.version}`;
    const byKey = new Map(screenings.map((s) => [key(s), s]));
    expect(byKey.size).toBe(inputs.length);
    for (const input of inputs) {
      const back = byKey.get(`${context.installationId}.${input.screening.seriesId}/v${input.screening.version}`);
      expect(back?.patient).toEqual(input.patient);
      expect(back?.findings).toEqual(input.screening.findings);
      expect(back?.assessment).toEqual(input.screening.assessment);
      expect(back?.amendmentReason).toBe(input.screening.amendmentReason);
    }
  });

  it('stops when the caller says so, and still closes every file', async () => {
    const out = path.join(dir, 'cancelled');
    const result = await writeBulkNdjson(inputs, out, context, { transactionTime: '2026-01-15T09:00:00.000Z', onScreening: (done) => done < 2 });
    expect(result).toMatchObject({ screenings: 2, cancelled: true });
    expect(fs.readFileSync(path.join(out, 'DiagnosticReport.ndjson'), 'utf8').trimEnd().split('\n')).toHaveLength(2);
  });
});
