import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangePatient } from '#shared/interop/exchangePatient';
import { collectImport } from './collectImport';
import { readRegisterCsv, sniffDelimiter, type RegisterCsvOptions } from './readRegisterCsv';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'register-csv-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let fileNumber = 0;
function file(content: string | Buffer): string {
  fileNumber += 1;
  const p = path.join(dir, `register-${fileNumber}.csv`);
  fs.writeFileSync(p, content);
  return p;
}

const options: RegisterCsvOptions = { dateOrder: 'dmy', nationalNumberFormat: 'nhs', today: '2026-01-15' };

async function read(content: string | Buffer, extra: Partial<RegisterCsvOptions> = {}) {
  return collectImport(readRegisterCsv(file(content), { ...options, ...extra }));
}

function patient(overrides: Partial<ExchangePatient>): ExchangePatient {
  return {
    familyName: '', givenNames: '', title: null, dateOfBirth: '', sex: 'unknown', nationalNumber: null, clinicIdentifier: null,
    diabetesType: 'unknown', diagnosisYear: null, phone: null, mobile: null, email: null, address: null, gpPractice: null,
    usualGp: null, preferredLanguage: null, interpreterNeeded: null, dateOfDeath: null, ...overrides,
  };
}

describe('a GP register export (UTF-8 with BOM, CRLF, quoted cells)', () => {
  const csv =
    '\uFEFFNHS Number,Title,Surname,Forename,Date of Birth,Sex,Address Line 1,Address Line 2,Town,Postcode,Telephone,Mobile,Patient ID,Practice Code,Diabetes Type,Year of Diagnosis,Interpreter Required,Main Language\r\n' +
    '943 476 5919,Mrs,Żak,Łucja,03/07/1956,F,"12 High Street, Flat 2",Old Town,Leeds,ls11ab,0113 496 0000,+44 7700 900123,H123 456,B86001,Type 2,2009,N,Polish\r\n' +
    '401-023-2137,,Öztürk,Zoë,1949-12-31,Male,,,,,,,H222,,T1DM,,yes,\r\n';

  it('gives each row as it would be stored', async () => {
    const result = await read(csv);
    expect(result.failed).toBeNull();
    expect(result.start).toMatchObject({ encoding: 'utf-8', delimiter: ',', unmatched: [] });
    expect(result.refused).toEqual([]);
    expect(result.patients).toEqual([
      {
        at: 2,
        where: 'row 2',
        lastUpdated: null,
        patient: patient({
          familyName: 'Żak', givenNames: 'Łucja', title: 'Mrs', dateOfBirth: '1956-07-03', sex: 'female', nationalNumber: '9434765919',
          clinicIdentifier: 'H123456', diabetesType: 'type2', diagnosisYear: 2009, phone: '0113 496 0000', mobile: '+44 7700 900123',
          address: { lines: ['12 High Street, Flat 2', 'Old Town'], city: 'Leeds', district: null, postcode: 'LS1 1AB' },
          gpPractice: { name: null, code: 'B86001' }, interpreterNeeded: false, preferredLanguage: 'Polish',
        }),
      },
      {
        at: 3,
        where: 'row 3',
        lastUpdated: null,
        patient: patient({
          familyName: 'Öztürk', givenNames: 'Zoë', dateOfBirth: '1949-12-31', sex: 'male', nationalNumber: '4010232137',
          clinicIdentifier: 'H222', diabetesType: 'type1', interpreterNeeded: true,
        }),
      },
    ]);
  });
});

