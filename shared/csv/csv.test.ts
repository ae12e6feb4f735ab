import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRow, parseCsv, utf8Bom } from './csv';

describe('CSV cells', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvCell('Smith, Anna')).toBe('"Smith, Anna"');
    expect(csvCell('He said "ouch"')).toBe('"He said ""ouch"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(' padded ')).toBe('" padded "');
  });
  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell('+1+1')).toBe("'+1+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
  });
  it('keeps numbers, booleans and empties as data', () => {
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(0.72)).toBe('0.72');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });
  it('round-trips through the parser, accents and BOM included', () => {
    const rows = [
      ['Żak', 'Łucja', '1956-07-03'],
      ['Ní Bhriain, Zoë', 'He said "hi"', 'a\r\nb'],
    ];
    const text = utf8Bom + rows.map(csvRow).join('');
    expect(parseCsv(text)).toEqual(rows);
  });
});

describe('CSV cells: any text a patient record can hold (property)', () => {
  // Printable text with the characters that matter to CSV and spreadsheets over-represented.
  const tricky = fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '\r\n', '"', ',', ' ', "'", 'Ż', 'ë', '€', '😀');
  const text = fc.array(fc.oneof(tricky, fc.string({ maxLength: 4 })), { maxLength: 12 }).map((parts) => parts.join(''));

  it('round-trips every row through the parser, with formula starts neutralised and nothing else changed', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 6 }), (row) => {
        const [parsed] = parseCsv(utf8Bom + csvRow(row));
        const expected = row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell));
        expect(parsed).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never lets a cell start with a formula character unless it is quoted after an apostrophe', () => {
    fc.assert(
      fc.property(text, (cell) => {
        const written = csvCell(cell);
        const unquoted = written.startsWith('"') ? written.slice(1) : written;
        expect(/^[=+\-@\t\r]/.test(unquoted)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
