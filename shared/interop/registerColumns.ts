/**
 * Which column of a register export holds what. GP and hospital systems name their columns
 * differently ("Surname", "Family name", "Last name"); each field lists the names in use, compared
 * without case, spaces, punctuation or a bracketed note ("Date of Birth (dd/mm/yyyy)"). The
 * mapping screen shows the guess and lets a person fix any column; the override wins.
 */

export const registerFields = [
  'nationalNumber',
  'clinicIdentifier',
  'familyName',
  'givenNames',
  'middleNames',
  'fullName',
  'title',
  'dateOfBirth',
  'sex',
  'address1',
  'address2',
  'address3',
  'address4',
  'address5',
  'address',
  'city',
  'district',
  'postcode',
  'phone',
  'mobile',
  'email',
  'gpPracticeName',
  'gpPracticeCode',
  'usualGp',
  'diabetesType',
  'diagnosisYear',
  'preferredLanguage',
  'interpreterNeeded',
  'dateOfDeath',
  'lastUpdated',
] as const;
export type RegisterField = (typeof registerFields)[number];

export interface RegisterFieldInfo {
  /** How the mapping screen names the field. */
  label: string;
  /** Header names that mean this field, already in the compared form (see `headerKey`). */
  headers: readonly string[];
}

export const registerFieldTable: Readonly<Record<RegisterField, RegisterFieldInfo>> = {
  nationalNumber: {
    label: 'National number (NHS / CHI / H&C)',
    headers: ['nhsnumber', 'nhsno', 'nhs', 'newnhsnumber', 'nhsnumbernew', 'chinumber', 'chi', 'chino', 'hcnumber', 'hcn', 'healthandcarenumber', 'healthcarenumber', 'nationalnumber', 'nationalid', 'nationalhealthnumber'],
  },
  clinicIdentifier: {
    label: 'Patient ID (clinic or hospital number)',
    headers: ['patientid', 'patientidentifier', 'patientno', 'patientnumber', 'hospitalnumber', 'hospitalno', 'hospno', 'hospitalid', 'mrn', 'medicalrecordnumber', 'crn', 'casenotenumber', 'casenoteno', 'localpatientid', 'localpatientidentifier', 'clinicidentifier', 'clinicid', 'unitnumber', 'emisnumber', 'emisno', 'systmoneid', 'id'],
  },
  familyName: { label: 'Family name', headers: ['surname', 'familyname', 'lastname', 'family', 'patientsurname', 'currentsurname'] },
  givenNames: { label: 'Given name(s)', headers: ['forename', 'forenames', 'givenname', 'givennames', 'firstname', 'firstnames', 'first', 'given', 'patientforename', 'christianname'] },
  middleNames: { label: 'Middle name(s)', headers: ['middlename', 'middlenames', 'otherforenames', 'otherforename', 'secondname', 'othernames'] },
  fullName: { label: 'Full name ("FAMILY, Given")', headers: ['name', 'fullname', 'patientname', 'patient'] },
  title: { label: 'Title', headers: ['title', 'prefix', 'nameprefix'] },
  dateOfBirth: { label: 'Date of birth', headers: ['dateofbirth', 'dob', 'birthdate', 'dateofbirthddmmyyyy', 'born', 'birthdt'] },
  sex: { label: 'Sex', headers: ['sex', 'gender', 'administrativegender', 'sexatbirth', 'statedgender'] },
  address1: { label: 'Address line 1', headers: ['address1', 'addressline1', 'addr1', 'address1st', 'houseno', 'housenumber', 'housenameornumber', 'street', 'streetaddress'] },
  address2: { label: 'Address line 2', headers: ['address2', 'addressline2', 'addr2', 'locality'] },
  address3: { label: 'Address line 3', headers: ['address3', 'addressline3', 'addr3'] },
  address4: { label: 'Address line 4', headers: ['address4', 'addressline4', 'addr4'] },
  address5: { label: 'Address line 5', headers: ['address5', 'addressline5', 'addr5'] },
  address: { label: 'Address (whole, lines separated by commas)', headers: ['address', 'fulladdress', 'homeaddress', 'postaladdress', 'usualaddress'] },
  city: { label: 'Town or city', headers: ['town', 'city', 'posttown', 'towncity', 'towncityname'] },
  district: { label: 'County', headers: ['county', 'district', 'region', 'state', 'province'] },
  postcode: { label: 'Postcode', headers: ['postcode', 'postalcode', 'zip', 'zipcode', 'postcodeofusualaddress'] },
  phone: { label: 'Telephone', headers: ['telephone', 'telephonenumber', 'phone', 'phonenumber', 'tel', 'telno', 'homephone', 'hometelephone', 'hometel', 'landline', 'daytimephone', 'contactnumber', 'contacttelephone'] },
  mobile: { label: 'Mobile', headers: ['mobile', 'mobilenumber', 'mobilephone', 'mobiletelephone', 'mobileno', 'mobiletel', 'cell', 'cellphone'] },
  email: { label: 'Email', headers: ['email', 'emailaddress', 'emailid'] },
  gpPracticeName: { label: 'GP practice', headers: ['gppractice', 'practice', 'practicename', 'gppracticename', 'registeredpractice', 'gpsurgery', 'surgery', 'registeredgppractice'] },
  gpPracticeCode: { label: 'GP practice code', headers: ['practicecode', 'gppracticecode', 'odscode', 'nationalpracticecode', 'registeredpracticecode', 'practiceodscode'] },
  usualGp: { label: 'Usual GP', headers: ['usualgp', 'gp', 'gpname', 'registeredgp', 'namedgp'] },
  diabetesType: { label: 'Diabetes type', headers: ['diabetestype', 'typeofdiabetes', 'diabetes', 'dmtype'] },
  diagnosisYear: { label: 'Year of diagnosis', headers: ['yearofdiagnosis', 'diagnosisyear', 'diagnosisdate', 'dateofdiagnosis', 'diabetesdiagnosisdate', 'dateofdiabetesdiagnosis', 'yeardiagnosed'] },
  preferredLanguage: { label: 'Preferred language', headers: ['language', 'preferredlanguage', 'mainlanguage', 'firstlanguage', 'mainspokenlanguage', 'spokenlanguage'] },
  interpreterNeeded: { label: 'Interpreter needed', headers: ['interpreter', 'interpreterneeded', 'interpreterrequired', 'needsinterpreter', 'requiresinterpreter'] },
  dateOfDeath: { label: 'Date of death', headers: ['dateofdeath', 'dod', 'deathdate', 'deceaseddate', 'datedeceased'] },
  lastUpdated: { label: 'Last updated', headers: ['lastupdated', 'updated', 'lastmodified', 'modified', 'dateupdated', 'datelastupdated', 'lastchanged', 'amended'] },
};

