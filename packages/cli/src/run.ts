// `pcxsim run`: replays a scenario file (scenario.ts) and prints its timeline; exit 1 when an
// expectation fails, 2 when the file cannot be read or is no scenario.
import { readFileSync } from 'node:fs';
import { defineCommand } from './command.js';
import { toggle } from './flags.js';
import { formatTimeline, parseScenario, runScenario, type Scenario } from './scenario.js';

/** `pcxsim run`. */
export const runCommand = defineCommand({
  name: 'run',
  summary: 'Replay a scenario and check its expectations (exit 1 when one fails).',
  operands: { usage: 'SCENARIO.(yaml|json)', min: 1, max: 1, help: 'the scenario file: callers, steps and expectations (see examples/scenarios)' },
  flags: {
    json: toggle('print the result as JSON instead of the timeline'),
  },
  run: ({ flags, operands }) => {
    const file = operands[0]!;
    let scenario: Scenario;
    try {
      scenario = parseScenario(readFileSync(file, 'utf8'), file);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      process.stderr.write(`pcxsim run: cannot use ${file}: ${code ?? message}\n`);
      return 2;
    }
    const result = runScenario(scenario);
    process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : formatTimeline(result, process.stdout.isTTY === true && !('NO_COLOR' in process.env)));
    return result.passed ? 0 : 1;
  },
});
