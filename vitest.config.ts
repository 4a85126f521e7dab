import { defineConfig } from 'vitest/config';

// CI asks for a machine-readable report too (its closing `N passed, M failed` line comes from it).
const jsonReport = process.env['VITEST_JSON_REPORT'];

// Tests run on sources: the `source` export condition points every workspace package at
// its src/index.ts, so no build is needed (the resolve.conditions line alone is not enough
// for Node-side tests; ssr.resolve is the one vitest uses there).
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'bench/*/test/**/*.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
    ...(jsonReport ? { reporters: ['default', 'json'], outputFile: { json: jsonReport } } : {}),
  },
});
