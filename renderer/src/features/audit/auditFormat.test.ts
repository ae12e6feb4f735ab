import { describe, expect, it } from 'vitest';
import { formatDetails } from './auditFormat';

describe('audit entries in sentences', () => {
  it('names changed fields in the clinic’s words', () => {
    expect(formatDetails({ fields: ['familyName', 'phone', 'addressLine1', 'addressLine2', 'postcode'] })).toBe('Changed: family name, phone, address and postcode.');
    expect(formatDetails({ fields: ['clinicPhone', 'emergencyNumber'] })).toBe('Changed: clinic phone and emergency number.');
    expect(formatDetails({ fields: [] })).toBe('Nothing changed.');
  });

  it('leaves out what was never recorded instead of printing null', () => {
    const text = formatDetails({ dataset: 'patients', rows: 12, from: null, to: null });
    expect(text).toBe('Data: patients. Rows: 12.');
    expect(text).not.toMatch(/null/);
  });

  it('keeps rule-set identifiers out of the sentence', () => {
    const text = formatDetails({ patientId: 3, version: 1, iwgdf2023: '2', nice: 'moderate', ruleSets: ['iwgdf2023-risk@2.0.0', 'nice-ng19@2.0.0'] });
    expect(text).toBe('Patient record: 3. Version: 1. IWGDF 2023 category: 2. NICE NG19 category: moderate.');
    expect(text).not.toMatch(/@/);
  });

  it('says a recorded contact in words: its kind, its date and no identifiers', () => {
    const text = formatDetails({ contactId: 1, kind: 'no_answer', contactedOn: '2026-11-27', note: false });
    expect(text).toMatch(/^Contact record: 1\. Kind: [^.]*no answer\. Contacted on: .*2026\. With a note: no\.$/);
    expect(text).not.toMatch(/contactId|no_answer|2026-11-27/);
  });

  it('turns a code this screen has no words for yet into words rather than showing it raw', () => {
    expect(formatDetails({ newSetting: 'needsHelp' })).toBe('New setting: needs help.');
    expect(formatDetails({ at: '2026-03-01T10:00:00.000Z' })).not.toContain('T10:00');
  });
});
