// What a tool computed, reduced to a few values that any two tools can compare: how many results,
// how many addresses they cover (exact, BigInt), and a hash. Computed outside the timed region,
// with ipaddr.js as an independent parser (not the project's own), so a spelling difference
// between tools never counts as a different result but a different set always does.
import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';

const hash12 = (text) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/** The number of addresses of `addr/len` (the family read from the text). */
function sizeOf(cidr) {
  const slash = cidr.indexOf('/');
  const bits = cidr.includes(':') ? 128 : 32;
  return 1n << BigInt(bits - Number(cidr.slice(slash + 1)));
}

/** `4:0a000000/8`: family, network address in fixed-width hex, length; spelling-free. */
function keyOf(cidr) {
  const slash = cidr.indexOf('/');
  const address = ipaddr.parse(cidr.slice(0, slash));
  const hex = address.toByteArray().map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${address.kind() === 'ipv6' ? 6 : 4}:${hex}${cidr.slice(slash)}`;
}

/** W1–W3: a set of prefixes; neither order nor spelling matters. */
export function fingerprintSet(outputs) {
  let addresses = 0n;
  const keys = new Array(outputs.length);
  for (let i = 0; i < outputs.length; i++) {
    keys[i] = keyOf(outputs[i]);
    addresses += sizeOf(outputs[i]);
  }
  keys.sort();
  return { count: outputs.length, addresses: addresses.toString(), fp: hash12(keys.join('\n') + '\n') };
}

/** W5: canonical strings in input order; the exact text is the result. */
export function fingerprintSequence(outputs) {
  let addresses = 0n;
  for (const output of outputs) addresses += sizeOf(output);
  return { count: outputs.length, addresses: addresses.toString(), fp: hash12(outputs.join('\n') + '\n') };
}

/** How many leading answers `headFp` covers: a partial W4 run is compared on these. */
export const HEAD_ANSWERS = 100;

/** W4: one boolean per query, in query order (`answers` may be a prefix when the run stopped early). */
export function fingerprintAnswers(answers, queries) {
  let hits = 0;
  let addresses = 0n;
  let bits = '';
  for (let i = 0; i < answers.length; i++) {
    bits += answers[i] ? '1' : '0';
    if (answers[i]) {
      hits++;
      addresses += sizeOf(queries[i]);
    }
  }
  return { count: hits, addresses: addresses.toString(), fp: hash12(bits), headFp: hash12(bits.slice(0, HEAD_ANSWERS)) };
}
