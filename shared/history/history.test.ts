import { describe, expect, it } from 'vitest';
import { assess } from '../clinical/assess';
import { changed, normalFindings } from '../clinical/fixtures/findingsBuilders';
import type { ExamSummary } from '../domain/exam';
import type { Findings } from '../domain/findings';
import { changeSentence, compareExams, type ComparableExam } from './examDiff';
import { categoryChanges, defaultComparison, historyPoints } from './timeline';

function exam(id: number, examinedOn: string, findings: Findings, protocol: ComparableExam['protocol'] = 'iwgdf-3'): ComparableExam {
  return { id, examinedOn, protocol, findings, assessment: assess(findings) };
}

function summary(id: number, examinedOn: string, state: ExamSummary['state'], nice: ExamSummary['niceCategory'], iwgdf: ExamSummary['iwgdfCategory'], version = 1): ExamSummary {
  return {
    id,
    patientId: 1,
    seriesId: id,
    version,
    state,
    examStatus: 'performed',
    protocol: 'iwgdf-3',
    examinedOn,
    startedAt: `${examinedOn}T09:00:00Z`,
    updatedAt: `${examinedOn}T09:00:00Z`,
    signedAt: state === 'draft' ? null : `${examinedOn}T09:30:00Z`,
    signedBy: 'nina',
    signedByName: 'Nina Nurse',
    amendmentReason: null,
    lops: 'false',
    pad: 'false',
    redFlag: false,
    iwgdfCategory: iwgdf,
    niceCategory: nice,
    sites: { right: { tested: 3, insensate: 0 }, left: { tested: 3, insensate: 1 } },
  };
}

describe('per-site diff between two screenings', () => {
  it('names every site whose result changed, with its direction, and nothing else', () => {
    const before = normalFindings();
    const after = changed(before, (f) => {
      f.feet.right.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'felt', mth1: 'not_felt', mth5: { result: 'not_tested', reason: 'callus' } } };
      f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'felt', mth1: 'felt', mth5: 'felt' } };
    });
    const older = exam(1, '2026-03-12', changed(before, (f) => {
      f.feet.left.monofilament = { protocol: 'iwgdf-3', sites: { hallux: 'not_felt', mth1: 'felt', mth5: 'felt' } };
    }));
    const diff = compareExams(older, exam(2, '2026-11-25', after));
    const sites = diff.changes.filter((c) => c.group === 'sensation');
    expect(sites.map((c) => [c.side, c.site?.key, c.label, c.before, c.after, c.direction])).toEqual([
      ['right', 'mth1', 'Right 1st metatarsal head', 'felt', 'not felt', 'worse'],
      ['right', 'mth5', 'Right 5th metatarsal head', 'felt', 'not tested (callus)', 'changed'],
      ['left', 'hallux', 'Left hallux (big toe)', 'not felt', 'felt', 'better'],
    ]);
    const [first] = sites;
    if (!first) throw new Error('no change');
    expect(changeSentence(first, '12 Mar 2026')).toBe('Right 1st metatarsal head: felt → not felt (since 12 Mar 2026)');
  });

  it('finds nothing between two identical screenings', () => {
    expect(compareExams(exam(1, '2025-01-01', normalFindings()), exam(2, '2026-01-01', normalFindings())).changes).toEqual([]);
  });

  it('lists pulses, ABI, skin, deformity, history, symptoms, red flags and categories, worse or better', () => {
    const after = changed(normalFindings(), (f) => {
      f.feet.left.pulses = { dorsalisPedis: 'not_palpable', posteriorTibial: 'palpable' };
      f.feet.left.abi = 0.82;
      f.feet.right.skin = { ...f.feet.right.skin, callus: true, callusSites: ['mth1'] };
      f.feet.right.deformity = { present: true, types: ['hallux valgus'] };
      f.history = { ...f.history, previousUlcer: true };
      f.symptoms = { ...f.symptoms, claudication: true };
      f.redFlags = { ...f.redFlags, markedAsymmetry: true };
      f.feet.right.vibration = { method: 'tuning-fork-128', result: 'absent' };
    });
    const older = changed(normalFindings(), (f) => {
      f.feet.left.abi = 1.02;
    });
    const diff = compareExams(exam(1, '2025-11-01', older), exam(2, '2026-11-25', after));
    const line = (label: string) => diff.changes.find((c) => c.label === label);
    expect(line('Left dorsalis pedis pulse')).toMatchObject({ before: 'palpable', after: 'not palpable', direction: 'worse', group: 'circulation' });
    expect(line('Left ABI')).toMatchObject({ before: '1.02', after: '0.82', direction: 'worse' });
    expect(line('Right callus')).toMatchObject({ before: 'no', after: 'yes', direction: 'worse', group: 'skin' });
    expect(line('Right deformity')).toMatchObject({ before: 'no', after: 'yes', direction: 'worse' });
    expect(line('Right vibration')).toMatchObject({ before: 'normal', after: 'absent', direction: 'worse' });
    expect(line('Previous foot ulcer')).toMatchObject({ before: 'no', after: 'yes', group: 'history' });
    expect(line('Claudication')).toMatchObject({ after: 'yes', group: 'symptoms' });
    expect(line('Marked asymmetry')).toMatchObject({ after: 'yes', group: 'redFlags' });
    expect(line('NICE NG19')).toMatchObject({ before: 'low risk', after: 'high risk', direction: 'worse', group: 'category' });
    expect(diff.changes[0]?.group).toBe('category');
    // The reverse is better.
    const back = compareExams(exam(2, '2026-11-25', after), exam(3, '2027-05-01', older));
    expect(back.changes.find((c) => c.label === 'Left dorsalis pedis pulse')?.direction).toBe('better');
  });

  it('does not compare sites of a foot absent in one screening, and names a protocol change once', () => {
    const older = exam(1, '2025-01-01', normalFindings());
    const amputated = changed(normalFindings(), (f) => {
      f.feet.right = { status: 'absent', statusReason: 'Below-knee amputation' };
      f.feet.left.monofilament = { protocol: '10-site', sites: { hallux: 'felt', toe3: 'felt', toe5: 'felt', mth1: 'not_felt', mth3: 'felt', mth5: 'felt', medialMidfoot: 'felt', lateralMidfoot: 'felt', heel: 'felt', dorsum: 'felt' } };
    });
    const diff = compareExams(older, exam(2, '2026-01-01', amputated, '10-site'));
    expect(diff.changes.find((c) => c.label === 'Right foot')).toMatchObject({ before: 'examined', after: 'absent', direction: 'worse' });
    expect(diff.changes.filter((c) => c.side === 'right' && c.group === 'sensation')).toEqual([]);
    expect(diff.changes.filter((c) => c.group === 'sensation').map((c) => c.label)).toEqual(['Sensory test', 'Left 1st metatarsal head']);
  });
});

