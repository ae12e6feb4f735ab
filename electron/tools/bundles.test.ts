import { build, type BuildOptions, type Metafile } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mainBundle, serverBundle } from './bundles';

/** Builds a bundle in memory and returns the files that went into it. */
async function inputsOf(options: BuildOptions): Promise<string[]> {
  const result = await build({ ...options, write: false, sourcemap: false, metafile: true, logLevel: 'silent' });
  const metafile: Metafile = result.metafile;
  return Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
}

/** Builds a bundle in memory and returns the files that went into its entry point's own output (not its lazy chunks). */
async function entryInputsOf(options: BuildOptions, entryPoint: string): Promise<string[]> {
  const result = await build({ ...options, write: false, sourcemap: false, metafile: true, logLevel: 'silent' });
  const entry = Object.values(result.metafile.outputs).find((output) => output.entryPoint === entryPoint);
  if (!entry) throw new Error(`no output has the entry point ${entryPoint}`);
  return Object.keys(entry.inputs);
}

const zodLocales = (inputs: string[]): string[] => inputs.filter((f) => f.includes('node_modules/zod/v4/locales/')).map((f) => path.basename(f));

describe('the esbuild bundles', () => {
  // zod's other message languages (63 files, 366 kB) would be compiled at every start. They stay
  // out only while the code imports zod as a namespace (`import * as z from 'zod'`, which lint
  // enforces) and never uses the namespace as a whole value.
  it.each([
    ['out/web/server.mjs', serverBundle],
    ['out/main/main.cjs', mainBundle],
  ])('%s holds English and none of the other zod locales', async (_name, options) => {
    expect(zodLocales(await inputsOf(options))).toEqual(['en.js']);
  }, 60_000);

  // Node compiles the whole entry file at every start; these libraries serve FHIR, register
  // import and reports only, so they wait in chunks that load on first use (dynamic import()).
  it('keeps @medplum/core, csv-parse and bidi-js out of the server entry file', async () => {
    const lazy = ['node_modules/@medplum/core/', 'node_modules/csv-parse/', 'node_modules/bidi-js/'];
    const inputs = await entryInputsOf(serverBundle, 'electron/web/cli.ts');
    expect(lazy.filter((l) => inputs.some((f) => f.includes(l)))).toEqual([]);
  }, 60_000);

  it('leaves zod speaking English', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-zod-'));
    try {
      const file = path.join(dir, 'probe.mjs');
      await build({
        ...serverBundle,
        entryPoints: undefined,
        outdir: undefined,
        outExtension: undefined,
        splitting: false,
        stdin: { contents: "import * as z from 'zod'; export const message = z.object({ a: z.string() }).safeParse({ a: 1 }).error?.issues[0]?.message;", resolveDir: process.cwd(), loader: 'ts' },
        outfile: file,
        sourcemap: false,
        logLevel: 'silent',
      });
      const probe = (await import(pathToFileURL(file).href)) as { message?: string };
      expect(probe.message).toBe('Invalid input: expected string, received number');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
