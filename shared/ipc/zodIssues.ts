import type * as z from 'zod';
import type { FieldIssue } from './result';

/** Turns zod issues into field issues whose path names the field, e.g. `feet.left.abi`. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** One sentence naming every problem with its path, for command-line tools and logs. */
export function describeIssues(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
