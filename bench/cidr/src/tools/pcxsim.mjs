// pcxsim's own column: @pcxsim/cidr as built (dist/), called through its public API only.
import * as cidr from '@pcxsim/cidr';
import { createRequire } from 'node:module';

const { version } = createRequire(import.meta.url)('@pcxsim/cidr/package.json');

/** The set of `lines`; a line the strict parser refuses is a failure of the run, not a skip. */
function setOf(lines) {
  const parsed = cidr.parsePrefixSet(lines);
  if (!parsed.ok) throw new Error(`line ${parsed.index + 1}: ${parsed.error.message}`);
  return parsed.value;
}

export const tool = {
  name: 'pcxsim',
  version: `@pcxsim/cidr@${version}`,
  merge: (lines) => cidr.formatPrefixSet(setOf(lines)),
  exclude: (base, excluded) => cidr.formatPrefixSet(cidr.difference(setOf(base), setOf(excluded))),
  overlap: {
    build: (lines) => setOf(lines),
    query: (set, text) => {
      const parsed = cidr.parsePrefix(text);
      if (!parsed.ok) throw new Error(`${text}: ${parsed.error.message}`);
      return cidr.overlaps(set, parsed.value);
    },
  },
  normalize: (lines) => {
    const canonical = cidr.canonicalPrefixes(lines);
    if (!canonical.ok) throw new Error(canonical.error.message);
    return canonical.value;
  },
  parseOnly: (lines) => {
    for (const text of lines) if (!cidr.parsePrefix(text, { hostBits: 'clear' }).ok) throw new Error(text);
  },
  notes: { W5: 'canonicalPrefixes; parse-only: parsePrefix(hostBits clear)' },
};
