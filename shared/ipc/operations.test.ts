import { describe, expect, it } from 'vitest';
import { accountOperations } from './accountOperations';
import { auditOperations } from './auditOperations';
import { backupOperations } from './backupOperations';
import { dashboardOperations } from './dashboardOperations';
import { examOperations } from './examOperations';
import { exportOperations } from './exportOperations';
import { fhirLookupOperations } from './fhirLookupOperations';
import { fhirServerOperations } from './fhirServerOperations';
import { interopOperations } from './interopOperations';
import { jobOperations } from './jobOperations';
import { operationNames } from './operationNames';
import { isOperationName, operations } from './operations';
import { patientOperations } from './patientOperations';
import { recallOperations } from './recallOperations';
import { reportOperations } from './reportOperations';
import { settingsOperations } from './settingsOperations';

const domainTables = [
  settingsOperations,
  accountOperations,
  patientOperations,
  examOperations,
  auditOperations,
  backupOperations,
  reportOperations,
  recallOperations,
  dashboardOperations,
  exportOperations,
  jobOperations,
  interopOperations,
  fhirServerOperations,
  fhirLookupOperations,
];

describe('the operation contract', () => {
  it('defines each operation in exactly one domain table (a repeated name would silently replace the first)', () => {
    const defined = domainTables.flatMap((table) => Object.keys(table));
    expect(defined.length).toBe(new Set(defined).size);
    expect(Object.keys(operations).sort()).toEqual([...defined].sort());
  });

  it('lists every operation once in the names the preload bundles', () => {
    expect(operationNames.length).toBe(new Set(operationNames).size);
    expect([...operationNames].sort()).toEqual(Object.keys(operations).sort());
  });

  it('knows only its own operations, not names every object has', () => {
    expect(operationNames.every(isOperationName)).toBe(true);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'getAppInfo/', '']) expect(isOperationName(name)).toBe(false);
  });
});
