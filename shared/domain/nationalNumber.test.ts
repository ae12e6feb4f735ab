import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkNationalNumber,
  chiBirthDate,
  syntheticNhsNumber,
  chiMatchesDateOfBirth,
  displayNationalNumber,
  mod11CheckDigit,
  nationalNumberFormats,
  nationalNumberFormatTable,
  normaliseNationalNumber,
} from './nationalNumber';

/** Independent implementation of the NHS Data Dictionary's steps, to check ours against. */
function referenceCheckDigit(nine: string): number | null {
  const weights = [10, 9, 8, 7, 6, 5, 4, 3, 2];
  const total = weights.reduce((sum, w, i) => sum + w * Number(nine.charAt(i)), 0);
  const check = 11 - (total % 11);
  return check === 11 ? 0 : check === 10 ? null : check;
}

const nineDigits = fc.stringMatching(/^\d{9}$/);
/** Ten-digit numbers whose check digit is right (nine digits whose check digit is not 10). */
const validTen = nineDigits
  .map((nine) => ({ nine, check: referenceCheckDigit(nine) }))
  .filter((x) => x.check !== null && !/^(\d)\1{8}$/.test(x.nine))
  .map(({ nine, check }) => `${nine}${String(check)}`);

describe('normalising a typed national number', () => {
  it('removes spaces and every kind of dash, so each way of typing gives one stored number', () => {
    for (const typed of ['943 476 5919', '943-476-5919', ' 9434765919 ', '943\u00a0476\u20135919', '943 – 476 – 5919', '943\u2212476\u22125919']) {
      expect(normaliseNationalNumber(typed)).toBe('9434765919');
    }
  });
  it('keeps letters (other countries) in capitals', () => {
    expect(normaliseNationalNumber('ab 12-cd')).toBe('AB12CD');
  });
});

