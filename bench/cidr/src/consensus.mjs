// The fingerprint check: on each row (workload, size), the result most tools computed is the
// consensus, and every tool is held to it. A benchmark of tools that compute different things
// measures nothing, so a disagreement fails the run — unless it is a library defect already
// diagnosed in known-defects.mjs. pcxsim itself must finish every row and agree on every row.
import { KNOWN_DEFECTS } from './known-defects.mjs';

const rowKey = (record) => `${record.workload} ${record.size}`;
const knownDefect = (record) => KNOWN_DEFECTS[`${record.tool} ${record.workload}`];
const complete = (record) => record.status === 'ok';

/**
 * @param {readonly object[]} records one result per cell (see cell.mjs), in any order
 * @param {{ project: string }} options the tool that must finish and agree everywhere
 * @returns {{ verdicts: Map<object, 'agrees' | 'differs' | 'known-defect' | 'unchecked'>,
 *             consensus: Map<string, object | undefined>, failures: string[] }}
 */
export function checkFingerprints(records, { project }) {
  const verdicts = new Map();
  const consensus = new Map();
  const failures = [];
  const rows = [...new Set(records.map(rowKey))];
  for (const row of rows) {
    const cells = records.filter((record) => rowKey(record) === row);
    const votes = new Map();
    for (const record of cells.filter(complete)) votes.set(record.fp, [...(votes.get(record.fp) ?? []), record]);
    const ranked = [...votes.values()].sort((a, b) => b.length - a.length);
    const tied = ranked.length > 1 && ranked[0].length === ranked[1].length;
    const reference = tied ? undefined : ranked[0]?.[0];
    consensus.set(row, reference);
    if (tied) failures.push(`${row}: no consensus (${ranked.map((group) => `${group.map((r) => r.tool).join('+')} fp=${group[0].fp}`).join(' vs ')})`);
    for (const record of cells) {
      let verdict = 'unchecked';
      if (reference !== undefined && complete(record)) verdict = record.fp === reference.fp ? 'agrees' : 'differs';
      else if (reference !== undefined && record.status === 'partial') verdict = record.headFp === reference.headFp ? 'agrees' : 'differs';
      if (verdict === 'differs' && knownDefect(record) !== undefined && record.tool !== project) verdict = 'known-defect';
      verdicts.set(record, verdict);
      if (verdict === 'differs') failures.push(`${row}: ${record.tool} computed count=${record.count} addresses=${record.addresses} fp=${record.fp}, the consensus count=${reference.count} addresses=${reference.addresses} fp=${reference.fp}`);
      if (record.tool === project && !complete(record)) failures.push(`${row}: ${project} did not finish (${record.status}${record.note ? `: ${record.note}` : ''})`);
      else if (record.status === 'error' && knownDefect(record) === undefined) failures.push(`${row}: ${record.tool} failed: ${record.note}`);
    }
  }
  return { verdicts, consensus, failures };
}
