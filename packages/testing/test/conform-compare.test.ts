// The comparison under the conformance checker: what counts as the same answer from two servers.
import { describe, expect, it } from 'vitest';
import { compareOutcomes } from '../src/conform/compare.js';
import { normaliseOutcome } from '../src/conform/normalise.js';
import { ruleOf } from '../src/conform/rules.js';
import type { Outcome } from '../src/conform/outcome.js';

const ok = (output: Record<string, unknown>): Outcome => ({ ok: true, status: 200, output });
const failed = (status: number, code: string): Outcome => ({ ok: false, status, code, message: '' });
const peering = (code: string, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  VpcPeeringConnection: { VpcPeeringConnectionId: '$pcx0', Status: { Code: code, Message: message }, Tags: [], ...extra },
});

describe('the conformance comparison', () => {
  it('error codes are compared in their exact casing (spec §4.5: waiters match the string)', () => {
    const differences = compareOutcomes(failed(400, 'InvalidVpcPeeringConnectionID.NotFound'), failed(400, 'InvalidVpcPeeringConnectionId.NotFound'));
    expect(differences).toEqual([{ kind: 'error-code', path: '', reference: 'InvalidVpcPeeringConnectionID.NotFound', target: 'InvalidVpcPeeringConnectionId.NotFound' }]);
    expect(compareOutcomes(failed(412, 'DryRunOperation'), ok({}))[0]).toMatchObject({ kind: 'status', reference: 412, target: 200 });
  });

  it('a transient state agrees with the states it resolves to, and with nothing else (spec §1.1)', () => {
    const same = (a: string, b: string): boolean => compareOutcomes(ok(peering(a, 'x')), ok(peering(b, 'y'))).length === 0;
    expect(same('initiating-request', 'pending-acceptance')).toBe(true);
    expect(same('initiating-request', 'failed')).toBe(true);
    expect(same('provisioning', 'active')).toBe(true);
    expect(same('deleting', 'deleted')).toBe(true);
    expect(same('pending-acceptance', 'failed')).toBe(false);
    expect(same('pending-acceptance', 'active')).toBe(false);
    expect(same('initiating-request', 'active')).toBe(false);
    const [difference] = compareOutcomes(ok(peering('failed', 'x')), ok(peering('pending-acceptance', 'y')));
    expect(difference).toMatchObject({ kind: 'state', path: 'VpcPeeringConnection.Status.Code' });
  });

  it('status messages are compared where AWS\'s text is known, and only for the same state', () => {
    const pending = compareOutcomes(ok(peering('pending-acceptance', 'Pending Acceptance by 222222222222')), ok(peering('pending-acceptance', 'pending-acceptance')));
    expect(pending).toMatchObject([{ kind: 'value', path: 'VpcPeeringConnection.Status.Message' }]);
    // pcxsim's own wording of `deleted` is a guess (spec §11): another one is no divergence.
    expect(compareOutcomes(ok(peering('deleted', 'Deleted')), ok(peering('deleted', 'Deleted by 111111111111')))).toEqual([]);
  });

  it('fields present matter, deep: a missing Tags list or accepter CIDR is a divergence', () => {
    const ours = peering('active', 'Active', { AccepterVpcInfo: { OwnerId: '222222222222', CidrBlock: '10.1.0.0/16' } });
    const theirs = { VpcPeeringConnection: { VpcPeeringConnectionId: '$pcx0', Status: { Code: 'active', Message: 'Active' }, AccepterVpcInfo: { OwnerId: '222222222222' } } };
    expect(compareOutcomes(ok(ours), ok(theirs))).toEqual([
      { kind: 'missing-field', path: 'VpcPeeringConnection.Tags', reference: [] },
      { kind: 'missing-field', path: 'VpcPeeringConnection.AccepterVpcInfo.CidrBlock', reference: '10.1.0.0/16' },
    ]);
  });

  it('lists are sets keyed by ID, key or CIDR: order never matters, a missing item does', () => {
    const list = (...ids: string[]): Outcome => ok({ Vpcs: ids.map((VpcId) => ({ VpcId, Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] })) });
    expect(compareOutcomes(list('$vpc0', '$vpc1'), list('$vpc1', '$vpc0'))).toEqual([]);
    expect(compareOutcomes(list('$vpc0', '$vpc1'), list('$vpc1'))).toMatchObject([{ kind: 'missing-item', path: 'Vpcs[$vpc0]' }]);
  });

  it('normalising: IDs become the side\'s symbols, other IDs and times placeholders, and list-Describes keep only the sequence\'s own items', () => {
    const symbols = { symbolOf: (id: string): string | undefined => ({ 'pcx-0123456789abcdef0': '$pcx0', 'vpc-0aaaaaaaaaaaaaaa1': '$vpc1' })[id] };
    const outcome = ok({
      VpcPeeringConnections: [
        { VpcPeeringConnectionId: 'pcx-0123456789abcdef0', ExpirationTime: new Date(0), AccepterVpcInfo: { VpcId: 'vpc-0aaaaaaaaaaaaaaa1' }, RequesterVpcInfo: { VpcId: 'vpc-1a2b3c4d' } },
        { VpcPeeringConnectionId: 'pcx-0ffffffffffffffff', ExpirationTime: new Date(0) },
      ],
      NextToken: 'abc',
    });
    expect(normaliseOutcome('DescribeVpcPeeringConnections', outcome, symbols)).toEqual(
      ok({
        VpcPeeringConnections: [{ VpcPeeringConnectionId: '$pcx0', ExpirationTime: '<time>', AccepterVpcInfo: { VpcId: '$vpc1' }, RequesterVpcInfo: { VpcId: 'vpc-?' } }],
        NextToken: '<token>',
      }),
    );
    expect(normaliseOutcome('AcceptVpcPeeringConnection', { ok: false, status: 400, code: 'X', message: "The vpcPeeringConnection ID 'pcx-0123456789abcdef0' does not exist" }, symbols)).toMatchObject({
      message: "The vpcPeeringConnection ID '$pcx0' does not exist",
    });
  });

  it('each divergence names the rule it breaks, with its spec section', () => {
    const rule = (action: string, reference: Outcome, target: Outcome, dryRun = false): string => {
      const r = ruleOf({ action, dryRun, reference, target, differences: compareOutcomes(reference, target) });
      return `${r.id} ${r.spec}`;
    };
    expect(rule('DescribeVpcPeeringConnections', failed(400, 'InvalidVpcPeeringConnectionID.NotFound'), failed(400, 'InvalidVpcPeeringConnectionId.NotFound'))).toBe('peering-not-found §4.5');
    expect(rule('CreateVpc', failed(412, 'DryRunOperation'), ok({}), true)).toBe('dry-run §8.3');
    // A dry run of a call that fails anyway is judged by the failure.
    expect(rule('DeleteVpcPeeringConnection', failed(400, 'InvalidVpcPeeringConnectionID.NotFound'), failed(400, 'InvalidVpcPeeringConnectionId.NotFound'), true)).toBe('peering-not-found §4.5');
    expect(rule('CreateVpcPeeringConnection', ok(peering('failed', '')), ok(peering('pending-acceptance', '')))).toBe('overlap-fails-later §2.2, §1.2');
    expect(rule('CreateVpcPeeringConnection', ok(peering('initiating-request', '')), failed(400, 'InvalidVpcPeeringConnectionRequest.OverlappingCidr'))).toBe('overlap-fails-later §2.2, §1.2');
    expect(rule('DeleteVpcPeeringConnection', failed(400, 'InvalidStateTransition'), ok({ Return: true }))).toBe('delete-by-state §3.3');
    expect(rule('CreateVpcPeeringConnection', ok(peering('active', 'Active', { ExpirationTime: '<time>' })), ok(peering('active', 'Active')))).toBe('expiration-time §1.1, §2.4');
  });
});
