import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conventionIds, conventions } from '#shared/clinical/conventions';
import { iwgdf2023Table } from '#shared/clinical/iwgdf2023';
import { niceNg19Table } from '#shared/clinical/niceNg19';
import { clinicalRulesMarkdown, describeCondition } from '#shared/clinical/rulesDocument';
import { clinicalRulesFile } from './clinical-docs';

describe('docs/clinical-rules.md', () => {
  it('is up to date with the rule tables (run `npm run docs:clinical` if this fails)', () => {
    expect(readFileSync(clinicalRulesFile, 'utf8')).toBe(clinicalRulesMarkdown());
  });

  it('lists every rule with its source', () => {
    const text = clinicalRulesMarkdown();
    for (const rule of [...iwgdf2023Table.rules, ...niceNg19Table.rules]) {
      expect(text).toContain(`\`${rule.id}\``);
      expect(text).toContain(rule.source.replace(/\|/g, '\\|'));
    }
  });

  it('shows revision 2 with every decision written out with its source, and every engine decision', () => {
    const text = clinicalRulesMarkdown();
    expect(text).toContain("the app's conventions, revision 2; rule sets IWGDF-2023 2.0.0 and NICE-NG19 2.0.0");
    for (let n = 1; n <= 11; n += 1) expect(text).toContain(`### Decision ${n}: `);
    for (const id of conventionIds) {
      expect(text).toContain(conventions[id].text.replace(/\|/g, '\\|'));
      expect(text).toContain(conventions[id].source.replace(/\|/g, '\\|'));
    }
  });

  it('names no file outside the repository, no issue and no design section', () => {
    const text = clinicalRulesMarkdown();
    expect(text).not.toMatch(/\.\.\/|\/work\/|reference\.md|vignettes\.json|issue \d|design section|style\.md/i);
  });

  it('reads conditions in words', () => {
    const rule = iwgdf2023Table.rules.find((r) => r.id === 'IWGDF-3');
    expect(rule && describeCondition(rule.when)).toBe('(LOPS or PAD) and (history of foot ulcer or previous amputation or end-stage renal disease)');
  });
});
