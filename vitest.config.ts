import { defineConfig } from 'vitest/config';

// Unit tests live beside the code they test. They run under Node; anything that needs the DOM is
// tested end to end in a real browser (e2e/), not in a simulated one.
export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
  },
});
