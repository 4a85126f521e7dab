// netparser: network-address utilities with a summarize() (merge) and free-space finder (CommonJS).
import { createRequire } from 'node:module';
import { versionOf } from './version-of.mjs';

const netparser = createRequire(import.meta.url)('netparser');
const lengthOf = (text) => text.slice(text.indexOf('/') + 1);

export const tool = {
  name: 'netparser',
  version: versionOf('netparser'),
  merge: (lines) => netparser.summarize(lines),
  // findUnusedSubnets stops advancing past a subnet nested in an earlier one, so the exclusions are
  // summarize()d into disjoint prefixes first.
  exclude: (base, excluded) => netparser.findUnusedSubnets(base[0], netparser.summarize(excluded)),
  // network() keeps host bits; baseAddress() clears them.
  normalize: (lines) => lines.map((text) => `${netparser.baseAddress(text)}/${lengthOf(text)}`),
  unavailable: { W4: 'its Matcher answers containment only, not overlap' },
  notes: { W3: 'summarize + findUnusedSubnets', W5: 'baseAddress' },
};
