import { describe, expect, it } from 'vitest';
import { loadOnce } from './loadOnce';

describe('loadOnce', () => {
  it('loads once and hands every caller the same value', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls += 1;
      return { loaded: calls };
    });
    const [first, second] = await Promise.all([load(), load()]);
    const third = await load();
    expect(calls).toBe(1);
    expect(first).toBe(second);
    expect(third).toBe(first);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    let calls = 0;
    const load = loadOnce(async () => {
      calls += 1;
      if (calls === 1) throw new Error('fonts missing');
      return 'ready';
    });
    await expect(load()).rejects.toThrow('fonts missing');
    await expect(load()).resolves.toBe('ready');
    await expect(load()).resolves.toBe('ready');
    expect(calls).toBe(2);
  });
});
