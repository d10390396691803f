import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    // The end-to-end suites share one built site; building it twice at once would race.
    fileParallelism: false,
  },
});
