// fast-cidr-tools: a BigInt-based rewrite of cidr-tools' operations (CommonJS).
import { createRequire } from 'node:module';
import { versionOf } from './version-of.mjs';

const fast = createRequire(import.meta.url)('fast-cidr-tools');
const lengthOf = (text) => text.slice(text.indexOf('/') + 1);

export const tool = {
  name: 'fast-cidr-tools',
  version: versionOf('fast-cidr-tools'),
  merge: (lines) => fast.merge(lines),
  exclude: (base, excluded) => fast.exclude(base, excluded),
  overlap: { build: (lines) => lines, query: (set, text) => fast.overlap(set, [text]) },
  // No normalise function: parse() gives [start, end, version]; the start, formatted, is the network.
  normalize: (lines) =>
    lines.map((text) => {
      const [start, , version] = fast.parse(text);
      return `${fast.bigint2ip(start, version)}/${lengthOf(text)}`;
    }),
  parseOnly: (lines) => {
    for (const text of lines) fast.parse(text);
  },
  notes: { W4: 'overlap(set, [q]) re-parses the set per query', W5: 'parse + bigint2ip' },
};
