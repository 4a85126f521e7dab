// The comparison under the conformance checker: what counts as the same answer from two servers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareOutcomes } from '../src/conform/compare.js';
import { normaliseOutcome } from '../src/conform/normalise.js';
import { ReadConsistency, SETTLED_SIGNS } from '../src/conform/read-consistency.js';
import { citeRule, ruleOf, rulesOf } from '../src/conform/rules.js';
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

describe('rule labels (issue 16: by the rule broken, not by the action or the field)', () => {
  const question = (action: string, reference: Outcome, target: Outcome, extra = {}) => ({
    action,
    dryRun: false,
    reference,
    target,
    differences: compareOutcomes(reference, target),
    ...extra,
  });

  it('each rule is printed with its page, section and confidence markers', () => {
    const accept = ruleOf(question('AcceptVpcPeeringConnection', failed(400, 'OperationNotPermitted'), ok({ VpcPeeringConnection: {} })));
    expect(citeRule(accept)).toBe('spec §3.1 [doc]/[obs]/[emu]');
    const route = ruleOf(question('CreateRoute', failed(400, 'RouteAlreadyExists'), ok({ Return: true })));
    expect(citeRule(route)).toBe('routes §2.2, §2.3 [doc]/[obs]/[?]');
  });

  it('one step that breaks two rules is two divergences, each with its own differences', () => {
    const reference = ok({ Vpc: { VpcId: '$vpc0', DhcpOptionsId: 'dopt-?', Tags: [] } });
    const target = ok({ Vpc: { VpcId: '$vpc0' } });
    const breaches = rulesOf(question('CreateVpc', reference, target));
    expect(breaches.map((b) => [b.rule.id, b.differences.map((d) => d.path)])).toEqual([
      ['response-shape', ['Vpc.DhcpOptionsId']],
      ['tags-per-view', ['Vpc.Tags']],
    ]);
  });

  it('an item listed under filters by one side: the filter rule when both list it unfiltered, else visibility', () => {
    const reference = ok({ VpcPeeringConnections: [] });
    const target = ok({ VpcPeeringConnections: [{ VpcPeeringConnectionId: '$pcx0' }] });
    const label = (listed: boolean): string =>
      ruleOf(question('DescribeVpcPeeringConnections', reference, target, { listedUnfiltered: () => listed })).id;
    expect(label(true)).toBe('filters');
    expect(label(false)).toBe('visibility');
  });

  it('a Create answering another connection than pcxsim, one of them existing before, is the duplicate-pair rule (spec §2.2)', () => {
    const label = (existed: boolean): string =>
      ruleOf(question('CreateVpcPeeringConnection', ok(peering('pending-acceptance', 'x')), ok({ VpcPeeringConnection: { ...(peering('pending-acceptance', 'x')['VpcPeeringConnection'] as object), VpcPeeringConnectionId: '$pcx1' } }), { existedBefore: (symbol: string) => existed && symbol === '$pcx0' })).id;
    expect(label(true)).toBe('duplicate-pair');
    expect(label(false)).toBe('response-shape');
  });

  it('an error only the target answers names the rule the target applied', () => {
    expect(ruleOf(question('DeleteVpcPeeringConnection', ok({ Return: true }), failed(400, 'InvalidStateTransition'))).id).toBe('delete-by-state');
    // A Describe's only required parameters are its filters' names.
    expect(ruleOf(question('DescribeVpcPeeringConnections', failed(400, 'MissingParameter'), ok({ VpcPeeringConnections: [] }))).id).toBe('filters');
  });
});

describe('measuring whether reads lag', () => {
  it('lagging once a disagreeing read came to agree; answering at once after SETTLED_SIGNS final ones and no lag; the full retry otherwise', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 12 }), (readings) => {
        const consistency = new ReadConsistency();
        for (const cameToAgree of readings) consistency.record(cameToAgree);
        const lagged = readings.includes(true);
        const immediate = !lagged && readings.length >= SETTLED_SIGNS;
        expect(consistency.verdict()).toBe(lagged ? 'lagging' : immediate ? 'immediate' : 'unknown');
        expect(consistency.retryBudget(2_000, 25)).toBe(immediate ? 25 : 2_000);
      }),
    );
  });
});
