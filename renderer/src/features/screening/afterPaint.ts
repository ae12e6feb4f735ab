/**
 * Runs `work` after the next frame has painted, in a task of its own, and returns a cancel.
 *
 * React runs a key's effects before the frame that shows the key's answer, so work started from
 * an effect (measuring the page, a background render, writing a draft) would delay that frame.
 * Waiting for the next animation frame and then a zero timeout lets the answer paint first; the
 * work then runs as a separate task, where the next key can be handled before it.
 */
export function afterPaint(work: () => void): () => void {
  let timer: number | undefined;
  const frame = requestAnimationFrame(() => {
    timer = window.setTimeout(work, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}
