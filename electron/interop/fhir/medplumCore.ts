/**
 * The parts of @medplum/core the R4 validator uses, imported with `import()` on first use
 * (r4Validator.ts). Imported that way directly, the package would be bundled whole (about 270 kB,
 * not 100 kB): esbuild cannot tell which of its exports a dynamic import uses, but it can here.
 */
export { crawlTypedValue, indexStructureDefinitionBundle, OperationOutcomeError, toTypedValue, validateResource } from '@medplum/core';
export type { TypedValueWithPath } from '@medplum/core';
