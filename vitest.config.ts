import { defineConfig } from 'vitest/config';

// Tests run on sources: the `source` export condition points every workspace package at
// its src/index.ts, so no build is needed (the resolve.conditions line alone is not enough
// for Node-side tests; ssr.resolve is the one vitest uses there).
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
  },
});
