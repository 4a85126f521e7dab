// The results as a table (plain or Markdown), then the fingerprint check in words.
import { KNOWN_DEFECTS } from './known-defects.mjs';
import { WORKLOADS } from './workloads.mjs';

function formatMs(ms) {
  if (ms >= 100_000) return `${(ms / 1000).toFixed(0)}s`;
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)}s`;
  if (ms >= 100) return ms.toFixed(0);
  return ms.toFixed(1);
}

const STATUS_TEXT = { unavailable: 'n/a', timeout: 't/o', skip: 'skip', error: 'err' };
const MARK = { differs: ' !', 'known-defect': ' †' };

function cellText(record, verdict) {
  if (record === undefined) return '';
  if (record.status !== 'ok' && record.status !== 'partial') return STATUS_TEXT[record.status] ?? record.status;
  return `${record.status === 'partial' ? '~' : ''}${formatMs(record.ms)}${MARK[verdict] ?? ''}`;
}

/**
 * @param {readonly object[]} records
 * @param {ReturnType<typeof import('./consensus.mjs').checkFingerprints>} check
 * @param {{ tools: readonly string[], markdown: boolean }} options
 * @returns {string}
 */
export function renderReport(records, check, { tools, markdown }) {
  const rows = [...new Map(records.map((r) => [`${r.workload} ${r.size}`, [r.workload, r.size]])).values()];
  const header = ['workload', 'N', ...tools];
  const body = rows.map(([workload, size]) => [
    WORKLOADS[workload].title,
    String(size),
    ...tools.map((tool) => {
      const record = records.find((r) => r.tool === tool && r.workload === workload && r.size === size);
      return cellText(record, record && check.verdicts.get(record));
    }),
  ]);
  const lines = [];
  if (markdown) {
    lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
    for (const row of body) lines.push(`| ${row.join(' | ')} |`);
  } else {
    const widths = header.map((title, i) => Math.max(title.length, ...body.map((row) => row[i].length)));
    const pad = (row) => row.map((text, i) => (i < 2 ? text.padEnd(widths[i]) : text.padStart(widths[i]))).join('  ');
    lines.push(pad(header), ...body.map(pad));
  }
  lines.push(
    '',
    'ms for the operation alone, strings in, strings out (input reading and fingerprints not timed); median of 5 after a',
    'warm-up when a run takes under 1 s, of 3 under 10 s, else one run. ~ extrapolated from the queries answered in 5 s;',
    '! differs from the consensus; † differs, a known library defect; n/a the tool lacks the operation; t/o over the',
    'per-cell timeout; skip timed out at a smaller N.',
    '',
    'fingerprints (the consensus of each row):',
  );
  for (const [workload, size] of rows) {
    const reference = check.consensus.get(`${workload} ${size}`);
    const agreeing = records.filter((r) => r.workload === workload && r.size === size && check.verdicts.get(r) === 'agrees').map((r) => r.tool);
    lines.push(
      reference === undefined
        ? `  ${workload} ${size}: no consensus`
        : `  ${workload} ${size}: count=${reference.count} addresses=${reference.addresses} fp=${reference.fp} (${agreeing.join(', ')})`,
    );
  }
  const known = records.filter((r) => check.verdicts.get(r) === 'known-defect');
  if (known.length > 0) {
    lines.push('', 'known library defects seen in this run:');
    for (const r of known) lines.push(`  ${r.workload} ${r.size} ${r.tool}: ${KNOWN_DEFECTS[`${r.tool} ${r.workload}`]}`);
  }
  const extras = records.filter((r) => r.parseOnlyMs !== undefined || r.buildMs !== undefined);
  if (extras.length > 0) {
    lines.push('', 'parts:');
    for (const r of extras) {
      const parts = [];
      if (r.parseOnlyMs !== undefined) parts.push(`parse only ${formatMs(r.parseOnlyMs)} ms`);
      if (r.buildMs !== undefined) parts.push(`set build ${formatMs(r.buildMs)} ms`);
      if (r.status === 'partial') parts.push(`answered ${r.answered} of ${r.size} queries`);
      lines.push(`  ${r.workload} ${r.size} ${r.tool}: ${parts.join(', ')}`);
    }
  }
  lines.push('', check.failures.length === 0 ? 'fingerprint check: every tool that finished agrees' : `fingerprint check FAILED:\n  ${check.failures.join('\n  ')}`);
  return lines.join('\n');
}
