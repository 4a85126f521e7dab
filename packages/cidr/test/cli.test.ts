import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCidrCommand } from '../src/cli.js';

const run = (args: string[], stdin = '') => runCidrCommand(args, () => stdin);

describe('pcxsim-cidr', () => {
  it('merge prints the minimal prefix list of its arguments', () => {
    expect(run(['merge', '10.0.0.0/24', '10.0.1.0/24', '2001:db8::/33', '2001:db8:8000::/33'])).toEqual({
      stdout: '10.0.0.0/23\n2001:db8::/32\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('merge reads stdin when given no CIDR', () => {
    expect(run(['merge'], '10.0.0.0/25\n10.0.0.128/25\n\n').stdout).toBe('10.0.0.0/24\n');
  });

  it('exclude removes the CIDRs from the base', () => {
    expect(run(['exclude', '10.0.0.0/22', '10.0.1.0/24']).stdout).toBe('10.0.0.0/24\n10.0.2.0/23\n');
    expect(run(['exclude', '10.0.0.0/23,10.0.4.0/24'], '10.0.0.0/24 10.0.4.0/24').stdout).toBe('10.0.1.0/24\n');
  });

  it('overlaps prints the shared prefixes and exits 1 when there are none', () => {
    expect(run(['overlaps', '10.0.0.0/16', '10.0.128.0/17,192.168.0.0/16'])).toMatchObject({ stdout: '10.0.128.0/17\n', exitCode: 0 });
    expect(run(['overlaps', '10.0.0.0/16'], '10.1.0.0/16')).toMatchObject({ stdout: '', exitCode: 1 });
  });

  it('contains answers yes or no', () => {
    expect(run(['contains', '10.0.0.0/16', '10.0.3.0/24,10.0.200.0/24'])).toMatchObject({ stdout: 'yes\n', exitCode: 0 });
    expect(run(['contains', '10.0.0.0/16', '10.0.0.0/15'])).toMatchObject({ stdout: 'no\n', exitCode: 1 });
  });

  it('is strict about host bits unless asked to clear them', () => {
    const strict = run(['merge', '10.0.0.1/24']);
    expect(strict.exitCode).toBe(2);
    expect(strict.stderr).toContain("'10.0.0.1/24' has host bits set");
    expect(run(['--clear-host-bits', 'merge', '10.0.0.1/24']).stdout).toBe('10.0.0.0/24\n');
  });

  it('reports bad usage with exit code 2', () => {
    expect(run([]).exitCode).toBe(2);
    expect(run(['frobnicate']).exitCode).toBe(2);
    expect(run(['merge', '--bogus']).exitCode).toBe(2);
    expect(run(['exclude']).exitCode).toBe(2);
    expect(run(['merge', '10.0/16']).stderr).toContain('10.0/16');
    expect(run(['--help'])).toMatchObject({ exitCode: 0 });
  });

  it('refuses an unknown flag or a valued switch by name, with the usage; -h and --help print the usage', () => {
    for (const [args, message] of [
      [['merge', '--bogus', '10.0.0.0/8'], 'unknown flag --bogus'],
      [['-x', 'merge'], 'unknown flag -x'],
      [['--clear-host-bits=false', 'merge', '10.0.0.1/24'], "--clear-host-bits is a switch and takes no value ('--clear-host-bits=false')"],
    ] as const) {
      const refused = run([...args]);
      expect(refused.exitCode, args.join(' ')).toBe(2);
      expect(refused.stderr).toContain(`pcxsim-cidr: ${message}`);
      expect(refused.stderr).toContain('usage: pcxsim-cidr');
      expect(refused.stdout).toBe('');
    }
    for (const args of [['-h'], ['--help'], ['merge', '-h'], ['help']]) {
      expect(run(args), args.join(' ')).toEqual({ stdout: expect.stringContaining('--clear-host-bits is given (default: off)'), stderr: '', exitCode: 0 });
    }
  });

  const bin = fileURLToPath(new URL('../bin/pcxsim-cidr.mjs', import.meta.url));
  it('runs as a command over stdin and arguments', () => {
    // The bin runs the built package; build it (incrementally) so this test never depends on order.
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, '-b', `${root}/packages/cidr/tsconfig.build.json`]);
    expect(existsSync(fileURLToPath(new URL('../dist/cli.js', import.meta.url)))).toBe(true);
    expect(execFileSync(process.execPath, [bin, 'merge'], { input: '192.168.0.0/24\n192.168.1.0/24\n', encoding: 'utf8' })).toBe('192.168.0.0/23\n');
    expect(spawnSync(process.execPath, [bin, 'overlaps', '10.0.0.0/8', '11.0.0.0/8']).status).toBe(1);
    const refused = spawnSync(process.execPath, [bin, 'merge', '--clear-host-bit', '10.0.0.1/24'], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('pcxsim-cidr: unknown flag --clear-host-bit');
  });
});
