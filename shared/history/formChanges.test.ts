import { describe, expect, it } from 'vitest';
import { assess } from '../clinical/assess';
import { normalWith } from '../clinical/fixtures/findingsBuilders';
import type { Findings } from '../domain/findings';
import { compareExams, type ComparableExam } from './examDiff';

const exam = (id: number, examinedOn: string, findings: Findings): ComparableExam => ({ id, examinedOn, protocol: 'iwgdf-3', findings, assessment: assess(findings) });

describe('compare: the paper-form items, waveforms, toe pressure and the extended neurological exam', () => {
  it('lists each change with its direction', () => {
    const before = normalWith((d) => {
      d.feet.right.waveforms = { dorsalisPedis: 'triphasic' };
      d.feet.right.toePressure = 80;
      d.feet.left.ankleReflex = 'present';
      d.feet.left.oedema = false;
      d.history = { ...d.history, smoking: 'current' };
    });
    const after = normalWith((d) => {
      d.feet.right.waveforms = { dorsalisPedis: 'monophasic' };
      d.feet.right.toePressure = 25;
      d.feet.left.ankleReflex = 'absent';
      d.feet.left.oedema = true;
      d.history = { ...d.history, smoking: 'former' };
      d.footwear = { assessment: 'inappropriate' };
    });
    const changes = compareExams(exam(1, '2025-01-01', before), exam(2, '2026-01-01', after)).changes;
    const find = (label: string) => changes.find((c) => c.label === label);
    expect(find('Right dorsalis pedis waveform')).toMatchObject({ before: 'triphasic', after: 'monophasic', direction: 'worse', group: 'circulation' });
    expect(find('Right toe pressure')).toMatchObject({ before: '80 mmHg', after: '25 mmHg', direction: 'worse' });
    expect(find('Left ankle reflex')).toMatchObject({ before: 'present', after: 'absent', direction: 'worse', group: 'neurology' });
    expect(find('Left oedema')).toMatchObject({ before: 'no', after: 'yes', direction: 'worse' });
    expect(find('Smoking')).toMatchObject({ before: 'current', after: 'former', direction: 'changed' });
    expect(find('Footwear')).toMatchObject({ before: 'not recorded', after: 'inappropriate' });
    expect(find('Right posterior tibial waveform')).toBeUndefined();
  });
});