describe('header variants', () => {
  it('matches other systems’ names for the same columns, with semicolons and a bracketed note', async () => {
    const csv =
      'Hospital number;Family name;Given name;Middle names;DOB (dd/mm/yyyy);Gender;Phone;Email;GP Practice;Usual GP;Address;Post code\n' +
      'RX1-0001;Brown;Amy;Jane;1/2/1960;female;01632 960001;amy@example.org;Riverside Surgery;Dr Patel;"1 Mill Lane, Hull";HU1 2AB\n';
    const result = await read(csv);
    expect(result.start).toMatchObject({ delimiter: ';' });
    // "Post code" is a known variant only without its space? headerKey removes spaces, so it matches.
    expect(result.patients[0]?.patient).toEqual(
      patient({
        familyName: 'Brown', givenNames: 'Amy Jane', dateOfBirth: '1960-02-01', sex: 'female', clinicIdentifier: 'RX1-0001',
        phone: '01632 960001', email: 'amy@example.org', gpPractice: { name: 'Riverside Surgery', code: null }, usualGp: 'Dr Patel',
        address: { lines: ['1 Mill Lane', 'Hull'], city: null, district: null, postcode: 'HU1 2AB' },
      }),
    );
  });

  it('reads a "FAMILY, Given" name column and refuses a name it cannot split', async () => {
    const csv = 'Patient Name,DOB,NHS No\n"SMITH, John",01/01/1950,9434765919\nJohn Smith,01/01/1950,4010232137\n';
    const result = await read(csv);
    expect(result.patients.map((p) => [p.patient.familyName, p.patient.givenNames])).toEqual([['SMITH', 'John']]);
    expect(result.refused).toEqual([
      { at: 3, where: 'row 3', label: null, reasons: ['Name “John Smith” cannot be split into family and given names: write it as "FAMILY, Given" or use separate columns'] },
    ]);
  });

  it('lets the mapping screen choose a column the guess missed, and drop one it took', async () => {
    const csv = 'Last,Forename,Date of Birth,NHS Number,Telephone\nJones,Ann,02/03/1970,9434765919,0113 000\n';
    const unmapped = await read(csv);
    expect(unmapped.failed?.message).toMatch(/^No column for the family and given names/);
    expect(unmapped.failed?.message).toContain('Columns in the file: "Last", "Forename"');
    const mapped = await read(csv, { columns: { familyName: 0, phone: null } });
    expect(mapped.failed).toBeNull();
    expect(mapped.patients[0]?.patient).toMatchObject({ familyName: 'Jones', givenNames: 'Ann', phone: null });
    expect(mapped.start?.unmatched).toEqual([{ column: 4, header: 'Telephone' }]);
  });
});

describe('refused rows: the reason and the row number a spreadsheet shows', () => {
  const header = 'NHS Number,Surname,Forename,Date of Birth,Sex,Patient ID,Address\n';
  const csv =
    header +
    '9434765919,Able,Ann,03/07/1956,F,P1,\n' + // row 2: fine
    '4010232137,Baker,Bob,31/02/1956,M,P2,\n' + // row 3: impossible date
    '9434765910,Clark,Cat,01/01/1960,F,P3,\n' + // row 4: check digit
    '\n' + // row 5: blank, skipped but counted
    '943 476 5919,Dunn,Dan,01/01/1961,M,P4,\n' + // row 6: NHS number of row 2
    '4857773457,Eve,Eva,01/01/1962,F,p1,\n' + // row 7: patient ID of row 2 (case differs)
    '3200000015,"=HYPERLINK(""http://x"")",Fay,01/01/1963,F,P6,\n' + // row 8: formula
    '6541230986,Gale,Gus,01/01/1964,Q,P7,"1 Road\nTown"\n' + // row 9: unknown sex; the address spans two lines
    '1234567882,Hill,Hal,01/01/2030,M,P8,\n' + // row 10: future date of birth and a bad number
    '4010232137,Ives,Ian,01/01/1965,M,P9,2 Lane,extra\n' + // row 11: an unquoted comma
    ',Jay,Jo,01/01/1966,F,,\n' + // row 12: no identifier
    "'=cmd,Kay,Kim,01/01/1967,F,P10,\n"; // row 13: our own export's neutralised formula is still refused

  it('lists every refused row with its reasons, and keeps the rest', async () => {
    const result = await read(csv);
    expect(result.failed).toBeNull();
    expect(result.patients.map((p) => [p.at, p.patient.familyName])).toEqual([[2, 'Able']]);
    expect(result.refused).toEqual([
      { at: 3, where: 'row 3', label: 'BAKER, Bob', reasons: ['Date of birth “31/02/1956” is not a real date (read as day/month/year)'] },
      { at: 4, where: 'row 4', label: 'CLARK, Cat', reasons: ['9434765910 is not a valid NHS number: its check digit does not match'] },
      { at: 6, where: 'row 6', label: 'DUNN, Dan', reasons: ['NHS number 943 476 5919 is already used by row 2'] },
      { at: 7, where: 'row 7', label: 'EVE, Eva', reasons: ['Patient ID p1 is already used by row 2'] },
      {
        at: 8,
        where: 'row 8',
        label: 'Fay',
        reasons: ['Family name looks like a spreadsheet formula (“=HYPERLINK("http://x")”); it was not imported'],
      },
      { at: 9, where: 'row 9', label: 'GALE, Gus', reasons: ['Sex “Q” is not recognised: use Female, Male, Other or Unknown'] },
      {
        at: 10,
        where: 'row 10',
        label: 'HILL, Hal',
        reasons: ['Date of birth “01/01/2030” is in the future', '1234567882 is not a valid NHS number: its check digit does not match'],
      },
      { at: 11, where: 'row 11', label: 'IVES, Ian', reasons: ['The row has 8 cells but the header has 7: is there a comma inside a cell without quotes?'] },
      { at: 12, where: 'row 12', label: 'JAY, Jo', reasons: ['No NHS number and no patient ID: the row cannot be matched to a patient'] },
      { at: 13, where: 'row 13', label: 'KAY, Kim', reasons: ['National number (NHS / CHI / H&C) looks like a spreadsheet formula (“=cmd”); it was not imported'] },
    ]);
  });
});

