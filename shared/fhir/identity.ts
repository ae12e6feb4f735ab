import type { Identifier } from '@medplum/fhirtypes';
import type { NationalNumberFormat } from '../domain/nationalNumber';
import { appIdentifiers, defaultClinicIdentifierSystem } from './systems';

/**
 * Who is who across workstations. Database ids are local to one file, so every identifier the
 * app sends starts with the installation id (a UUID made once per installation and kept in its
 * settings). A screening imported from elsewhere keeps the identifier it came with, so sending it
 * again from here matches the same resources on the server.
 */

export interface FhirExportContext {
  /** This installation's id (a UUID). */
  installationId: string;
  /** The system of the clinic's own patient identifiers; default `defaultClinicIdentifierSystem(installationId)`. */
  clinicIdentifierSystem: string;
  /** The clinic's national number format (Settings); NHS numbers use the NHS's own identifier system. */
  nationalNumberFormat: NationalNumberFormat;
  /**
   * Base64 for attachments. shared/ has its own (plain TypeScript); the Node side passes
   * Buffer's, about ten times faster, for bulk exports.
   */
  base64?: (bytes: Uint8Array) => string;
}

export function exportContext(installationId: string, nationalNumberFormat: NationalNumberFormat, clinicIdentifierSystem?: string): FhirExportContext {
  return { installationId, nationalNumberFormat, clinicIdentifierSystem: clinicIdentifierSystem ?? defaultClinicIdentifierSystem(installationId) };
}

/** A screening's series identifier made here: `<installation>.<series id>`. */
export function localSeriesIdentifier(context: FhirExportContext, seriesId: number): Identifier {
  return { system: appIdentifiers.examSeries, value: `${context.installationId}.${seriesId}` };
}

/** One version of a screening: the series value and `/v<version>`. */
export function versionIdentifier(series: Identifier, version: number): Identifier {
  return { system: appIdentifiers.examVersion, value: `${series.value ?? ''}/v${version}` };
}

/** Reads `<series>/v<n>` back. */
export function parseVersionIdentifier(value: string): { series: string; version: number } | null {
  const m = /^(.+)\/v(\d+)$/.exec(value);
  return m ? { series: m[1] ?? '', version: Number(m[2]) } : null;
}

/** The identifier of one resource of a screening version: the version value plus a path (`/obs/right/pedal-pulse@dorsalis-pedis`). */
export function resourceIdentifier(version: Identifier, suffix: string): Identifier {
  return { system: appIdentifiers.examVersion, value: `${version.value ?? ''}/${suffix}` };
}

/** `system|value`, the token form used in conditional create and search. */
export function identifierToken(identifier: Identifier): string {
  return `${identifier.system ?? ''}|${identifier.value ?? ''}`;
}

/**
 * A UUID derived from a name (`urn:uuid:` form), the same every time for the same name, so one
 * screening exported twice gives byte-identical bundles. The 128 bits come from cyrb128, a fast
 * non-cryptographic hash: the UUID must be unique within a bundle, not secret. Version nibble 8
 * ("custom", RFC 9562) and the RFC variant bits are set.
 */
export function nameUuid(name: string): string {
  const words = hash128(name).map((w) => w.toString(16).padStart(8, '0'));
  const h = words.join('').split('');
  h[12] = '8';
  h[16] = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const hex = h.join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function hash128(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}
