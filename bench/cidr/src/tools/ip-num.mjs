// ip-num: typed IPv4/IPv6 numbers and ranges, with a Pool that aggregates (CommonJS).
import { createRequire } from 'node:module';
import { versionOf } from './version-of.mjs';

const ipNum = createRequire(import.meta.url)('ip-num');
const rangeOf = (text) => (text.includes(':') ? ipNum.IPv6CidrRange.fromCidr(text) : ipNum.IPv4CidrRange.fromCidr(text));

export const tool = {
  name: 'ip-num',
  version: versionOf('ip-num'),
  merge: (lines) =>
    ipNum.Pool.fromCidrRanges(lines.map(rangeOf))
      .aggregate()
      .getRanges()
      .map((range) => range.toCidrRange().toCidrString()),
  normalize: (lines) =>
    lines.map((text) => {
      const range = rangeOf(text);
      const first = range.getFirst().toString();
      return `${text.includes(':') ? ipNum.collapseIPv6Number(first) : first}/${range.getPrefix().toString()}`;
    }),
  unavailable: {
    W3: 'Pool.removeOverlapping gives ranges, with no split into prefixes',
    W4: 'no overlap query against a set',
  },
  notes: { W1: 'Pool.aggregate', W2: 'Pool.aggregate', W5: 'fromCidr + getFirst + collapseIPv6Number' },
};
