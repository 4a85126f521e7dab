#!/usr/bin/env node
// The `pcxsim` command (see src/main.ts). Needs the built package: `pnpm run build`, or run it from
// the repository root as `pnpm pcxsim <args>`, which builds first.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
