// A divergence saved to be run again alone (`pcxsim conform --save-replays DIR`, then `--replay
// FILE`): the shrunk sequence itself, in symbolic form, not fast-check's path — a path replays only
// with the same seed, the same options and the same generator, a sequence with any of them. The
// file is JSON:
//
//   { "pcxsimConformReplay": 1,            the format's version
//     "rule": { "id": "filters", … },      what it showed when saved (for people; not checked)
//     "step": 3,                           the step that showed it
//     "sequence": [ { "caller": { "accountId": "111111111111", "region": "us-east-1" },
//                     "command": { "type": "CreateVpc", "CidrBlock": "10.0.0.0/16" } }, … ] }
//
// `sequence` is what the report's `divergences[i].sequence` holds: symbolic IDs ($vpc0, $pcx1)
// resolved on each side when replayed.
import type { SequenceStep } from '../arbitraries/sequence-step.js';
import type { Divergence } from './report.js';

/** The version this checker writes and reads. */
export const REPLAY_FORMAT = 1;

/** A divergence as a replay file's text. */
export function replayFileOf(divergence: Divergence): string {
  return `${JSON.stringify({ pcxsimConformReplay: REPLAY_FORMAT, rule: divergence.rule, step: divergence.step, sequence: divergence.sequence }, null, 2)}\n`;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The sequence of a replay file's text; throws an Error saying what is wrong with it. */
export function parseReplayFile(text: string): readonly SequenceStep[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`not JSON: ${(error as Error).message}`);
  }
  if (!isRecord(parsed) || parsed['pcxsimConformReplay'] !== REPLAY_FORMAT) {
    throw new Error(`not a replay file: expected {"pcxsimConformReplay": ${REPLAY_FORMAT}, "sequence": [...]} (written by --save-replays)`);
  }
  const sequence = parsed['sequence'];
  if (!Array.isArray(sequence) || sequence.length === 0) throw new Error('"sequence" must be a non-empty list of steps');
  sequence.forEach((step: unknown, i) => {
    const caller = isRecord(step) ? step['caller'] : undefined;
    const command = isRecord(step) ? step['command'] : undefined;
    const ok =
      isRecord(caller) &&
      typeof caller['accountId'] === 'string' &&
      /^\d{12}$/.test(caller['accountId']) &&
      typeof caller['region'] === 'string' &&
      isRecord(command) &&
      typeof command['type'] === 'string';
    if (!ok) throw new Error(`step ${i + 1} must be {"caller": {"accountId": "<12 digits>", "region": "…"}, "command": {"type": "<action>", …}}`);
  });
  return sequence as SequenceStep[];
}
