// ipaddr.js: parsing and formatting only (no set operations). Also pcxsim's test oracle.
import ipaddr from 'ipaddr.js';
import { versionOf } from './version-of.mjs';

/** The network of `addr/len`: the address's bytes with the host bits cleared, formatted again. */
function canonical(text) {
  const [address, length] = ipaddr.parseCIDR(text);
  const bytes = address.toByteArray();
  for (let i = 0; i < bytes.length; i++) {
    const kept = Math.max(0, Math.min(8, length - 8 * i));
    bytes[i] &= (0xff00 >> kept) & 0xff;
  }
  return `${ipaddr.fromByteArray(bytes).toString()}/${length}`;
}

const noSetOperations = 'no set operations';

export const tool = {
  name: 'ipaddr.js',
  version: versionOf('ipaddr.js'),
  normalize: (lines) => lines.map(canonical),
  parseOnly: (lines) => {
    for (const text of lines) ipaddr.parseCIDR(text);
  },
  unavailable: { W1: noSetOperations, W2: noSetOperations, W3: noSetOperations, W4: 'subnetMatch matches addresses, not prefixes' },
  notes: { W5: 'parseCIDR + byte mask + fromByteArray; parse-only: parseCIDR' },
};
