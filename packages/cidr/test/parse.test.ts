import { fc, test } from '@fast-check/vitest';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { canonicalPrefix, canonicalPrefixes, formatAddress, formatPrefix, parseAddress, parsePrefix, prefixOf } from '../src/index.js';
import { anyPrefix, anyV6Prefix, parsed } from './arbitraries.js';

// spec §6.1 and the issue's list of forms AWS refuses: the literal table is the contract.
const accepted: [string, string][] = [
  ['10.0.0.0/16', '10.0.0.0/16'],
  ['100.68.0.0/18', '100.68.0.0/18'],
  ['172.31.0.0/16', '172.31.0.0/16'],
  ['192.168.0.0/28', '192.168.0.0/28'],
  ['0.0.0.0/0', '0.0.0.0/0'],
  ['255.255.255.255/32', '255.255.255.255/32'],
  ['2600:1f18:abcd:1200::/56', '2600:1f18:abcd:1200::/56'],
  ['2600:1F18:ABCD:1200::/56', '2600:1f18:abcd:1200::/56'],
  ['2001:0db8:0000:0000:0000:0000:0000:0000/32', '2001:db8::/32'],
  ['2001:db8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128'],
  ['2001:db8::1:0:0:0/128', '2001:db8:0:0:1::/128'],
  ['::/0', '::/0'],
  ['::1/128', '::1/128'],
  ['1::/16', '1::/16'],
  ['::ffff:10.0.0.1/128', '::ffff:a00:1/128'],
  ['64:ff9b::192.0.2.33/128', '64:ff9b::c000:221/128'],
  ['1:2:3:4:5:6:7:8/128', '1:2:3:4:5:6:7:8/128'],
  ['1:0:3:4:5:6:7:8/128', '1:0:3:4:5:6:7:8/128'],
];

const rejected: [string, string][] = [
  ['10.0/16', 'malformed-address'],
  ['10/8', 'malformed-address'],
  ['010.0.0.0/8', 'malformed-address'],
  ['10.00.0.0/16', 'malformed-address'],
  ['0x0a.0.0.0/8', 'malformed-address'],
  ['0xa000000/8', 'malformed-address'],
  ['167772160/8', 'malformed-address'],
  ['10.0.0.256/32', 'malformed-address'],
  ['10.0.0.0.0/16', 'malformed-address'],
  ['10.0.0/24', 'malformed-address'],
  [' 10.0.0.0/16', 'malformed-address'],
  ['10.0.0.0 /16', 'malformed-address'],
  ['', 'malformed-address'],
  ['/16', 'malformed-address'],
  ['10.0.0.0', 'missing-length'],
  ['2001:db8::', 'missing-length'],
  ['10.0.0.0/', 'malformed-length'],
  ['10.0.0.0/08', 'malformed-length'],
  ['10.0.0.0/00', 'malformed-length'],
  ['10.0.0.0/+8', 'malformed-length'],
  ['10.0.0.0/16 ', 'malformed-length'],
  ['10.0.0.0/1000', 'malformed-length'],
  ['10.0.0.0/33', 'length-out-of-range'],
  ['::/129', 'length-out-of-range'],
  ['10.0.0.1/16', 'host-bits-set'],
  ['2001:db8::1/64', 'host-bits-set'],
  ['2001:db8:::/48', 'malformed-address'],
  ['2001::db8::/48', 'malformed-address'],
  [':2001:db8::/48', 'malformed-address'],
  ['2001:db8:/32', 'malformed-address'],
  ['1:2:3:4:5:6:7:8:9/128', 'malformed-address'],
  ['1:2:3:4:5:6:7/112', 'malformed-address'],
  ['1:2:3:4:5:6:7:8::/128', 'malformed-address'],
  ['12345::/16', 'malformed-address'],
  ['g::/16', 'malformed-address'],
  ['fe80::1%eth0/128', 'malformed-address'],
  ['::ffff:010.0.0.1/128', 'malformed-address'],
  ['::ffff:10.0.1/128', 'malformed-address'],
  ['1:2:3:4:5:6:7:1.2.3.4/128', 'malformed-address'],
  ['::1.2.3.4:5/128', 'malformed-address'],
];

