import { readFileSync } from 'node:fs';
import type { Coding } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { appCodeSystemTables } from '#shared/fhir/codeSystems';
import { screeningTransaction } from '#shared/fhir/examBundle';
import { findingItems } from '#shared/fhir/findingItems';
import { context, screeningSet } from '#shared/fhir/fixtures/screenings';
import { appCodeSystemUrl } from '#shared/fhir/systems';

const docs = readFileSync(new URL('../../../docs/interop.md', import.meta.url), 'utf8');

function codings(value: unknown, out: Coding[] = []): Coding[] {
  if (Array.isArray(value)) for (const v of value) codings(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.system === 'string' && typeof o.code === 'string' && !('value' in o)) out.push(o as Coding);
    for (const v of Object.values(o)) codings(v, out);
  }
  return out;
}

describe('docs/interop.md', () => {
  it('lists every code the export uses', () => {
    const used = screeningSet().flatMap((s) => codings(screeningTransaction(s, context)));
    // Tags (`meta.tag`) carry identifiers, not codes.
    for (const c of used.filter((c) => !(c.system ?? '').includes('/Id/'))) {
      const code = c.system === appCodeSystemUrl('body-site') ? (c.code ?? '').replace(/^(right|left)\./, '') : (c.code ?? '');
      expect(docs.includes(`\`${code}\``) || docs.includes(` ${code} `) || docs.includes(`#${code}`), `${c.system ?? ''}|${c.code ?? ''}`).toBe(true);
    }
  });
  it('has a row for every finding and every app code system', () => {
    for (const item of findingItems) expect(docs, item.code).toContain(`| \`${item.code}\` | ${item.scope} | \`${item.path.join('.')}\``);
    for (const table of appCodeSystemTables) expect(docs, table.name).toContain(`| \`${table.name}\` | ${table.title} |`);
  });
});
