// The density option (issue 16 §5): generated worlds where one VPC holds more connections than one
// page of DescribeVpcPeeringConnections shows (MaxResults is at least 5, spec §4.1), so that a
// client's pagination bugs show — measured beside the default, which rarely gets there.
import { apply, type World } from '@pcxsim/engine';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { runSteps } from '../src/arbitraries/world.js';
import { commandSequence, world, type GeneratedWorld } from '../src/index.js';

/** The smallest page a client may ask for (spec §4.1). */
const MIN_PAGE = 5;

/** For each VPC of the world: how many connections its owner sees it in, and whether a 5-item page of them has a next page. */
function perVpc({ world: w, ids }: GeneratedWorld): { vpc: string; connections: number; paged: boolean }[] {
  return Object.entries(ids)
    .filter(([symbol]) => symbol.startsWith('$vpc'))
    .flatMap(([, vpcId]) => {
      const owner = vpcOwner(w, vpcId);
      if (owner === undefined) return [];
      const filters = ['requester-vpc-info.vpc-id', 'accepter-vpc-info.vpc-id'];
      let connections = 0;
      let paged = false;
      for (const Name of filters) {
        const all = apply(w, owner, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name, Values: [vpcId] }] });
        const page = apply(w, owner, { type: 'DescribeVpcPeeringConnections', Filters: [{ Name, Values: [vpcId] }], MaxResults: MIN_PAGE });
        if (all.result.ok) connections += all.result.value.VpcPeeringConnections.length;
        if (page.result.ok && page.result.value.NextToken !== undefined) paged = true;
      }
      return [{ vpc: vpcId, connections, paged }];
    });
}

/** The account and Region a VPC lives in, found by asking each of the world's callers. */
function vpcOwner(w: World, vpcId: string) {
  for (const accountId of ['111111111111', '222222222222', '333333333333']) {
    for (const region of ['us-east-1', 'eu-west-1']) {
      const seen = apply(w, { accountId, region }, { type: 'DescribeVpcs', VpcIds: [vpcId] });
      if (seen.result.ok && seen.result.value.Vpcs[0]?.OwnerId === accountId) return { accountId, region };
    }
  }
  return undefined;
}

const densest = (generated: GeneratedWorld) => Math.max(0, ...perVpc(generated).map(({ connections }) => connections));

describe('density', () => {
  const DENSITY = 8;
  const dense = fc.sample(world({ density: DENSITY }), { numRuns: 60 });
  const plain = fc.sample(world(), { numRuns: 60 });

  test('worlds reach the density asked for, past one page of DescribeVpcPeeringConnections; the default rarely does', () => {
    const reached = dense.filter((generated) => densest(generated) >= DENSITY).length / dense.length;
    const pagedDense = dense.filter((generated) => perVpc(generated).some(({ paged }) => paged)).length / dense.length;
    const pagedPlain = plain.filter((generated) => perVpc(generated).some(({ paged }) => paged)).length / plain.length;
    const mean = (worlds: readonly GeneratedWorld[]) => (worlds.reduce((sum, generated) => sum + densest(generated), 0) / worlds.length).toFixed(1);
    console.log(
      `density ${DENSITY}: ${(reached * 100).toFixed(0)}% of worlds reach it; a VPC's connections span two pages (MaxResults ${MIN_PAGE}) in ${(pagedDense * 100).toFixed(0)}% ` +
        `(default: ${(pagedPlain * 100).toFixed(0)}%); most connections of one VPC, mean ${mean(dense)} (default ${mean(plain)})`,
    );
    expect(reached).toBeGreaterThan(0.3);
    expect(pagedDense).toBeGreaterThan(0.3);
    expect(pagedDense).toBeGreaterThan(pagedPlain);
  });

  test('as a property: a dense world is reachable and deterministic — its own steps rebuild it, byte for byte', () => {
    fc.assert(
      fc.property(world({ density: 6 }), (generated) => {
        expect(JSON.stringify(runSteps(generated.steps, generated.world.config).world)).toBe(JSON.stringify(generated.world));
      }),
      { numRuns: 30 },
    );
  });

  test('density is deterministic for a seed, and a bad density is refused', () => {
    const seed = fc.readConfigureGlobal().seed ?? 1;
    expect(fc.sample(commandSequence({ density: 7 }), { numRuns: 5, seed })).toEqual(fc.sample(commandSequence({ density: 7 }), { numRuns: 5, seed }));
    expect(() => commandSequence({ density: -1 })).toThrow(RangeError);
    expect(() => commandSequence({ density: 2.5 })).toThrow(RangeError);
  });
});
