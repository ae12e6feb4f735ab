import type { Resource } from '@medplum/fhirtypes';
import type { Entry } from './examBundle';

/**
 * Resources in FHIR Bulk Data form: outside a transaction there are no `urn:uuid` full URLs, so
 * each resource gets its id (the UUID of its full URL, so ids are as stable as the full URLs) and
 * every reference becomes `<type>/<id>`.
 */

/** The id a resource gets in bulk files: the UUID of its `urn:uuid:` full URL. */
export function bulkId(fullUrl: string): string {
  return fullUrl.startsWith('urn:uuid:') ? fullUrl.slice('urn:uuid:'.length) : fullUrl;
}

/** The resources with ids and `<type>/<id>` references. Input objects are not changed. */
export function toBulkForm(entries: readonly Entry<Resource>[]): Resource[] {
  const typeByUrl = new Map(entries.map((e) => [e.fullUrl, e.resource.resourceType]));
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string' && typeByUrl.has(v)) out[key] = `${typeByUrl.get(v) ?? ''}/${bulkId(v)}`;
      else out[key] = rewrite(v);
    }
    return out;
  };
  return entries.map((e) => ({ ...(rewrite(e.resource) as Resource), id: bulkId(e.fullUrl) }));
}

const urnReference = /"reference":"(urn:uuid:[0-9a-f-]{36})"/g;

/**
 * The same resources as NDJSON lines, without building a copy of each: the resource is written
 * with its id first and the `urn:uuid` references are replaced in the text. Gives exactly
 * `JSON.stringify` of `toBulkForm`'s output (a test holds them together).
 */
export function toBulkLines(entries: readonly Entry<Resource>[]): { type: string; id: string; line: string }[] {
  const typeByUrl = new Map(entries.map((e) => [e.fullUrl, e.resource.resourceType]));
  return entries.map((e) => {
    const id = bulkId(e.fullUrl);
    const text = JSON.stringify({ ...e.resource, id });
    const line = text.replace(urnReference, (whole, url: string) => {
      const type = typeByUrl.get(url);
      return type === undefined ? whole : `"reference":"${type}/${bulkId(url)}"`;
    });
    return { type: e.resource.resourceType, id, line };
  });
}
