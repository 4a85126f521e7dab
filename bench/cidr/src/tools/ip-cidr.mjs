// ip-cidr: one CIDR at a time (start, end, ranges), built on ip-address (CommonJS).
import { createRequire } from 'node:module';
import { versionOf } from './version-of.mjs';

const IPCIDR = createRequire(import.meta.url)('ip-cidr').default;
const lengthOf = (text) => text.slice(text.indexOf('/') + 1);
const noSetOperations = 'no set operations';

export const tool = {
  name: 'ip-cidr',
  version: versionOf('ip-cidr'),
  normalize: (lines) => lines.map((text) => `${new IPCIDR(text).start({ type: 'addressObject' }).correctForm()}/${lengthOf(text)}`),
  unavailable: { W1: noSetOperations, W2: noSetOperations, W3: noSetOperations, W4: noSetOperations },
  notes: { W5: 'new IPCIDR(text).start().correctForm()' },
};
