// Debian's Ansible (ansible-core 2.14 with amazon.aws 5.x and community.aws 5.x) runs the project's
// own playbooks (test/iac/playbooks) against a `pcxsim serve` this test starts — in memory, wall
// clock, instant timing. Each playbook runs twice: the first run makes exactly the changes it should,
// the second changes nothing. Ansible's modules run under Debian's /usr/bin/python3 with its
// python3-boto3 (another python3 may come first on PATH). .ci/run installs both packages when
// missing; this test fails, rather than skips, without them. ansible-playbook starts slowly, so the
// tasks are grouped into three playbooks, run in order: network.yml, routing.yml, teardown.yml.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCli, IAC_SERVE_FLAGS, serve, type Served } from './serve.js';

const ANSIBLE_PLAYBOOK = '/usr/bin/ansible-playbook';
const PYTHON = '/usr/bin/python3';
const PLAYBOOKS = fileURLToPath(new URL('./playbooks/', import.meta.url));
const ACCOUNT_A = '111111111111';
const ACCOUNT_B = '222222222222';
const run = promisify(execFile);

/** What the json callback reports of one task on localhost. */
interface TaskResult {
  readonly name: string;
  readonly changed: boolean;
  readonly failed: boolean;
}

/** One run of a playbook: its tasks in order and the recap. */
interface PlaybookRun {
  readonly tasks: readonly TaskResult[];
  readonly stats: { readonly ok: number; readonly changed: number; readonly failures: number; readonly unreachable: number };
}

interface JsonCallbackOutput {
  readonly plays: readonly { readonly tasks: readonly { readonly task: { readonly name: string }; readonly hosts: Record<string, { changed?: boolean; failed?: boolean; results?: readonly { changed?: boolean; failed?: boolean }[] }> }[] }[];
  readonly stats: Record<string, PlaybookRun['stats']>;
}

describe('Ansible against pcxsim serve', () => {
  let served: Served;
  const home = mkdtempSync(join(tmpdir(), 'pcxsim-ansible-'));

  /** Runs a playbook of test/iac/playbooks with the json callback; resolves with its tasks and recap. */
  async function playbook(name: string): Promise<PlaybookRun> {
    const env = {
      PATH: '/usr/bin:/bin',
      HOME: home,
      LANG: 'C.UTF-8',
      ANSIBLE_STDOUT_CALLBACK: 'json',
      ANSIBLE_PYTHON_INTERPRETER: PYTHON,
      ANSIBLE_PIPELINING: 'true',
      ANSIBLE_LOCAL_TEMP: join(home, 'tmp'),
      ANSIBLE_LOCALHOST_WARNING: 'false',
      ANSIBLE_INVENTORY_UNPARSED_WARNING: 'false',
      ANSIBLE_NOCOLOR: 'true',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    const args = ['-i', 'localhost,', join(PLAYBOOKS, name), '-e', `endpoint=${served.url}`, '-e', `account_a=${ACCOUNT_A}`, '-e', `account_b=${ACCOUNT_B}`];
    let stdout: string;
    try {
      ({ stdout } = await run(ANSIBLE_PLAYBOOK, args, { env, maxBuffer: 64 * 1024 * 1024 }));
    } catch (thrown) {
      const failed = thrown as { stdout?: string; stderr?: string };
      throw new Error(`ansible-playbook ${name} failed:\n${failed.stderr ?? ''}\n${failed.stdout ?? ''}\npcxsim: ${served.stderr()}`);
    }
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as JsonCallbackOutput;
    const tasks = report.plays.flatMap((play) =>
      play.tasks.map(({ task, hosts }) => {
        const host = hosts['localhost'] ?? {};
        const items = host.results ?? [host];
        return { name: task.name, changed: items.some((item) => item.changed === true), failed: items.some((item) => item.failed === true) };
      }),
    );
    return { tasks, stats: report.stats['localhost']! };
  }

  const changedTasks = (result: PlaybookRun): string[] => result.tasks.filter((task) => task.changed).map((task) => task.name);

  beforeAll(async () => {
    for (const path of [ANSIBLE_PLAYBOOK, PYTHON]) {
      if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install -y ansible python3-boto3 (.ci/run does it)`);
    }
    await run(PYTHON, ['-c', 'import boto3, botocore']).catch((error: unknown) => {
      throw new Error(`Debian's python3-boto3 is missing (apt-get install -y python3-boto3; .ci/run does it): ${String(error)}`);
    });
    buildCli();
    served = await serve(IAC_SERVE_FLAGS);
  }, 300_000);
  afterAll(async () => {
    await served?.stop();
    rmSync(home, { recursive: true, force: true });
  });

  test(
    'network.yml: VPCs of two accounts (ec2_vpc_net, ec2_vpc_net_info), a same-account and a cross-account peering (ec2_vpc_peer present and accept, ec2_vpc_peering_info with filters); the second run changes nothing',
    async () => {
      const first = await playbook('network.yml');
      expect(first.stats).toMatchObject({ failures: 0, unreachable: 0 });
      expect(changedTasks(first)).toEqual([
        "The requester's VPCs (account A)",
        "The accepter's VPC (account B)",
        'Same-account peering, app to shared',
        'Accept it (account A owns both VPCs)',
        'Cross-account peering, app to partner',
        'Accept it as account B, right after the request',
      ]);
      const second = await playbook('network.yml');
      expect(second.stats).toMatchObject({ failures: 0, unreachable: 0, changed: 0 });
      expect(second.tasks.map((task) => task.name)).toEqual(first.tasks.map((task) => task.name));
    },
    600_000,
  );

  test(
    'routing.yml: subnets (ec2_vpc_subnet) and route tables routing through the same-account and cross-account peerings (ec2_vpc_route_table, by tag and by ID); the second run changes nothing',
    async () => {
      const first = await playbook('routing.yml');
      expect(first.stats).toMatchObject({ failures: 0, unreachable: 0 });
      expect(changedTasks(first)).toEqual([
        "Account A's subnets",
        "Account B's subnet",
        "App's route table, to shared and to partner through the connections",
        "Shared's route table, back to app",
        "Partner's main table routes back to app (account B, lookup by ID)",
      ]);
      const second = await playbook('routing.yml');
      expect(second.stats).toMatchObject({ failures: 0, unreachable: 0, changed: 0 });
      expect(second.tasks.map((task) => task.name)).toEqual(first.tasks.map((task) => task.name));
    },
    600_000,
  );

  test(
    'teardown.yml: ec2_vpc_peer absent deletes both peerings (their routes turn blackhole), then the route tables, the route in a main table, the subnets and the VPCs; the second run finds them gone and changes nothing',
    async () => {
      const first = await playbook('teardown.yml');
      expect(first.stats).toMatchObject({ failures: 0, unreachable: 0 });
      expect(changedTasks(first)).toEqual([
        'Delete each (account A requested both)',
        "Account A's route tables",
        'Purge it (account B)',
        "Account A's subnets",
        "Account B's subnet",
        "Account A's VPCs",
        "Account B's VPC",
      ]);
      const second = await playbook('teardown.yml');
      expect(second.stats).toMatchObject({ failures: 0, unreachable: 0, changed: 0 });
    },
    600_000,
  );
});
