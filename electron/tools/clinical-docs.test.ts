import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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

  it('reads conditions in words', () => {
    const rule = iwgdf2023Table.rules.find((r) => r.id === 'IWGDF-3');
    expect(rule && describeCondition(rule.when)).toBe('(LOPS or PAD) and (history of foot ulcer or previous amputation or end-stage renal disease)');
  });
});
