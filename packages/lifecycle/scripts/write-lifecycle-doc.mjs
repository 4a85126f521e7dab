// Writes docs/lifecycle.md from the built package (`pnpm run docs:lifecycle` builds first).
// The page is generated from the lifecycle tables; test/lifecycle-doc.test.ts fails when the
// committed file differs from what this script would write.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderLifecycleDoc } from '../dist/index.js';

const target = fileURLToPath(new URL('../../../docs/lifecycle.md', import.meta.url));
writeFileSync(target, renderLifecycleDoc());
console.log(`wrote ${target}`);
