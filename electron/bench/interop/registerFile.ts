import fs from 'node:fs';
import { mod11CheckDigit } from '#shared/domain/nationalNumber';
import { csvRow } from '#shared/csv/csv';
import { seededRandom, syntheticPatient } from '../../services/demo/syntheticPatients';

export const registerHeader = [
  'NHS Number', 'Patient ID', 'Title', 'Surname', 'Forename', 'Date of Birth', 'Sex', 'Address Line 1', 'Address Line 2',
  'Town', 'Postcode', 'Telephone', 'Mobile', 'Practice Code', 'Diabetes Type', 'Year of Diagnosis', 'Main Language',
];

/** A valid NHS number for an index (the 9-digit base is spread so numbers look varied). */
export function syntheticNhsNumber(index: number): string {
  for (let base = 400_000_000 + index * 7; ; base += 1) {
    const nine = String(base);
    const check = mod11CheckDigit(nine);
    if (check !== null) return `${nine.slice(0, 3)} ${nine.slice(3, 6)} ${nine.slice(6)}${check}`;
  }
}

/**
 * A GP-style register export of `n` synthetic patients (UTF-8 with BOM, CRLF, dd/mm/yyyy), with
 * NHS numbers that pass their check digit, written in pieces so generating it stays small too.
 */
export function writeRegisterFile(file: string, n: number, seed = 16): void {
  const random = seededRandom(seed);
  const thisYear = 2026;
  const fd = fs.openSync(file, 'w');
  try {
    let chunk = `\uFEFF${csvRow(registerHeader)}`;
    for (let i = 1; i <= n; i++) {
      const p = syntheticPatient(i, random, thisYear);
      const [y, m, d] = p.dateOfBirth.split('-');
      const nhs = syntheticNhsNumber(i * 13);
      chunk += csvRow([
        nhs, p.clinicIdentifier, p.sex === 'female' ? 'Mrs' : 'Mr', p.familyName, p.givenNames, `${d}/${m}/${y}`, p.sex === 'female' ? 'F' : 'M',
        `${1 + (i % 200)} ${['High Street', 'Church Lane', 'Mill Road', 'Station Road'][i % 4]}`, i % 3 === 0 ? 'Flat 2' : '',
        ['Leeds', 'Hull', 'York', 'Bradford'][i % 4], `LS${1 + (i % 28)} ${i % 10}AB`, p.phone ?? '', `07700 ${String(900000 + (i % 1000)).padStart(6, '0')}`,
        `B8${String(6000 + (i % 300))}`, p.diabetesType === 'type1' ? 'Type 1' : 'Type 2', p.diagnosisYear ?? '', p.preferredLanguage ?? '',
      ]);
      if (chunk.length > 1_000_000) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
}
