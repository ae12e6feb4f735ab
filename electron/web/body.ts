import type http from 'node:http';

/**
 * Reads a request body chunk by chunk, up to `limit` bytes. Past the limit it stops handing
 * chunks on and resolves `too-large` at once, while the rest of the body is read and dropped
 * (destroying the request instead would reset the connection before the 413 answer arrives).
 * `onChunk` may return a promise (a file write): reading pauses until it settles.
 */
export function readLimited(req: http.IncomingMessage, limit: number, onChunk: (chunk: Buffer) => void | Promise<void>): Promise<'ok' | 'too-large'> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let settled = false;
    const settle = (outcome: 'ok' | 'too-large' | Error): void => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) {
        settle('too-large');
        req.resume();
        return;
      }
      const pending = onChunk(chunk);
      if (pending) {
        req.pause();
        pending.then(
          () => req.resume(),
          (error: unknown) => settle(error instanceof Error ? error : new Error(String(error))),
        );
      }
    };
    req.on('data', onData);
    req.once('end', () => settle('ok'));
    req.once('error', (error) => settle(error));
    req.once('close', () => {
      if (!req.complete) settle(new Error('the client went away'));
    });
  });
}
