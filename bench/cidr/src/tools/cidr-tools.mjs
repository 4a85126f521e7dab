// cidr-tools: the fastest of the npm libraries on set operations; works on string arrays.
import * as cidrTools from 'cidr-tools';
import { versionOf } from './version-of.mjs';

export const tool = {
  name: 'cidr-tools',
  version: versionOf('cidr-tools'),
  merge: (lines) => cidrTools.mergeCidr(lines),
  exclude: (base, excluded) => cidrTools.excludeCidr(base, excluded),
  // overlapCidr(a, b) answers for two whole lists and parses both on every call: there is no set
  // object to build once, so each query re-reads the 100k-line set.
  overlap: { build: (lines) => lines, query: (set, text) => cidrTools.overlapCidr(set, text) },
  normalize: (lines) => lines.map((text) => cidrTools.normalizeCidr(text)),
  parseOnly: (lines) => {
    for (const text of lines) cidrTools.parseCidr(text);
  },
  notes: { W4: 'overlapCidr(set, q) re-parses the set per query', W5: 'normalizeCidr; parse-only: parseCidr' },
};
