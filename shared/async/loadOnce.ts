/**
 * A loader that runs `load` at most once while it succeeds: every caller shares the first call's
 * promise. A failed load is not kept, so the next call tries again (a missing font folder or a
 * chunk that could not be read should not break every later report or import until a restart).
 *
 * For modules and data the app needs only on some paths (the FHIR definitions, the CSV parser,
 * the PDF renderer): imported on first use rather than compiled at every start.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
