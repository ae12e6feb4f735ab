import fs from 'node:fs';
import path from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { ndjsonLines } from './ndjsonLines';
import { loadR4Definitions } from './r4Validator';

/**
 * Reads a FHIR export back: a Bulk Data folder (`<Type>.ndjson` files, the manifest is not
 * needed), one NDJSON file, or Bundle JSON files (transaction or collection). Every resource is
 * checked against the R4 definitions; each problem names the file, the line or entry, and the
 * resource, so an administrator can find it. Nothing is stored here: the caller imports only when
 * there is no problem at all.
 */

export interface ExportResource {
  resource: Resource;
  fullUrl?: string;
  /** "Observation.ndjson line 12 (Observation/…)" or "bundle.json entry 3 (Patient urn:uuid:…)". */
  where: string;
}

export interface ExportProblem {
  where: string;
  message: string;
}

export interface ReadExportOptions {
  /** At most this many problems are listed (default 50); the count is always complete. */
  maxProblems?: number;
  /** Bundle files larger than this are refused (default 200 MiB): NDJSON has no such limit. */
  maxBundleBytes?: number;
}

const mb = 1024 * 1024;

/** The files a path stands for: the `.ndjson` and `.json` files of a folder (not the manifest), or the file itself. */
export async function exportFiles(target: string): Promise<string[]> {
  const stat = await fs.promises.stat(target);
  if (!stat.isDirectory()) return [target];
  const names = (await fs.promises.readdir(target)).filter((n) => /\.(ndjson|json)$/i.test(n) && n.toLowerCase() !== 'manifest.json').sort();
  return names.map((n) => path.join(target, n));
}

function label(resource: Resource, fullUrl?: string): string {
  const id = fullUrl ?? (resource.id ? `${resource.resourceType}/${resource.id}` : '');
  return id.startsWith(resource.resourceType) ? id : `${resource.resourceType} ${id}`.trim();
}

export async function readFhirExport(
  targets: readonly string[],
  options: ReadExportOptions = {},
): Promise<{ resources: ExportResource[]; problems: ExportProblem[]; problemCount: number }> {
  const resources: ExportResource[] = [];
  const problems: ExportProblem[] = [];
  let problemCount = 0;
  const maxProblems = options.maxProblems ?? 50;
  const problem = (where: string, message: string): void => {
    problemCount += 1;
    if (problems.length < maxProblems) problems.push({ where, message });
  };
  const r4 = await loadR4Definitions();
  const take = (value: unknown, where: string, fullUrl?: string): void => {
    const resource = value as Resource | null;
    if (!resource || typeof resource !== 'object' || typeof resource.resourceType !== 'string') {
      problem(where, 'not a FHIR resource (no resourceType)');
      return;
    }
    const at = `${where} (${label(resource, fullUrl)})`;
    const issues = r4.validate(resource);
    if (issues.length > 0) {
      problem(at, `not valid FHIR R4: ${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`);
      return;
    }
    if (resource.resourceType === 'Bundle') {
      ((resource as Bundle).entry ?? []).forEach((entry, i) => {
        if (entry.resource) resources.push({ resource: entry.resource, fullUrl: entry.fullUrl, where: `${where} entry ${i + 1} (${label(entry.resource, entry.fullUrl)})` });
      });
      return;
    }
    resources.push({ resource, fullUrl, where: at });
  };

  const files: string[] = [];
  for (const target of targets) {
    try {
      files.push(...(await exportFiles(target)));
    } catch {
      problem(target, 'cannot be opened');
    }
  }
  if (files.length === 0 && problemCount === 0) problem(targets.join(', '), 'holds no .ndjson or .json files');
  for (const file of files) {
    const name = path.basename(file);
    if (/\.ndjson$/i.test(name)) {
      for await (const item of ndjsonLines(file)) {
        if ('error' in item) problem(`${name} line ${item.line}`, 'not valid JSON: each line must be one FHIR resource');
        else take(item.value, `${name} line ${item.line}`);
      }
      continue;
    }
    const size = (await fs.promises.stat(file)).size;
    if (size > (options.maxBundleBytes ?? 200 * mb)) {
      problem(name, `is ${Math.round(size / mb)} MB: export as NDJSON (a folder) for anything this large`);
      continue;
    }
    let document: unknown;
    try {
      document = JSON.parse((await fs.promises.readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
    } catch {
      problem(name, 'is not JSON');
      continue;
    }
    take(document, name);
  }
  return { resources, problems, problemCount };
}
