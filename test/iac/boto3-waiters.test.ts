// boto3's EC2 waiters (Debian's python3-boto3, run by /usr/bin/python3: another python3 may come first
// on PATH) against a `pcxsim serve` this test starts — in memory, wall clock, instant timing:
// vpc_exists, vpc_available, vpc_peering_connection_exists (by ID from the accepter's side, and by
// filters), vpc_peering_connection_deleted from both sides, and both peering waiters on an unknown ID.
// The script is test/iac/boto3_waiters.py; .ci/run installs python3-boto3 when missing, and this test
// fails, rather than skips, without it.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCli, IAC_SERVE_FLAGS, serve, type Served } from './serve.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./boto3_waiters.py', import.meta.url));
const run = promisify(execFile);

describe('boto3 waiters against pcxsim serve', () => {
  let served: Served;
  beforeAll(async () => {
    if (!existsSync(PYTHON)) throw new Error(`${PYTHON} is missing: apt-get install -y python3-boto3 (.ci/run does it)`);
    buildCli();
    served = await serve(IAC_SERVE_FLAGS);
  }, 300_000);
  afterAll(() => served?.stop());

  test(
    'vpc_exists, vpc_available, vpc_peering_connection_exists and vpc_peering_connection_deleted succeed at once; on an unknown ID exists gives up and deleted succeeds',
    async () => {
      const env = { PATH: '/usr/bin:/bin', HOME: '/tmp', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_EC2_METADATA_DISABLED: 'true' };
      const { stdout } = await run(PYTHON, [SCRIPT, served.url, '111111111111', '222222222222'], { env }).catch((error: { stderr?: string }) => {
        throw new Error(`boto3_waiters.py failed: ${error.stderr ?? String(error)}\npcxsim: ${served.stderr()}`);
      });
      const report = JSON.parse(stdout) as Record<string, unknown>;
      expect(report['boto3']).toMatch(/^1\./);
      for (const waiter of ['vpc_exists', 'vpc_available', 'exists_for_accepter', 'active_filter', 'deleted_for_requester', 'deleted_for_accepter', 'deleted_unknown']) {
        const [outcome, seconds] = report[waiter] as [string, number];
        expect(outcome, waiter).toBe('ok');
        // Satisfied on the first poll: a waiter only sleeps between polls.
        expect(seconds, waiter).toBeLessThan(1);
      }
      expect(report['created_status']).toBe('initiating-request');
      expect(report['accepted_status']).toBe('provisioning');
      expect(report['status_after_accept']).toBe('active');
      // NotFound is retried (botocore names it as the state it last matched), not a failure.
      expect((report['exists_unknown'] as [string, number])[0]).toBe(
        'WaiterError: Max attempts exceeded. Previously accepted state: Matched expected service error code: InvalidVpcPeeringConnectionID.NotFound',
      );
      expect(report['unknown_error']).toBe('InvalidVpcPeeringConnectionID.NotFound');
    },
    120_000,
  );
});
