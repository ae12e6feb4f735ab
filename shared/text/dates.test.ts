import { describe, expect, it } from 'vitest';
import { addMonths, ageInYears, isIsoDate, parseTypedDate } from './dates';

describe('parseTypedDate', () => {
  const today = '2026-11-25';
  it('reads ISO dates whatever the order', () => {
    expect(parseTypedDate('1956-07-03', 'dmy', today)).toBe('1956-07-03');
    expect(parseTypedDate('1956-07-03', 'mdy', today)).toBe('1956-07-03');
  });
  it('reads 03/07/1956 as 3 July with day/month order and 7 March with month/day order', () => {
    expect(parseTypedDate('03/07/1956', 'dmy', today)).toBe('1956-07-03');
    expect(parseTypedDate('03/07/1956', 'mdy', today)).toBe('1956-03-07');
  });
  it('accepts dots, dashes and single digits', () => {
    expect(parseTypedDate('3.7.1956', 'dmy', today)).toBe('1956-07-03');
    expect(parseTypedDate('3-7-1956', 'dmy', today)).toBe('1956-07-03');
  });
  it('takes two-digit years as the latest year not after today', () => {
    expect(parseTypedDate('03/07/56', 'dmy', today)).toBe('1956-07-03');
    expect(parseTypedDate('03/07/05', 'dmy', today)).toBe('2005-07-03');
    expect(parseTypedDate('03/07/26', 'dmy', today)).toBe('2026-07-03');
    expect(parseTypedDate('03/07/27', 'dmy', today)).toBe('1927-07-03');
  });
  it('refuses impossible dates and non-dates', () => {
    expect(parseTypedDate('31/02/1956', 'dmy', today)).toBeNull();
    expect(parseTypedDate('1956-13-01', 'dmy', today)).toBeNull();
    expect(parseTypedDate('smith', 'dmy', today)).toBeNull();
    expect(parseTypedDate('12345', 'dmy', today)).toBeNull();
  });
});

describe('calendar arithmetic', () => {
  it('validates ISO dates including leap years', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
  });
  it('counts whole years of age', () => {
    expect(ageInYears('1956-07-03', '2026-07-02')).toBe(69);
    expect(ageInYears('1956-07-03', '2026-07-03')).toBe(70);
  });
  it('adds months, clamping to the end of short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-25', 12)).toBe('2027-11-25');
    expect(addMonths('2026-11-25', 3)).toBe('2027-02-25');
  });
});
