// Debian's AWS CLI v2 run against a pcxsim server, for the wire tests that drive it (aws-cli,
// routing-wire, subnet-wire). Called by its full path, since another `aws` (a pyenv shim for v1) may
// come first on PATH; .ci/run installs it when missing, and the tests fail — not skip — without it.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const AWS = '/usr/bin/aws';
const run = promisify(execFile);

/** What one `aws` run printed, and its exit status. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI, with a home of its own, against the endpoint `url()` names when each command runs. */
export interface AwsCli {
  /** Runs `aws --endpoint-url … ec2 <args>` as `accountId` (its access key) with `secret`. */
  readonly aws: (accountId: string, args: readonly string[], secret?: string) => Promise<CliResult>;
  /** As `aws`, and the parsed JSON output; throws with stderr on a non-zero exit. */
  readonly ok: (accountId: string, args: readonly string[], secret?: string) => Promise<any>;
}

/** Throws when the CLI is not installed (a beforeAll calls this: the tests fail rather than skip). */
export function requireAwsCli(): void {
  if (!existsSync(AWS)) throw new Error(`Debian's AWS CLI is not installed: ${AWS} is missing`);
}

/** A CLI runner; `secretOf` gives an account's secret when a command names none (pcxsim's default store takes any). */
export function awsCli(url: () => string, secretOf: (accountId: string) => string = () => 'x'): AwsCli {
  const home = mkdtempSync(join(tmpdir(), 'pcxsim-awscli-'));
  const aws = async (accountId: string, args: readonly string[], secret = secretOf(accountId)): Promise<CliResult> => {
    const env = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: home,
      AWS_ACCESS_KEY_ID: accountId,
      AWS_SECRET_ACCESS_KEY: secret,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(home, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_MAX_ATTEMPTS: '1',
    };
    try {
      const { stdout, stderr } = await run(AWS, ['--endpoint-url', url(), '--output', 'json', 'ec2', ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (thrown) {
      const failed = thrown as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
  };
  const ok = async (accountId: string, args: readonly string[], secret?: string): Promise<any> => {
    const result = await aws(accountId, args, secret);
    if (result.code !== 0) throw new Error(`aws ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result.stdout.trim() === '' ? {} : JSON.parse(result.stdout);
  };
  return { aws, ok };
}
