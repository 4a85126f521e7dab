import { defineConfig } from 'vitest/config';

// Runs this example's tests alone (`pnpm test` here, and Stryker's vitest runner, which works in a
// copy of this folder). Like the root config, tests run on the workspace packages' sources through
// the `source` export condition; ssr.resolve is the one vitest uses for Node-side tests.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
  },
});
