// Templates of the VPC actions: CreateVpc, DeleteVpc, AssociateVpcCidrBlock,
// DisassociateVpcCidrBlock, ModifyVpcAttribute, DescribeVpcs.
import type { Caller } from '@pcxsim/engine';
import type { Tag } from '@pcxsim/tags';
import fc from 'fast-check';
import { symbolFor } from '../bindings.js';
import type { SequenceStep } from '../sequence-step.js';
import { vpcCidrBlock } from '../vpc-cidr-block.js';
import { CIDR_POOL, TAG_KEYS, TAG_VALUES, pickFrom, viewer, type Settings } from './settings.js';
import { template, type WeightedTemplates } from './template.js';
import type { Tracker, VpcEntry } from './tracker.js';

/** A block for a new VPC or association: mostly from the pool (so VPCs overlap), sometimes any. */
export const cidrChoice: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CIDR_POOL) }, { weight: 1, arbitrary: vpcCidrBlock() });

/** A few tags from the shared pool. */
export const pooledTags: fc.Arbitrary<Tag[]> = fc.uniqueArray(fc.record({ Key: fc.constantFrom(...TAG_KEYS), Value: fc.constantFrom(...TAG_VALUES) }), {
  selector: (tag) => tag.Key,
  minLength: 1,
  maxLength: 3,
});

/** CreateVpc as `caller`. */
export function createVpcStep(caller: Caller, cidr: string, ipv6 = false, tags: readonly Tag[] | null = null): SequenceStep {
  return {
    caller,
    command: {
      type: 'CreateVpc',
      CidrBlock: cidr,
      ...(ipv6 ? { AmazonProvidedIpv6CidrBlock: true } : {}),
      ...(tags === null ? {} : { TagSpecifications: [{ ResourceType: 'vpc', Tags: tags }] }),
    },
  };
}

/**
 * The step to take when a template needs a VPC and none exists: create one (when CreateVpc is
 * allowed), or else name one that does not exist, so the step is a NotFound.
 */
export function withVpc(tracker: Tracker, settings: Settings, n: number, use: (vpc: VpcEntry) => SequenceStep): SequenceStep {
  const vpc = pickFrom(tracker.liveVpcs(), n);
  if (vpc !== undefined) return use(vpc);
  if (settings.allowed.has('CreateVpc')) return createVpcStep(viewer(settings, n), CIDR_POOL[n % CIDR_POOL.length]!);
  return use({ symbol: symbolFor('vpc', tracker.ids.count('vpc')), owner: viewer(settings, n), cidrs: [], deleted: false, dnsHostnames: false });
}

export function vpcTemplates(settings: Settings): WeightedTemplates[] {
  const pick = fc.nat({ max: 63 });
  return [
    {
      action: 'CreateVpc',
      weight: 30,
      arbitrary: fc
        .record({ account: pick, region: pick, cidr: cidrChoice, ipv6: fc.boolean(), tags: fc.option(pooledTags, { freq: 4 }) })
        .map(({ account, region, cidr, ipv6, tags }) =>
          template('CreateVpc', () =>
            createVpcStep({ accountId: settings.accounts[account % settings.accounts.length]!, region: settings.regions[region % settings.regions.length]! }, cidr, ipv6, tags),
          ),
        ),
    },
    {
      action: 'DeleteVpc',
      weight: 5,
      arbitrary: pick.map((n) =>
        template('DeleteVpc', (tracker) => withVpc(tracker, settings, n, (vpc) => ({ caller: vpc.owner, command: { type: 'DeleteVpc', VpcId: vpc.symbol } }))),
      ),
    },
    {
      action: 'AssociateVpcCidrBlock',
      weight: 15,
      arbitrary: fc.record({ vpc: pick, cidr: fc.option(cidrChoice, { freq: 5 }) }).map(({ vpc: n, cidr }) =>
        template('AssociateVpcCidrBlock', (tracker) =>
          withVpc(tracker, settings, n, (vpc) => ({
            caller: vpc.owner,
            command: cidr === null ? { type: 'AssociateVpcCidrBlock', VpcId: vpc.symbol, AmazonProvidedIpv6CidrBlock: true } : { type: 'AssociateVpcCidrBlock', VpcId: vpc.symbol, CidrBlock: cidr },
          })),
        ),
      ),
    },
    {
      action: 'DisassociateVpcCidrBlock',
      weight: 8,
      arbitrary: pick.map((n) =>
        template('DisassociateVpcCidrBlock', (tracker) => {
          const assoc = pickFrom(tracker.liveAssocs(), n);
          if (assoc === undefined && settings.allowed.has('AssociateVpcCidrBlock')) {
            return withVpc(tracker, settings, n, (vpc) => ({ caller: vpc.owner, command: { type: 'AssociateVpcCidrBlock', VpcId: vpc.symbol, CidrBlock: CIDR_POOL[n % CIDR_POOL.length]! } }));
          }
          const owner = tracker.vpc(assoc?.vpc)?.owner ?? viewer(settings, n);
          return { caller: owner, command: { type: 'DisassociateVpcCidrBlock', AssociationId: assoc?.symbol ?? symbolFor('assoc', tracker.ids.count('assoc')) } };
        }),
      ),
    },
    {
      action: 'ModifyVpcAttribute',
      weight: 12,
      // Mostly DNS hostnames on: what the peering DNS option needs (spec §5.2).
      arbitrary: fc
        .record({ vpc: pick, attribute: fc.constantFrom('EnableDnsHostnames', 'EnableDnsHostnames', 'EnableDnsHostnames', 'EnableDnsSupport'), value: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }) })
        .map(({ vpc: n, attribute, value }) =>
          template('ModifyVpcAttribute', (tracker) =>
            withVpc(tracker, settings, n, (vpc) => ({
              caller: vpc.owner,
              command:
                attribute === 'EnableDnsHostnames'
                  ? { type: 'ModifyVpcAttribute', VpcId: vpc.symbol, EnableDnsHostnames: { Value: value } }
                  : { type: 'ModifyVpcAttribute', VpcId: vpc.symbol, EnableDnsSupport: { Value: value } },
            })),
          ),
        ),
    },
    {
      action: 'DescribeVpcs',
      weight: 8,
      arbitrary: fc.record({ by: fc.constantFrom('all', 'id', 'cidr', 'owner'), vpc: pick, viewer: pick }).map(({ by, vpc: n, viewer: v }) =>
        template('DescribeVpcs', (tracker) => {
          const vpc = pickFrom(tracker.vpcs, n);
          const caller = vpc?.owner ?? viewer(settings, v);
          switch (by) {
            case 'id':
              return { caller, command: { type: 'DescribeVpcs', VpcIds: [vpc?.symbol ?? symbolFor('vpc', 0)] } };
            case 'cidr':
              return { caller, command: { type: 'DescribeVpcs', Filters: [{ Name: 'cidr-block-association.cidr-block', Values: [vpc?.cidrs[0] ?? CIDR_POOL[0]!] }] } };
            case 'owner':
              return { caller: viewer(settings, v), command: { type: 'DescribeVpcs', Filters: [{ Name: 'owner-id', Values: [caller.accountId] }] } };
            default:
              return { caller: viewer(settings, v), command: { type: 'DescribeVpcs' } };
          }
        }),
      ),
    },
  ];
}
