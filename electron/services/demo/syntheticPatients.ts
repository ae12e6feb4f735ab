import { syntheticNhsNumber } from '#shared/domain/nationalNumber';
import { noPatientContacts, type PatientInput } from '#shared/domain/patient';
import { toIsoDate } from '#shared/text/dates';

/**
 * Clearly synthetic patients for demos and benchmarks: identifiers start with `DEMO-`, notes say
 * so, and names are drawn from mixed lists (with accents, so search folding is exercised).
 * Deterministic for a given seed.
 */
const familyNames = [
  'Smith', 'Jones', 'Williams', 'Taylor', 'Brown', 'Davies', 'Evans', 'Wilson', 'Thomas', 'Johnson',
  'Roberts', 'Robinson', 'Thompson', 'Wright', 'Walker', 'White', 'Edwards', 'Hughes', 'Green', 'Hall',
  "O'Brien", 'Ní Bhriain', 'Öztürk', 'Żak', 'Nowak', 'Kowalski', 'Müller', 'Schröder', 'García', 'Martínez',
  'Núñez', 'Dubois', 'Lefèvre', 'Rossi', 'Esposito', 'Patel', 'Shah', 'Khan', 'Singh', 'Begum',
  'Nguyen', 'Tran', 'Kim', 'Park', 'Chen', 'Wang', 'Okafor', 'Adeyemi', 'Mensah', 'Haddad',
  'Smith-Jones', 'MacDonald', 'McCarthy', 'Fitzgerald', 'Byrne', 'Murphy', 'Kelly', 'Walsh', 'Ryan', 'Doyle',
  'Andersson', 'Johansson', 'Hansen', 'Jensen', 'Larsen', 'Virtanen', 'Novák', 'Horváth', 'Popescu', 'Ivanova',
];
const givenNames = [
  'Anna', 'James', 'Mary', 'John', 'Zoë', 'Jürgen', 'Łucja', 'Seán', 'Siobhán', 'Aoife',
  'Mohammed', 'Fatima', 'Priya', 'Arjun', 'Wei', 'Mei', 'Chidi', 'Amara', 'Kwame', 'Yasmin',
  'Olivia', 'Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Noah', 'Emily', 'Jack',
  'Margaret', 'David', 'Elizabeth', 'Robert', 'Patricia', 'Michael', 'Barbara', 'William', 'Susan', 'Richard',
  'Ingrid', 'Lars', 'Søren', 'Åsa', 'Björn', 'Élodie', 'François', 'Inès', 'José', 'María',
];
const languages = ['English', 'Welsh', 'Polish', 'Urdu', 'Punjabi', 'Bengali', 'Gujarati', 'Turkish', 'Irish', 'Romanian'];

/** Small fast PRNG (mulberry32): the same seed always gives the same clinic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

export function syntheticPatient(index: number, random: () => number, thisYear: number): PatientInput {
  const birthYear = thisYear - 25 - Math.floor(random() * 65);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const type2 = random() < 0.88;
  const diagnosisYear = Math.min(thisYear, birthYear + (type2 ? 35 : 8) + Math.floor(random() * 15));
  const given = random() < 0.15 ? `${pick(random, givenNames)} ${pick(random, givenNames)}` : pick(random, givenNames);
  return {
    familyName: pick(random, familyNames),
    givenNames: given,
    dateOfBirth: toIsoDate(birthYear, month, day),
    sex: random() < 0.5 ? 'female' : 'male',
    clinicIdentifier: `DEMO-${String(index).padStart(6, '0')}`,
    nationalNumber: random() < 0.7 ? syntheticNhsNumber(index) : null,
    diabetesType: type2 ? 'type2' : 'type1',
    diagnosisYear,
    phone: random() < 0.8 ? `01632 ${String(Math.floor(random() * 1_000_000)).padStart(6, '0')}` : null,
    preferredLanguage: random() < 0.8 ? 'English' : pick(random, languages),
    ...noPatientContacts,
    notes: 'Synthetic demo patient: not a real person.',
  };
}