describe('date order', () => {
  const csv = 'NHS Number,Surname,Forename,Date of Birth\n9434765919,Able,Ann,03/07/1956\n4010232137,Baker,Bob,1956/07/03\n';
  it('reads 03/07/1956 as 3 July with dmy and 7 March with mdy; ymd reads 1956/07/03', async () => {
    expect((await read(csv, { dateOrder: 'dmy' })).patients.map((p) => p.patient.dateOfBirth)).toEqual(['1956-07-03']);
    expect((await read(csv, { dateOrder: 'mdy' })).patients.map((p) => p.patient.dateOfBirth)).toEqual(['1956-03-07']);
    const ymd = await read(csv, { dateOrder: 'ymd' });
    expect(ymd.patients.map((p) => p.patient.dateOfBirth)).toEqual(['1956-07-03']);
    expect(ymd.refused[0]?.reasons).toEqual(['Date of birth “03/07/1956” is not a real date (read as year/month/day)']);
  });
  it('reads the forms exports use: month names, times after the date, two-digit years, no separators', async () => {
    const forms = ['03-Jul-1956', '3 July 1956', 'Jul 3, 1956', '03/07/1956 00:00', '1956-07-03T00:00:00Z', '03/07/56', '03071956', '3rd July 1956'];
    const lines = forms.map((f, i) => `P${i},Able,Ann,"${f}"`).join('\n');
    const result = await read(`Patient ID,Surname,Forename,DOB\n${lines}\n`);
    expect(result.refused).toEqual([]);
    expect(result.patients.map((p) => p.patient.dateOfBirth)).toEqual(forms.map(() => '1956-07-03'));
  });
});

describe('encodings', () => {
  const text = 'NHS Number,Surname,Forename,Date of Birth\r\n9434765919,Öztürk,Zoë “Zo”,03/07/1956\r\n';
  const expected = { familyName: 'Öztürk', givenNames: 'Zoë “Zo”' };

  it('reads UTF-8 without a byte order mark', async () => {
    const result = await read(Buffer.from(text, 'utf8'));
    expect(result.start?.encoding).toBe('utf-8');
    expect(result.patients[0]?.patient).toMatchObject(expected);
  });
  it('recognises Windows-1252 (old Excel "CSV") and reads its accents and curly quotes', async () => {
    // Encode by hand: Ö=0xD6 ü=0xFC ë=0xEB “=0x93 ”=0x94 in Windows-1252.
    const map: Record<string, number> = { Ö: 0xd6, ü: 0xfc, ë: 0xeb, '“': 0x93, '”': 0x94 };
    const cp1252 = Buffer.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
    const result = await read(cp1252);
    expect(result.start).toMatchObject({ encoding: 'windows-1252', encodingLabel: 'Windows-1252 (Western European)' });
    expect(result.patients[0]?.patient).toMatchObject(expected);
  });
  it('reads Excel "Unicode text" (UTF-16 with a byte order mark, tab-separated)', async () => {
    const tabbed = text.replace(/,/g, '\t');
    const result = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, 'utf16le')]));
    expect(result.start).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(result.patients[0]?.patient).toMatchObject(expected);
  });
  it('refuses a workbook, a binary file and bytes that are no known text, saying what to do', async () => {
    expect((await read(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).failed?.message).toMatch(/^This is an Excel workbook \(\.xlsx\), not a CSV file\. In Excel choose File > Save As/);
    expect((await read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]))).failed?.message).toMatch(/old Excel workbook/);
    expect((await read(Buffer.from('a,b\u0000c', 'utf8'))).failed?.message).toMatch(/zero bytes/);
    expect((await read(Buffer.from([0x61, 0x2c, 0x81, 0xff, 0x0a]))).failed?.message).toMatch(/neither UTF-8 nor Windows-1252/);
  });
});