describe('parsePrefix accepts exactly the AWS forms (spec §6.1, issue list)', () => {
  it.each(accepted)('accepts %s as %s', (text, canonical) => {
    const result = parsePrefix(text);
    expect(result.ok).toBe(true);
    if (result.ok) expect(formatPrefix(result.value)).toBe(canonical);
    expect(canonicalPrefix(text)).toEqual({ ok: true, value: canonical });
  });

  it.each(rejected)('rejects %s (%s)', (text, code) => {
    const result = parsePrefix(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toContain(text);
    }
  });

  it('accepts every VPC block size /16–/28 and the canonical form of each', () => {
    for (let length = 16; length <= 28; length++) {
      expect(parsePrefix(`10.0.0.0/${length}`).ok).toBe(true);
    }
  });

  it('canonicalises host bits only when asked, as AWS stores a VPC block (100.68.0.18/18 → 100.68.0.0/18)', () => {
    expect(parsePrefix('100.68.0.18/18').ok).toBe(false);
    const cleared = parsePrefix('100.68.0.18/18', { hostBits: 'clear' });
    expect(cleared.ok && formatPrefix(cleared.value)).toBe('100.68.0.0/18');
    expect(cleared.ok && cleared.hostBitsSet).toBe(true);
    const clean = parsePrefix('100.68.0.0/18', { hostBits: 'clear' });
    expect(clean.ok && clean.hostBitsSet).toBe(false);
    expect(canonicalPrefix('2001:db8::1/64')).toEqual({ ok: true, value: '2001:db8::/64' });
  });

  it('never throws on non-string input', () => {
    expect(parsePrefix(undefined as unknown as string).ok).toBe(false);
    expect(parseAddress(42 as unknown as string).ok).toBe(false);
    expect(canonicalPrefix(null as unknown as string).ok).toBe(false);
  });
});

describe('text round trips', () => {
  test.prop([anyPrefix])('format then parse is the identity on prefixes', (p) => {
    const text = formatPrefix(p);
    const result = parsePrefix(text);
    expect(result.ok && result.value).toEqual(p);
    expect(canonicalPrefix(text)).toEqual({ ok: true, value: text });
  });

  test.prop([anyV6Prefix])('IPv6 text is RFC 5952: lowercase, no leading zeros, longest zero run compressed', (p) => {
    const text = formatPrefix(p).split('/')[0]!;
    expect(text).toBe(ipaddr.parse(text).toString()); // ipaddr.js writes RFC 5952 form
    expect(text).not.toMatch(/[A-F]|(^|:)0[0-9a-f]|:::/);
  });

  test.prop([anyV6Prefix, fc.constantFrom('full', 'padded', 'upper')])('every spelling of an IPv6 address parses to the same prefix', (p, style) => {
    const address = ipaddr.fromByteArray(p.words.flatMap((w) => [w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255])) as ipaddr.IPv6;
    const long = address.toNormalizedString(); // 8 groups, no compression, no padding
    const text =
      style === 'full' ? long : style === 'padded' ? long.split(':').map((g) => g.padStart(4, '0')).join(':') : address.toString().toUpperCase();
    const result = parsePrefix(`${text}/${p.length}`);
    expect(result.ok && result.value).toEqual(p);
  });

  test.prop([fc.string({ maxLength: 45 })])('agrees with ipaddr.js on every address both accept, and is never more lenient on IPv4', (text) => {
    const ours = parseAddress(text);
    if (ours.ok) {
      const theirs = ipaddr.parse(text);
      const bytes = theirs.toByteArray();
      const words = [];
      for (let i = 0; i < bytes.length; i += 4) words.push(((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0);
      expect(ours.value.words).toEqual(words);
      if (ours.value.family === 4) expect(ipaddr.IPv4.isValidFourPartDecimal(text)).toBe(true);
    }
  });

  test.prop([fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)), fc.nat(32)])('dotted quads parse to the same words as ipaddr.js', (octets, length) => {
    const text = octets.join('.');
    const ours = parseAddress(text);
    expect(ours.ok && ours.value.words[0]).toBe(ipaddr.IPv4.parse(text).toByteArray().reduce((a, b) => a * 256 + b, 0));
    expect(ours.ok && formatAddress(ours.value)).toBe(text);
    const prefix = ours.ok ? prefixOf(ours.value, length) : undefined;
    expect(prefix?.ok && formatPrefix(prefix.value)).toBe(`${ipaddr.IPv4.networkAddressFromCIDR(`${text}/${length}`).toString()}/${length}`);
  });

  test.prop([fc.array(anyPrefix, { maxLength: 20 })])('canonicalPrefixes is canonicalPrefix over a list, in order', (prefixes) => {
    const texts = prefixes.map(formatPrefix);
    expect(canonicalPrefixes(texts)).toEqual({ ok: true, value: texts.map((t) => (canonicalPrefix(t) as { value: string }).value) });
  });

  it('canonicalPrefixes names the index of the first refused text', () => {
    const result = canonicalPrefixes(['10.0.0.0/16', '10.0.0.1/32', '10.0/16']);
    expect(result).toMatchObject({ ok: false, index: 2, error: { code: 'malformed-address' } });
  });

  it('parseAddress refuses a prefix length', () => {
    expect(parseAddress('10.0.0.0/16').ok).toBe(false);
    const mapped = parseAddress('::ffff:1.2.3.4');
    expect(mapped.ok && formatAddress(mapped.value)).toBe('::ffff:102:304');
  });

  it('prefixOf refuses impossible lengths', () => {
    const address = parsed('10.0.0.0/32');
    expect(prefixOf(address, 33).ok).toBe(false);
    expect(prefixOf(address, -1).ok).toBe(false);
    expect(prefixOf(address, 1.5).ok).toBe(false);
  });
});
