// Rewrites the generated table of docs/guides/iac-clients.md from the built package (`pnpm run
// docs:iac` builds first): which EC2 actions each tool calls, and whether pcxsim serves each.
// test/client-actions.test.ts fails when the committed page differs from what this would write.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { withClientActionTable } from '../dist/index.js';

const target = fileURLToPath(new URL('../../../docs/guides/iac-clients.md', import.meta.url));
writeFileSync(target, withClientActionTable(readFileSync(target, 'utf8')));
console.log(`wrote ${target}`);