describe('files refused as a whole', () => {
  it('stops at a quote that is never closed, naming the row', async () => {
    const csv = 'NHS Number,Surname,Forename,Date of Birth\n9434765919,Able,Ann,03/07/1956\n4010232137,"Baker,Bob,01/01/1950\n';
    const result = await read(csv);
    expect(result.failed).toEqual({ at: 3, message: 'Row 3: a quoted cell is never closed (a missing " ), so the rest of the file cannot be read.' });
  });
  it('refuses a quote in the middle of a cell', async () => {
    const result = await read('NHS Number,Surname,Forename,Date of Birth\n9434765919,Ab"le,Ann,03/07/1956\n');
    expect(result.failed).toMatchObject({ at: 2, message: expect.stringMatching(/^Row 2: a quote/) });
  });
  it('refuses a file over the size limit before reading it, and stops after the row limit', async () => {
    const csv = `NHS Number,Surname,Forename,Date of Birth\n${'9434765919,Able,Ann,03/07/1956\n'.repeat(5)}`;
    expect((await read(csv, { limits: { maxBytes: 100 } })).failed?.message).toMatch(/^The file is 1[0-9]{2} bytes; a register can be at most 100 bytes\. Export it in parts/);
    const limited = await read(csv, { limits: { maxRows: 3 } });
    expect(limited.failed).toEqual({ at: 5, message: 'The file has more than 3 patients; import it in parts.' });
  });
  it('refuses an endless row (a quote never closed in a huge file) without holding it all', async () => {
    const csv = `NHS Number,Surname,Forename,Date of Birth\n9434765919,"${'x'.repeat(5000)}`;
    const result = await read(csv, { limits: { maxRowChars: 1000 } });
    expect(result.failed?.message).toMatch(/^Row 2 is longer than 1,000 characters/);
  });
  it('refuses an empty file and a file with only a header says nothing is wrong', async () => {
    expect((await read('')).failed?.message).toBe('The file is empty.');
    const onlyHeader = await read('NHS Number,Surname,Forename,Date of Birth\n');
    expect(onlyHeader.failed).toBeNull();
    expect(onlyHeader.rows).toBe(0);
  });
  it('stops when cancelled and says nothing was kept', async () => {
    const csv = `NHS Number,Surname,Forename,Date of Birth\n${'9434765919,Able,Ann,03/07/1956\n'.repeat(20_000)}`;
    const controller = new AbortController();
    const events = readRegisterCsv(file(csv), { ...options, signal: controller.signal, progressEvery: 100 });
    let seen = 0;
    let last: { kind: string; message?: string } | null = null;
    for await (const event of events) {
      seen += 1;
      if (seen === 50) controller.abort();
      last = event;
    }
    expect(last).toEqual({ kind: 'failed', message: 'The import was cancelled; nothing from the file was kept.', at: null });
    expect(seen).toBeLessThan(20_000);
  });
});

describe('delimiter sniffing', () => {
  it('counts only delimiters outside quotes on the header line', () => {
    expect(sniffDelimiter('"a,b,c";d;e\n1,2,3,4,5,6')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('single')).toBe(',');
  });
});
