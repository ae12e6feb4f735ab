/**
 * CSV as spreadsheet programs read it: RFC 4180 quoting, CRLF line ends, and text cells that a
 * spreadsheet would run as a formula neutralised (OWASP "CSV injection").
 */

/** A UTF-8 byte order mark, so Excel opens accented names ("Żak", "Öztürk") correctly. */
export const utf8Bom = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

/** Characters that make a spreadsheet treat a cell as a formula (or DDE command). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One cell. Numbers stay numbers (a negative number is data, not a formula); text that starts
 * with = + - @ tab or CR gets a leading apostrophe, which spreadsheets show as text. Quotes,
 * commas and line breaks are quoted per RFC 4180.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/** Reads CSV text back (RFC 4180), for tests and round trips. */
export function parseCsv(text: string): string[][] {
  const input = text.startsWith(utf8Bom) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && input[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}
