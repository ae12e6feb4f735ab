import { useCallback, useState } from 'react';
import type { AppError, FieldIssue } from '#shared/ipc/result';

/** The messages a refused request gave, shown next to the fields they name. */
export interface FieldErrors {
  /** The message for one field (or `''` for the whole form), if any. */
  of(path: string): string | undefined;
  /** A text field's error props: red when it has a message, which then replaces the hint. */
  field(path: string, hint?: string): { error: boolean; helperText: string };
  /**
   * Shows a refusal: its field messages, or, when it names no field, its message at
   * `fallbackPath` (`''`, the default, is the whole form; `null` shows it nowhere). Stable across
   * renders, so effects may call it.
   */
  refused(error: AppError, fallbackPath?: string | null): void;
  /** Shows messages found before sending (e.g. nothing chosen). Stable across renders. */
  set(issues: FieldIssue[]): void;
  /** Stable across renders. */
  clear(): void;
}

export function useFieldErrors(): FieldErrors {
  const [issues, setIssues] = useState<readonly FieldIssue[]>([]);
  const refused = useCallback(
    (error: AppError, fallbackPath: string | null = '') =>
      setIssues(error.issues ?? (fallbackPath === null ? [] : [{ path: fallbackPath, message: error.message }])),
    [],
  );
  const clear = useCallback(() => setIssues([]), []);
  const of = (path: string): string | undefined => issues.find((i) => i.path === path)?.message;
  return {
    of,
    field: (path, hint = ' ') => {
      const message = of(path);
      return { error: message !== undefined, helperText: message ?? hint };
    },
    refused,
    set: setIssues,
    clear,
  };
}
