// The web view in a real browser: Debian's Chromium (/usr/bin/chromium, installed by .ci/run),
// driven headless by playwright-core — which never downloads a browser. It fails, not skips, when
// Chromium is missing. Screenshots go to test-artifacts/ui/ (gitignored) for a look after a run.
//   1. `pcxsim serve` as a user starts it; AWS CLI calls make two VPCs and a request; the live view
//      at /_pcxsim/ui draws them, then follows the accept without a reload.
//   2. The static playground (built here from sources) opened from disk: a scenario loaded, stepped
//      back, a refused command shown with its EC2 error, the clock moved on.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPlayground } from '../src/playground-build.js';
import type { Browser, Page, Playwright } from './playwright.js';
import { serve, type Served } from './serve-cli.js';

const { chromium } = createRequire(import.meta.url)('playwright-core') as Playwright;

const CHROMIUM = '/usr/bin/chromium';
const AWS = '/usr/bin/aws';
const root = fileURLToPath(new URL('../../..', import.meta.url));
const artifacts = join(root, 'test-artifacts/ui');
const runFile = promisify(execFile);

const ALICE = '111111111111';
const BOB = '222222222222';

describe('the web view in Chromium', () => {
  let browser: Browser;
  let served: Served;
  const scratch = mkdtempSync(join(tmpdir(), 'pcxsim-ui-'));

  async function aws(account: string, args: readonly string[]): Promise<any> {
    const env = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      HOME: scratch,
      AWS_ACCESS_KEY_ID: account,
      AWS_SECRET_ACCESS_KEY: 'notasecret',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: join(scratch, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(scratch, 'credentials'),
      AWS_PAGER: '',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_MAX_ATTEMPTS: '1',
    };
    const { stdout } = await runFile(AWS, ['--endpoint-url', served.url, '--output', 'json', 'ec2', ...args], { env });
    return stdout.trim() === '' ? {} : JSON.parse(stdout);
  }
  const advance = (ms: number): Promise<Response> => fetch(`${served.url}/_pcxsim/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
  const shot = (page: Page, name: string): Promise<Buffer> => page.screenshot({ path: join(artifacts, name), fullPage: true });

  beforeAll(async () => {
    for (const [path, pkg] of [
      [CHROMIUM, 'chromium'],
      [AWS, 'awscli'],
    ] as const) {
      if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install -y ${pkg} (.ci/run does it)`);
    }
    mkdirSync(artifacts, { recursive: true });
    // The bin runs the built packages, the page's script included (as the root `pnpm run build` does).
    execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/cli/tsconfig.build.json')]);
    execFileSync(process.execPath, [join(root, 'packages/ui/scripts/build-bundles.mjs')]);
    [served, browser] = await Promise.all([
      serve(['--clock', 'manual', '--start', '2026-03-01T09:00:00Z', '--timing', 'instant']),
      // Running as root (CI containers) needs --no-sandbox.
      chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] }),
    ]);
  }, 300_000); // the build, as test/iac's: minutes from scratch on a busy machine, seconds after
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  test('the live view draws what the AWS CLI made, and follows the accept without a reload', async () => {
    const [mine, theirs] = (await Promise.all([aws(ALICE, ['create-vpc', '--cidr-block', '10.0.0.0/16']), aws(BOB, ['create-vpc', '--cidr-block', '10.1.0.0/16'])])).map(
      (created) => created.Vpc.VpcId as string,
    ) as [string, string];
    const pcx = (await aws(ALICE, ['create-vpc-peering-connection', '--vpc-id', mine, '--peer-vpc-id', theirs, '--peer-owner-id', BOB])).VpcPeeringConnection
      .VpcPeeringConnectionId as string;
    await advance(0); // instant timing: initiating-request passes on the next clock step

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${served.url}/_pcxsim/ui?account=${ALICE}&region=us-east-1`);
    const row = page.locator(`#connections tr[data-id="${pcx}"]`);
    await row.waitFor();
    expect(await row.locator('.state').textContent()).toBe('pending-acceptance');
    expect(await row.textContent()).toContain(`Pending Acceptance by ${BOB}`);
    expect(await page.locator('#vpcs').textContent()).toContain(mine);
    expect(await page.locator('#vpcs').textContent()).toContain(theirs);
    expect(await page.locator(`svg .edge[data-id="${pcx}"]`).getAttribute('data-state')).toBe('pending-acceptance');
    expect(await page.locator('#timeline').textContent()).toContain(`${pcx} initiating-request → pending-acceptance`);
    expect(await page.locator('#next-transitions').textContent()).toContain('AcceptVpcPeeringConnection');
    expect(await page.locator('#clock').textContent()).toBe('2026-03-01T09:00:00.000Z');
    await shot(page, 'live-pending.png');

    // The accepter accepts; the page polls and redraws, no reload.
    await page.evaluate('window.notReloaded = true');
    await aws(BOB, ['accept-vpc-peering-connection', '--vpc-peering-connection-id', pcx]);
    await advance(1000);
    await page.waitForFunction(`document.querySelector('#connections tr[data-id="${pcx}"] .state')?.textContent === 'active'`, undefined, { timeout: 10_000 });
    expect(await page.evaluate('window.notReloaded')).toBe(true);
    expect(await page.locator('#timeline').textContent()).toContain(`${pcx} provisioning → active`);

    // Bob's view, picked with the keyboard: his account typed in, the form submitted with Enter.
    await page.locator('#account').fill(BOB);
    await page.locator('#account').press('Enter');
    await page.waitForFunction(`document.querySelector('#vpcs')?.textContent?.includes('${theirs}') === true`);
    expect(await page.locator('#timeline').textContent()).toContain(`AcceptVpcPeeringConnection by ${BOB}`);
    await shot(page, 'live-active.png');
    expect(errors).toEqual([]);
    // ~25 s on a quiet machine, nearly all of it the four AWS CLI processes (Python startup); under
    // heavy load each takes 10 s or more, hence the room.
  }, 120_000);

  test('the static playground runs a scenario in the page, steps back, and shows a refusal', async () => {
    const dir = join(scratch, 'playground');
    buildPlayground(dir);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1100 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // No network at all: every request but the page's own files fails the test.
    await page.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);

    await page.locator('#scenario').selectOption({ label: await page.locator('#scenario option', { hasText: 'cross-account.yaml' }).textContent() ?? '' });
    await page.locator('#load-scenario').click();
    const state = page.locator('#connections .state');
    await expect.poll(() => state.textContent()).toBe('active');
    const pcx = (await page.locator('#connections tr').nth(1).getAttribute('data-id'))!;
    expect(pcx).toMatch(/^pcx-/);

    // Back twice: before the accept, the connection waits for the accepter.
    await page.locator('#back').click();
    await page.locator('#back').click();
    expect(await state.textContent()).toBe('pending-acceptance');
    expect(await page.locator('#lifecycle [aria-current="true"]').getAttribute('data-state')).toBe('pending-acceptance');
    await shot(page, 'playground-pending.png');

    // Can the requester's VPC reach the peer's block? Not without a route: the engine's explanation.
    const mine = (await page.locator('#vpcs tbody tr').first().getAttribute('data-id'))!;
    await page.locator('#reach-source').fill(mine);
    await page.locator('#reach-destination').fill('172.31.0.10');
    await page.locator('#reach-destination').press('Enter');
    expect(await page.locator('#reach-answer').textContent()).toContain(`${mine} → 172.31.0.10: not reachable`);
    expect(await page.locator(`svg .vpc[data-id="${mine}"] rect`).getAttribute('stroke')).toBe('#0969da');

    // The requester may not accept: the exact EC2 error (spec §3.1).
    await page.locator('#AcceptVpcPeeringConnection-VpcPeeringConnectionId').fill(pcx);
    await page.locator('form[data-command="AcceptVpcPeeringConnection"] button').click();
    expect(await page.locator('#outcome').textContent()).toMatch(/^OperationNotPermitted: /);

    // Seven days on, the request has expired (spec §1.2).
    await page.locator('#advance-7d').click();
    expect(await state.textContent()).toBe('expired');
    expect(await page.locator('#timeline').textContent()).toContain(`${pcx} pending-acceptance → expired`);
    await shot(page, 'playground-expired.png');
    expect(errors).toEqual([]);
  });
});
