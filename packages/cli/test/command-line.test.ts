// The real bin, spawned: every command refuses an unknown flag or a bad value by name, with its
// usage, exit 2; `pcxsim --help`, `pcxsim help NAME`, `NAME --help` and `-h` print the usage with
// every flag's default, exit 0.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanUp, pcxsim, root, scratchDir } from './spawn-cli.js';

beforeAll(buildCli, 180_000);
afterAll(cleanUp);

/** An accounts file holding `text`. */
function accountsFile(name: string, text: string): string {
  const file = join(scratchDir(), name);
  writeFileSync(file, text);
  return file;
}
const notJson = accountsFile('not-json.json', '{"accessKeys": ');
const shortAccount = accountsFile('short-account.json', JSON.stringify({ accessKeys: { AKIAEXAMPLE: { accountId: '123' } } }));

/** Each command's mistakes: [arguments after the command's name, what the message must say]. */
const REFUSALS: Readonly<Record<string, readonly (readonly [readonly string[], string])[]>> = {
  serve: [
    [['--dat', '/tmp/nowhere'], 'unknown flag --dat (did you mean --data?)'],
    [['--clock', 'sometimes'], "--clock must be wall or manual, not 'sometimes'"],
    [['--port', 'x'], "--port must be an integer from 0 to 65535, not 'x'"],
    [['--verify-signatures=false'], "--verify-signatures is a switch and takes no value ('--verify-signatures=false')"],
    [['--timing', 'slow'], "--timing must be instant or realistic, not 'slow'"],
    [['--describe-delay-ms', '1.5'], "--describe-delay-ms must be a non-negative integer, not '1.5'"],
    [['--clock', 'manual', '--start', '2026-02-30T00:00:00Z'], "--start must be an ISO 8601 time with its zone, such as 2026-03-01T09:00:00Z, not '2026-02-30T00:00:00Z'"],
    [['--clock', 'manual', '--start', '2026-03-01T09:00:00'], "--start must be an ISO 8601 time with its zone"],
    [['--start', '2026-03-01T09:00:00Z'], '--start needs --clock manual'],
    [['--accounts', '/no/such/accounts.json'], '--accounts /no/such/accounts.json: cannot read it (ENOENT)'],
    [['--accounts', notJson], `--accounts ${notJson}: not JSON`],
    [['--accounts', shortAccount], `--accounts ${shortAccount}: accessKeys.AKIAEXAMPLE.accountId must be a 12-digit account ID`],
    [['--verify-signatures'], '--verify-signatures needs --accounts FILE'],
    [['--port'], '--port needs a value: --port PORT'],
    [['stray'], "takes no arguments, but was given 'stray'"],
  ],
  run: [
    [['--jsn', 'a.yaml'], 'unknown flag --jsn (did you mean --json?)'],
    [['a.yaml', '--json=yes'], "--json is a switch and takes no value ('--json=yes')"],
    [[], 'SCENARIO.(yaml|json) is missing'],
  ],
  history: [
    [['--dat', 'x'], 'unknown flag --dat (did you mean --data?)'],
    [['--data'], '--data needs a value: --data DIR'],
    [['pcx-1', 'pcx-2'], "takes at most 1 argument; 'pcx-2' is one too many"],
  ],
  reach: [
    [['--bogus', 'x'], 'unknown flag --bogus'],
    [['--endpoint', 'http://127.0.0.1:9', 'subnet-1', '10.0.0.1'], '--account ACCOUNT is required'],
    [['--account', '111111111111', '--region', 'us-east-1', 'subnet-1'], 'SOURCE IP is missing'],
    [['--account', '111111111111', '--region', 'us-east-1', 'subnet-1', '10.0.0.1'], 'give exactly one of --endpoint URL and --data DIR'],
    [['--endpoint', 'ftp://x', '--account', '111111111111', '--region', 'us-east-1', 'subnet-1', '10.0.0.1'], "--endpoint must be an http(s) URL, not 'ftp://x'"],
  ],
  conform: [
    [['--endpoint', 'http://127.0.0.1:9', '--run', '5'], 'unknown flag --run (did you mean --runs?)'],
    [['--endpoint', 'http://127.0.0.1:9', '--runs', 'many'], "--runs must be an integer of at least 1, not 'many'"],
    [['--runs', '5'], '--endpoint URL is required'],
  ],
};

