import { readFileSync } from 'node:fs';

/**
 * A command-line tool's JSON input file, or the problem with it in words: "cannot read <what>
 * <file>: no such file", "<file> is not valid JSON: …".
 */
export function readJsonFile(file: string, what: string | null = null): { ok: true; value: unknown } | { ok: false; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : '';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [`cannot read ${what ? `the ${what} ` : ''}${file}: ${why}`] };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, problems: [`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
}