describe('history timeline', () => {
  const exams = [
    summary(5, '2026-11-25', 'draft', null, null),
    summary(4, '2026-06-01', 'signed', 'moderate', '1', 2),
    summary(3, '2026-06-01', 'superseded', 'low', '0'),
    summary(2, '2025-06-01', 'signed', 'low', '0'),
    summary(1, '2024-06-01', 'signed', 'high', '3'),
    summary(6, '2023-01-01', 'discarded', null, null),
  ];

  it('holds current signed versions only, oldest first: an amended exam appears once', () => {
    expect(historyPoints(exams).map((p) => [p.examId, p.examinedOn, p.nice])).toEqual([
      [1, '2024-06-01', 'high'],
      [2, '2025-06-01', 'low'],
      [4, '2026-06-01', 'moderate'],
    ]);
    expect(defaultComparison(exams)).toEqual([2, 4]);
    expect(defaultComparison(exams.slice(0, 3))).toBeNull();
  });

  it('marks each change of category, its direction, and a rise that usually means a referral', () => {
    const changes = categoryChanges(historyPoints(exams));
    expect(changes.map((c) => [c.examId, c.direction, c.usuallyReferral, c.text])).toEqual([
      [2, 'better', false, 'NICE NG19: high risk → low risk; IWGDF 2023: category 3 → category 0'],
      [4, 'worse', true, 'NICE NG19: low risk → moderate risk; IWGDF 2023: category 0 → category 1'],
    ]);
    const incomplete = categoryChanges(historyPoints([summary(1, '2025-01-01', 'signed', 'low', '0'), summary(2, '2026-01-01', 'signed', 'incomplete', 'incomplete')]));
    expect(incomplete[0]?.direction).toBe('changed');
  });
});