/** A default each command's usage must state, with the flag it belongs to. */
const DEFAULTS: Readonly<Record<string, readonly RegExp[]>> = {
  serve: [/--port PORT +the TCP port.*\(default: 4599\)/, /--clock wall\|manual[\s\S]*?\(default: wall\)/, /--timing instant\|realistic[\s\S]*?reproduces\s+AWS's windows, and the races they cause \(default: instant\)/, /--describe-delay-ms N[\s\S]*?\(default: 0\)/, /--data DIR[\s\S]*?\(default: in memory\)/, /--quiet[\s\S]*?\(default: off\)/],
  run: [/--json[\s\S]*?\(default: off\)/],
  history: [/--data DIR[\s\S]*?\(default: \.pcxsim-data\)/],
  reach: [/--endpoint URL[\s\S]*?\(default: none\)/, /--account ACCOUNT[\s\S]*?\(required\)/, /--json[\s\S]*?\(default: off\)/],
  conform: [/--runs N[\s\S]*?\(default: 100\)/, /--endpoint URL[\s\S]*?\(required\)/, /--settle-ms MS[\s\S]*?\(default: 10000\)/],
};

describe('pcxsim refuses a wrong command line, naming the flag, with the usage, exit 2', () => {
  for (const [command, cases] of Object.entries(REFUSALS)) {
    it(`pcxsim ${command}`, async () => {
      const runs = await Promise.all(cases.map(([args]) => pcxsim(command, ...args)));
      runs.forEach((run, i) => {
        const [args, message] = cases[i]!;
        const what = `pcxsim ${command} ${args.join(' ')}`;
        expect(run.stderr, what).toContain(`pcxsim ${command}: ${message}`);
        expect(run.stderr, what).toContain(`usage: pcxsim ${command} `);
        expect(run.stdout, what).toBe('');
        expect(run.code, what).toBe(2);
      });
    }, 120_000);
  }

  it('an unknown command, or help for one, is refused with the overview', async () => {
    const [unknown, help] = await Promise.all([pcxsim('frobnicate'), pcxsim('help', 'frobnicate')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("pcxsim: unknown command 'frobnicate'");
    expect(help.code).toBe(2);
    expect(help.stderr).toContain("pcxsim help: unknown command 'frobnicate'");
    for (const run of [unknown, help]) expect(run.stderr).toContain('usage: pcxsim <command> [options]');
  }, 60_000);
});

describe('pcxsim helps', () => {
  it('pcxsim --help, -h and help print the overview: every command with its flags at their defaults, exit 0', async () => {
    const runs = await Promise.all([pcxsim('--help'), pcxsim('-h'), pcxsim('help')]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe(runs[0]!.stdout);
    }
    const overview = runs[0]!.stdout;
    expect(overview).toContain('serve    [--host 127.0.0.1] [--port 4599] [--data DIR] [--clock wall|manual]');
    expect(overview).toContain('run      SCENARIO.(yaml|json) [--json]');
    expect(overview).toContain('history  [pcx-id|vpc-id] [--data .pcxsim-data]');
    expect(overview).toContain('conform  --endpoint URL [--runs 100] [--seed N] [--max-steps 10]');
    expect(overview).toContain('reach    SOURCE IP [--endpoint URL] [--data DIR] --account ACCOUNT --region REGION');
  }, 60_000);

  for (const [command, defaults] of Object.entries(DEFAULTS)) {
    it(`pcxsim help ${command}, ${command} --help and ${command} -h print its usage with every flag's default, exit 0`, async () => {
      // -h wins over a mistake beside it: whoever asks for help gets it.
      const runs = await Promise.all([pcxsim('help', command), pcxsim(command, '--help'), pcxsim(command, '-h'), pcxsim(command, '--no-such-flag', '-h')]);
      for (const run of runs) {
        expect(run.code).toBe(0);
        expect(run.stderr).toBe('');
        expect(run.stdout).toBe(runs[0]!.stdout);
      }
      const usage = runs[0]!.stdout;
      expect(usage.startsWith(`usage: pcxsim ${command} `)).toBe(true);
      expect(usage).toContain('-h, --help');
      for (const pattern of defaults) expect(usage).toMatch(pattern);
      // Every flag line states its default (or that it is required).
      const flagLines = usage.split(/\n(?=  -)/).slice(1).filter((line) => !line.startsWith('  -h, --help'));
      expect(flagLines.length).toBeGreaterThan(0);
      for (const line of flagLines) expect(line.replace(/\s+/g, ' ')).toMatch(/\((default: [^)]+|required)\)/);
    }, 60_000);
  }

  it("the README's synopsis of serve is the one serve --help prints, defaults included", async () => {
    const usage = (await pcxsim('serve', '--help')).stdout;
    const synopsis = usage.slice('usage: '.length, usage.indexOf('\n\n')).replace(/\s+/g, ' ');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const stated = /`pnpm (pcxsim serve [^`]*)`/.exec(readme)?.[1]?.replace(/\s+/g, ' ');
    expect(stated).toBe(synopsis);
  }, 60_000);
});
