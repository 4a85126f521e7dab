import type { CreateVpcCommand } from '@pcxsim/engine';
import fc from 'fast-check';
import { tagSet } from './tag-set.js';
import { vpcCidrBlock, type VpcCidrBlockConstraints } from './vpc-cidr-block.js';

/** Constraints of {@link vpc}. */
export interface VpcConstraints {
  /**
   * The primary IPv4 blocks to draw from.
   * @defaultValue {@link vpcCidrBlock}()
   */
  readonly cidrBlock?: fc.Arbitrary<string> | VpcCidrBlockConstraints;
  /**
   * Ask for an Amazon-provided IPv6 /56 too: `'sometimes'`, `'always'` or `'never'`.
   * @defaultValue `'sometimes'`
   */
  readonly ipv6?: 'sometimes' | 'always' | 'never';
  /**
   * Give the VPC tags through a TagSpecification (1 to 5 portable tags): `'sometimes'`, `'always'`
   * or `'never'`.
   * @defaultValue `'sometimes'`
   */
  readonly tags?: 'sometimes' | 'always' | 'never';
}

/** An arbitrary of `value` or nothing, as `'sometimes'`/`'always'`/`'never'` asks. */
function maybe<T>(how: 'sometimes' | 'always' | 'never', value: fc.Arbitrary<T>): fc.Arbitrary<T | null> {
  return how === 'never' ? fc.constant(null) : how === 'always' ? value : fc.option(value);
}

/**
 * CreateVpc commands that succeed, as `apply` and an SDK's `CreateVpcCommand` take them: a valid
 * primary block (see {@link vpcCidrBlock}), sometimes an Amazon-provided IPv6 block, sometimes tags
 * in a TagSpecification of type `vpc`.
 *
 * Shrinks towards no IPv6 and no tags, then shrinks the block (`10.0.0.0/16`) and the tags.
 *
 * @example
 * ```ts
 * vpc() // { type: 'CreateVpc', CidrBlock: '10.7.0.0/16' }, { type: 'CreateVpc', CidrBlock: '192.168.4.0/22', AmazonProvidedIpv6CidrBlock: true, TagSpecifications: [...] }, …
 * const { type, ...input } = vpcCommand; await ec2.send(new CreateVpcCommand(input));
 * ```
 */
export function vpc(constraints: VpcConstraints = {}): fc.Arbitrary<CreateVpcCommand> {
  const block = constraints.cidrBlock instanceof fc.Arbitrary ? constraints.cidrBlock : vpcCidrBlock(constraints.cidrBlock);
  const tags = tagSet({ minLength: 1, maxLength: 5, maxKeyLength: 32, maxValueLength: 32 });
  return fc
    .tuple(block, maybe(constraints.ipv6 ?? 'sometimes', fc.constant(true)), maybe(constraints.tags ?? 'sometimes', tags))
    .map(([CidrBlock, ipv6, tagList]) => ({
      type: 'CreateVpc' as const,
      CidrBlock,
      ...(ipv6 === null ? {} : { AmazonProvidedIpv6CidrBlock: true }),
      ...(tagList === null ? {} : { TagSpecifications: [{ ResourceType: 'vpc', Tags: tagList }] }),
    }));
}