describe('NHS number (England, Wales, Isle of Man)', () => {
  it('accepts known valid numbers however they are typed', () => {
    for (const typed of ['943 476 5919', '9434765919', '943-476-5919', '401 023 2137', '485 777 3457']) {
      const result = checkNationalNumber(typed, 'nhs');
      expect(result).toEqual({ ok: true, value: normaliseNationalNumber(typed), display: displayNationalNumber(normaliseNationalNumber(typed), 'nhs') });
    }
    expect(checkNationalNumber('9434765919', 'nhs')).toEqual({ ok: true, value: '9434765919', display: '943 476 5919' });
  });
  it('refuses a wrong check digit with the number as typed and the reason', () => {
    expect(checkNationalNumber('943 476 5910', 'nhs')).toEqual({
      ok: false,
      problem: 'check_digit',
      message: '943 476 5910 is not a valid NHS number: its check digit does not match',
    });
  });
  it('refuses nine digits whose check digit would be 10 (no such NHS number exists)', () => {
    expect(mod11CheckDigit('123456789')).toBeNull();
    for (let last = 0; last <= 9; last++) {
      const r = checkNationalNumber(`123456789${last}`, 'nhs');
      expect(r.ok).toBe(false);
    }
  });
  it('refuses wrong lengths, letters, blanks and repeated-digit placeholders with their own messages', () => {
    expect(checkNationalNumber('943 476 591', 'nhs')).toMatchObject({ problem: 'length', message: '943 476 591 is not a valid NHS number: it has 9 digits instead of 10' });
    expect(checkNationalNumber('94347659190', 'nhs')).toMatchObject({ problem: 'length', message: expect.stringContaining('11 digits') });
    expect(checkNationalNumber('943 476 591O', 'nhs')).toMatchObject({ problem: 'characters', message: '943 476 591O is not a valid NHS number: it can only contain digits' });
    expect(checkNationalNumber('   ', 'nhs')).toMatchObject({ problem: 'empty', message: 'Enter the NHS number' });
    expect(checkNationalNumber('000 000 0000', 'nhs')).toMatchObject({ problem: 'placeholder' });
    expect(checkNationalNumber('1111111111', 'nhs')).toMatchObject({ problem: 'placeholder' });
  });
  it('computes the same check digit as the Data Dictionary steps for any nine digits', () => {
    fc.assert(fc.property(nineDigits, (nine) => mod11CheckDigit(nine) === referenceCheckDigit(nine)), { numRuns: 2000 });
  });
  it('accepts a number exactly when its check digit is right', () => {
    fc.assert(
      fc.property(nineDigits, fc.integer({ min: 0, max: 9 }), (nine, last) => {
        fc.pre(!/^(\d)\1{8}$/.test(nine) || String(last) !== nine.charAt(0));
        const result = checkNationalNumber(`${nine}${last}`, 'nhs');
        return result.ok === (referenceCheckDigit(nine) === last);
      }),
      { numRuns: 2000 },
    );
  });
  it('catches every single mistyped digit of a valid number', () => {
    fc.assert(
      fc.property(validTen, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (number, position, shift) => {
        const digit = (Number(number.charAt(position)) + shift) % 10;
        const typo = `${number.slice(0, position)}${digit}${number.slice(position + 1)}`;
        return !checkNationalNumber(typo, 'nhs').ok;
      }),
      { numRuns: 2000 },
    );
  });
  it('catches every swap of two different neighbouring digits', () => {
    fc.assert(
      fc.property(validTen, fc.integer({ min: 0, max: 8 }), (number, i) => {
        fc.pre(number.charAt(i) !== number.charAt(i + 1));
        const swapped = `${number.slice(0, i)}${number.charAt(i + 1)}${number.charAt(i)}${number.slice(i + 2)}`;
        return !checkNationalNumber(swapped, 'nhs').ok;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('CHI number (Scotland)', () => {
  it('accepts a valid CHI number and shows it as date of birth then four digits', () => {
    // Public Health Scotland's phsmethods documents 0101011237 as a valid CHI number.
    expect(checkNationalNumber('0101011237', 'chi')).toEqual({ ok: true, value: '0101011237', display: '010101 1237' });
    expect(checkNationalNumber('010101-1237', 'chi').ok).toBe(true);
  });
  it('refuses a first six digits that are not a date, before looking at the check digit', () => {
    expect(checkNationalNumber('3213201234', 'chi')).toMatchObject({ problem: 'date', message: '3213201234 is not a valid CHI number: its first six digits are not a date of birth (DDMMYY)' });
    expect(checkNationalNumber('3002501230', 'chi')).toMatchObject({ problem: 'date' });
    expect(chiBirthDate('2902001234')).toEqual({ day: 29, month: 2, yy: 0 });
  });
  it('refuses a wrong check digit with the same modulus 11 rule', () => {
    expect(checkNationalNumber('0101201234', 'chi')).toMatchObject({ problem: 'check_digit', message: '0101201234 is not a valid CHI number: its check digit does not match' });
  });
  it('tells whether the number starts with the date of birth', () => {
    expect(chiMatchesDateOfBirth('0101011237', '1901-01-01')).toBe(true);
    expect(chiMatchesDateOfBirth('0101011237', '2001-01-01')).toBe(true);
    expect(chiMatchesDateOfBirth('0101011237', '2001-01-02')).toBe(false);
    expect(chiMatchesDateOfBirth('0101011237', 'not a date')).toBe(false);
  });
});

describe('Health and Care number (Northern Ireland)', () => {
  it('accepts a number from the Northern Ireland range with a right check digit', () => {
    expect(checkNationalNumber('320 000 0015', 'hcn')).toEqual({ ok: true, value: '3200000015', display: '320 000 0015' });
    expect(checkNationalNumber('3999999993', 'hcn').ok).toBe(true);
  });
  it('refuses numbers outside the range even when their check digit is right', () => {
    expect(checkNationalNumber('943 476 5919', 'hcn')).toMatchObject({ problem: 'range', message: '943 476 5919 is not a valid Health and Care number: Health and Care numbers start with 320 to 399' });
    expect(checkNationalNumber('3200000000', 'hcn')).toMatchObject({ problem: 'range' });
  });
  it('refuses a wrong check digit', () => {
    expect(checkNationalNumber('3200000016', 'hcn')).toMatchObject({ problem: 'check_digit' });
  });
});

describe('other countries (no check)', () => {
  it('stores what was typed without separators and checks only length and characters', () => {
    expect(checkNationalNumber('AB 123-456 c', 'other')).toEqual({ ok: true, value: 'AB123456C', display: 'AB123456C' });
    expect(checkNationalNumber('943 476 5910', 'other').ok).toBe(true);
    expect(checkNationalNumber('x'.repeat(41), 'other')).toMatchObject({ problem: 'length' });
    expect(checkNationalNumber('12;DROP', 'other')).toMatchObject({ problem: 'characters' });
  });
});

describe('the table of formats', () => {
  it('has a label, region and source for every format, and every example passes its own check', () => {
    for (const format of nationalNumberFormats) {
      const info = nationalNumberFormatTable[format];
      expect(info.id).toBe(format);
      expect(info.label.length).toBeGreaterThan(0);
      expect(info.source.length).toBeGreaterThan(0);
      if (info.example !== null) expect(checkNationalNumber(info.example, format)).toMatchObject({ ok: true, display: info.example });
    }
  });
});

describe('synthetic NHS numbers for demo data', () => {
  it('are in the never-issued 999 range and pass their check digit', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const n = syntheticNhsNumber(i);
      expect(n).toMatch(/^999 \d{3} \d{4}$/);
      expect(checkNationalNumber(n, 'nhs')).toMatchObject({ ok: true });
      seen.add(n);
    }
    expect(seen.size).toBeGreaterThan(1500);
  });
});