/** A header as compared: lower case, without a bracketed note, spaces or punctuation. */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[([{][^)\]}]*[)\]}]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Column index (0-based) of each field found. */
export type ColumnMapping = Partial<Record<RegisterField, number>>;
/** A person's choice on the mapping screen: a column index, or null for "do not import". */
export type ColumnOverride = Partial<Record<RegisterField, number | null>>;

export interface ColumnGuess {
  mapping: ColumnMapping;
  /** Headers no field claimed (shown on the mapping screen, never imported). */
  unmatched: { column: number; header: string }[];
}

const fieldByHeader: ReadonlyMap<string, RegisterField> = new Map(
  registerFields.flatMap((field) => registerFieldTable[field].headers.map((h) => [h, field] as const)),
);

/**
 * Guesses the mapping from the header row, then applies the override. The first column that
 * matches a field takes it; a later column with a name of the same field is listed as unmatched,
 * so two "Surname" columns never merge silently.
 */
export function mapColumns(headers: readonly string[], override: ColumnOverride = {}): ColumnGuess {
  const mapping: ColumnMapping = {};
  headers.forEach((header, column) => {
    const field = fieldByHeader.get(headerKey(header));
    if (field !== undefined && mapping[field] === undefined) mapping[field] = column;
  });
  for (const field of registerFields) {
    if (!(field in override)) continue;
    const choice = override[field];
    if (choice === null || choice === undefined) delete mapping[field];
    else mapping[field] = choice;
  }
  const used = new Set(Object.values(mapping));
  return { mapping, unmatched: headers.flatMap((header, column) => (used.has(column) ? [] : [{ column, header }])) };
}

/**
 * What the mapping lacks for rows to be imported at all: a name, a date of birth and an
 * identifier. Each message names the field and says what to do.
 */
export function missingColumns(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const found = headers.length > 0 ? ` Columns in the file: ${headers.map((h) => `"${h}"`).join(', ')}.` : '';
  const hasSplitName = mapping.familyName !== undefined && mapping.givenNames !== undefined;
  if (!hasSplitName && mapping.fullName === undefined) {
    problems.push(`No column for the family and given names (e.g. "Surname" and "Forename").${found}`);
  }
  if (mapping.dateOfBirth === undefined) problems.push(`No column for the date of birth (e.g. "Date of Birth" or "DOB").${found}`);
  if (mapping.nationalNumber === undefined && mapping.clinicIdentifier === undefined) {
    problems.push(`No column for an identifier: the NHS number or a patient ID (e.g. "NHS Number", "Hospital number").${found}`);
  }
  for (const field of registerFields) {
    const column = mapping[field];
    if (column !== undefined && (column < 0 || column >= headers.length || !Number.isInteger(column))) {
      problems.push(`${registerFieldTable[field].label}: column ${column + 1} does not exist (the file has ${headers.length}).`);
    }
  }
  return problems;
}
