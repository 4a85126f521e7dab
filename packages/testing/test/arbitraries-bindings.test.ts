// Bindings: symbolic IDs resolved against one backend, recorded from its outputs.
import { apply, createWorld, type Caller, type Command, type World } from '@pcxsim/engine';
import { describe, expect, test } from 'vitest';
import { Bindings, formatStep, unboundId, type SequenceStep } from '../src/index.js';

const A: Caller = { accountId: '111111111111', region: 'us-east-1' };
const B: Caller = { accountId: '222222222222', region: 'us-east-1' };

/** Runs steps on a fresh world through one Bindings, as a backend's runner does. */
function run(steps: readonly SequenceStep[], ids = new Bindings()): { world: World; ids: Bindings; results: ReturnType<typeof apply>[] } {
  let world = createWorld();
  const results: ReturnType<typeof apply>[] = [];
  for (const step of steps) {
    const { caller, command } = ids.resolve(step);
    const result = apply(world, caller, command);
    world = result.world;
    results.push(result);
    if (result.result.ok) ids.record(step, result.result.value);
  }
  return { world, ids, results };
}

const step = (caller: Caller, command: Command): SequenceStep => ({ caller, command });

describe('Bindings', () => {
  test('record binds each creation to the next symbol of its kind, counting successes only', () => {
    const { ids, results } = run([
      step(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }),
      step(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/8' }), // refused: not bound
      step(B, { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' }),
      step(A, { type: 'AssociateVpcCidrBlock', VpcId: '$vpc0', CidrBlock: '10.2.0.0/16' }),
      step(B, { type: 'AssociateVpcCidrBlock', VpcId: '$vpc1', AmazonProvidedIpv6CidrBlock: true }),
      step(A, { type: 'CreateVpcPeeringConnection', VpcId: '$vpc0', PeerVpcId: '$vpc1', PeerOwnerId: B.accountId }),
    ]);
    const output = (i: number) => results[i]!.result.value as Record<string, any>;
    expect(ids.idOf('$vpc0')).toBe(output(0).Vpc.VpcId);
    expect(ids.idOf('$vpc1')).toBe(output(2).Vpc.VpcId);
    expect(ids.idOf('$assoc0')).toBe(output(3).CidrBlockAssociation.AssociationId);
    expect(ids.idOf('$assoc1')).toBe(output(4).Ipv6CidrBlockAssociation.AssociationId);
    expect(ids.idOf('$pcx0')).toBe(output(5).VpcPeeringConnection.VpcPeeringConnectionId);
    expect([ids.count('vpc'), ids.count('pcx'), ids.count('assoc')]).toEqual([2, 1, 2]);
    expect(ids.symbolOf(output(2).Vpc.VpcId)).toBe('$vpc1');
    expect(ids.symbolOf('vpc-0123456789abcdef0')).toBeUndefined();
    expect(Object.keys(ids.toJSON())).toEqual(['$vpc0', '$vpc1', '$pcx0', '$assoc0', '$assoc1']);
  });

  test('a Create that returns the existing connection (spec §2.2) binds nothing new', () => {
    const again = step(A, { type: 'CreateVpcPeeringConnection', VpcId: '$vpc0', PeerVpcId: '$vpc1' });
    const { ids, results } = run([
      step(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }),
      step(A, { type: 'CreateVpc', CidrBlock: '10.1.0.0/16' }),
      again,
      again,
    ]);
    const id = (i: number) => (results[i]!.result.value as Record<string, any>).VpcPeeringConnection.VpcPeeringConnectionId;
    expect(id(3)).toBe(id(2));
    expect(ids.count('pcx')).toBe(1);
  });

  test('resolve replaces symbols anywhere in the command, deep, and leaves the rest and the step alone', () => {
    const { ids } = run([step(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' })]);
    const vpc0 = ids.idOf('$vpc0')!;
    const original: SequenceStep = step(A, {
      type: 'DescribeVpcPeeringConnections',
      Filters: [
        { Name: 'requester-vpc-info.vpc-id', Values: ['$vpc0', 'x-$vpc0-y', '$vpc12', '$', '$other'] },
        { Name: 'tag:$vpc0', Values: ['$pcx3'] },
      ],
    });
    const frozen = JSON.stringify(original);
    const resolved = ids.resolve(original);
    expect(resolved.caller).toEqual(A);
    expect(resolved.command).toEqual({
      type: 'DescribeVpcPeeringConnections',
      Filters: [
        { Name: 'requester-vpc-info.vpc-id', Values: [vpc0, `x-${vpc0}-y`, unboundId('vpc', 12), '$', '$other'] },
        { Name: `tag:${vpc0}`, Values: [unboundId('pcx', 3)] },
      ],
    });
    expect(JSON.stringify(original)).toBe(frozen);
  });

  test('an unbound symbol is a well-formed ID that exists nowhere: every action answers NotFound', () => {
    for (const kind of ['vpc', 'pcx', 'assoc'] as const) expect(unboundId(kind, 7)).toMatch(/^(vpc|pcx|vpc-cidr-assoc)-0[0-9a-f]{16}$/);
    const { results } = run([
      step(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: '$pcx0' }),
      step(A, { type: 'DeleteVpc', VpcId: '$vpc0' }),
      step(A, { type: 'DisassociateVpcCidrBlock', AssociationId: '$assoc0' }),
      step(A, { type: 'CreateVpcPeeringConnection', VpcId: '$vpc0', PeerVpcId: '$vpc1' }),
    ]);
    expect(results.map(({ result }) => (result.ok ? 'ok' : result.error.code))).toEqual([
      'InvalidVpcPeeringConnectionID.NotFound',
      'InvalidVpcID.NotFound',
      'InvalidVpcCidrBlockAssociationID.NotFound',
      'InvalidVpcID.NotFound',
    ]);
  });

  test('record ignores what creates nothing, and outputs of any other shape', () => {
    const ids = new Bindings();
    ids.record(step(A, { type: 'DescribeVpcs' }), { Vpcs: [{ VpcId: 'vpc-0123456789abcdef0' }] });
    ids.record(step(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }), { nothing: true });
    ids.record(step(A, { type: 'CreateVpc', CidrBlock: '10.0.0.0/16' }), null);
    expect(ids.toJSON()).toEqual({});
  });
});

test('formatStep writes one line: action, members, caller', () => {
  expect(formatStep(step(A, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: '$pcx0' }))).toBe(
    'AcceptVpcPeeringConnection{VpcPeeringConnectionId:$pcx0} as 111111111111@us-east-1',
  );
  expect(formatStep(step(B, { type: 'CreateTags', Resources: ['$vpc1'], Tags: [{ Key: 'Name', Value: 'a b' }] }))).toBe(
    'CreateTags{Resources:[$vpc1],Tags:[{Key:Name,Value:"a b"}]} as 222222222222@us-east-1',
  );
});
