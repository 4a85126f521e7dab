#!/usr/bin/env node
// The `pcxsim-cidr` command (see src/cli.ts). Needs the built package: `pnpm run build`.
import { readFileSync } from 'node:fs';
import { runCidrCommand } from '../dist/cli.js';

const { stdout, stderr, exitCode } = runCidrCommand(process.argv.slice(2), () => readFileSync(0, 'utf8'));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = exitCode;
