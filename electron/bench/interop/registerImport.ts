import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from '../measure';
import { writeRegisterFile } from './registerFile';

export interface RegisterImportFigures {
  rows: number;
  refused: number;
  medianMs: number;
  baselineMs: number;
  /** Peak resident memory of the importing process (MB), the largest of the runs. */
  peakRssMb: number;
  baselinePeakRssMb: number;
  fileMb: number;
}

interface Run {
  ms: number;
  rows: number;
  refused: number;
  maxRssMb: number;
}

const worker = path.join(path.dirname(fileURLToPath(import.meta.url)), 'registerImportWorker.ts');

function run(file: string, mode: 'import' | 'csv-parse'): Run {
  const out = execFileSync(process.execPath, ['--import', 'tsx', worker, file, mode], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Run;
}

/**
 * Reads and checks a generated `n`-row register (every row parsed, checked and turned into the
 * patient as stored; nothing written) against csv-parse alone over the same file, each run in a
 * fresh process so peak memory is the run's own.
 */
export async function benchRegisterImport(dir: string, n: number, runs: number): Promise<RegisterImportFigures> {
  const file = path.join(dir, `register-${n}.csv`);
  writeRegisterFile(file, n);
  const { size } = await import('node:fs').then((fs) => fs.statSync(file));
  const imports: Run[] = [];
  const baselines: Run[] = [];
  for (let i = 0; i < runs; i++) {
    imports.push(run(file, 'import'));
    baselines.push(run(file, 'csv-parse'));
  }
  const first = imports[0];
  if (!first || first.rows + first.refused !== n) throw new Error(`expected ${n} rows, read ${String(first?.rows)} + ${String(first?.refused)} refused`);
  return {
    rows: first.rows,
    refused: first.refused,
    medianMs: median(imports.map((r) => r.ms)),
    baselineMs: median(baselines.map((r) => r.ms)),
    peakRssMb: Math.max(...imports.map((r) => r.maxRssMb)),
    baselinePeakRssMb: Math.max(...baselines.map((r) => r.maxRssMb)),
    fileMb: size / 1024 / 1024,
  };
}
