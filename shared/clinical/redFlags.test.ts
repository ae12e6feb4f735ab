import { describe, expect, it } from 'vitest';
import { assess } from './assess';
import { insensate, normalWith } from './fixtures/findingsBuilders';

describe('red flags and other causes', () => {
  it('no neuropathy and no red flag: no prompts', () => {
    expect(assess(normalWith(() => undefined)).otherCausesToConsider).toEqual([]);
  });

  it('neuropathy prompts B12 (metformin), alcohol, thyroid, kidney disease, entrapment / radiculopathy', () => {
    const a = assess(normalWith((d) => (insensate(d.feet.left), (d.history = { ...d.history, onMetformin: true }))));
    const ids = a.otherCausesToConsider.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['vitamin-b12-deficiency', 'alcohol', 'hypothyroidism', 'kidney-disease', 'entrapment-radiculopathy']));
    const b12 = a.otherCausesToConsider.find((c) => c.id === 'vitamin-b12-deficiency');
    expect(b12?.why).toMatch(/^On metformin/);
    expect(b12?.findings).toContain('history.onMetformin');
  });

  it('neuropathic symptoms alone prompt too', () => {
    expect(assess(normalWith((d) => (d.symptoms = { ...d.symptoms, neuropathic: true }))).otherCausesToConsider.length).toBeGreaterThan(0);
  });

  it('sudden onset puts acute inflammatory neuropathy first', () => {
    const a = assess(normalWith((d) => (d.redFlags = { ...d.redFlags, suddenOnset: true })));
    expect(a.redFlag).toBe(true);
    expect(a.redFlags.present).toEqual(['suddenOnset']);
    expect(a.otherCausesToConsider[0]?.id).toBe('acute-inflammatory-neuropathy');
  });

  it('marked asymmetry prompts mononeuritis multiplex and entrapment / radiculopathy', () => {
    const ids = assess(normalWith((d) => (d.redFlags = { ...d.redFlags, markedAsymmetry: true }))).otherCausesToConsider.map((c) => c.id);
    expect(ids.slice(0, 2)).toEqual(['mononeuritis-multiplex', 'entrapment-radiculopathy']);
  });

  it('motor weakness prompts motor-predominant causes', () => {
    const ids = assess(normalWith((d) => (d.redFlags = { ...d.redFlags, motorWeakness: true }))).otherCausesToConsider.map((c) => c.id);
    expect(ids[0]).toBe('motor-predominant');
  });

  it('a hot swollen foot is active disease with a Charcot / ischaemia warning, not a red flag', () => {
    const a = assess(normalWith((d) => (d.feet.left.hotSwollen = true)));
    expect([a.redFlag, a.iwgdf2023.category, a.nice.category]).toEqual([false, 'urgent', 'active']);
    expect(a.iwgdf2023.because[0]?.findings).toEqual(['feet.left.hotSwollen']);
    expect(a.warnings.find((w) => w.id === 'hot-swollen-foot')?.message).toContain('acute Charcot');
  });

  it('red flags not recorded are listed', () => {
    const a = assess(normalWith((d) => delete d.redFlags));
    expect(a.redFlag).toBe(false);
    expect(a.redFlags.notRecorded).toEqual(['suddenOnset', 'rapidSpread', 'markedAsymmetry', 'motorWeakness']);
    expect(a.warnings.map((w) => w.id)).toContain('red-flags-not-recorded');
  });
});
