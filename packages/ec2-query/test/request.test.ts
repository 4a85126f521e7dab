// Request parameters → engine commands (spec §9.1, ecosystem.md §1.1). What a client sends is taken
// from the real SDK (its serialiser run on random inputs of every action); the other forms EC2
// accepts, and the errors for bad requests, are pinned one by one.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { ACTIONS, decodeForm, toCommand, type Ec2Action, type Param, type ParsedRequest } from '../src/index.js';
import { sdkRequest } from './helpers.js';
import { onTheWire, structureOf } from './shape-arbitraries.js';

const ACTION_NAMES = Object.keys(ACTIONS) as Ec2Action[];
const MAX_INDEX = 1000;

const paramsOf = (text: string): Param[] => {
  const params: Param[] = [];
  decodeForm(text, params, 10_000);
  return params;
};

const parse = (text: string): ParsedRequest => toCommand(paramsOf(text), MAX_INDEX);

const base = (action: string) => `Action=${action}&Version=2016-11-15`;

const errorOf = (text: string) => {
  const parsed = parse(text);
  return parsed.ok ? parsed : { code: parsed.error.code, message: parsed.error.message, httpStatus: parsed.error.httpStatus };
};

const anyRequest = fc.constantFrom(...ACTION_NAMES).chain((action) => fc.tuple(fc.constant(action), structureOf(ACTIONS[action].input)));

describe('what the SDK sends', () => {
  test.prop([anyRequest])('every action, any input: the command is the SDK input, whatever survives the wire', async ([action, input]) => {
    const request = await sdkRequest(action, input);
    // The SDK fills in an idempotency token the caller left out (CreateRouteTable's ClientToken): a fresh UUID.
    const filled = (input as { ClientToken?: unknown }).ClientToken === undefined && ACTIONS[action].input.members.some((m) => m.name === 'ClientToken');
    expect(parse(String(request.body))).toEqual({
      ok: true,
      action,
      command: { type: action, ...(onTheWire(input) as object | undefined), ...(filled ? { ClientToken: expect.stringMatching(/^[0-9a-f-]{36}$/) } : {}) },
    });
  });

  test.prop([anyRequest, fc.nat()])('the order of parameters never matters', async ([action, input], seed) => {
    const params = paramsOf(String((await sdkRequest(action, input)).body));
    const shuffled = params
      .map((param, i) => [param, (Math.imul(i + 1, 0x9e3779b1) ^ seed) >>> 0] as const)
      .sort(([, a], [, b]) => a - b)
      .map(([param]) => param);
    expect(toCommand(shuffled, MAX_INDEX)).toEqual(toCommand(params, MAX_INDEX));
  });
});

describe('the other forms EC2 accepts', () => {
  test('GET-style single values: Filter.1.Value without an index is a list of one (spec §9.1 doc samples)', () => {
    expect(parse(`${base('DescribeVpcPeeringConnections')}&Filter.1.Name=status-code&Filter.1.Value=active&VpcPeeringConnectionId=pcx-1`)).toEqual({
      ok: true,
      action: 'DescribeVpcPeeringConnections',
      command: { type: 'DescribeVpcPeeringConnections', Filters: [{ Name: 'status-code', Values: ['active'] }], VpcPeeringConnectionIds: ['pcx-1'] },
    });
  });

  test('the lowerCamel spelling of the doc samples (vpcPeeringConnectionId=) names the same member', () => {
    expect(parse(`${base('DeleteVpcPeeringConnection')}&vpcPeeringConnectionId=pcx-1`)).toMatchObject({
      ok: true,
      command: { type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: 'pcx-1' },
    });
  });

  test('indices sort numerically and gaps close up: Value.10 comes after Value.9, Value.2 missing is no hole', () => {
    const text = `${base('DescribeVpcs')}&Filter.1.Name=cidr&Filter.1.Value.10=ten&Filter.1.Value.9=nine&Filter.1.Value.1=one`;
    expect(parse(text)).toMatchObject({ ok: true, command: { Filters: [{ Name: 'cidr', Values: ['one', 'nine', 'ten'] }] } });
  });

  test('booleans are true or false in any case; integers are decimal with an optional sign', () => {
    expect(parse(`${base('DescribeVpcs')}&DryRun=TRUE&MaxResults=%2B0010`)).toMatchObject({ ok: true, command: { DryRun: true, MaxResults: 10 } });
  });

  test('an empty value is an empty string, as botocore sends an empty tag value', () => {
    expect(parse(`${base('CreateTags')}&ResourceId.1=vpc-1&Tag.1.Key=k&Tag.1.Value=`)).toMatchObject({
      ok: true,
      command: { Resources: ['vpc-1'], Tags: [{ Key: 'k', Value: '' }] },
    });
  });
});

describe('bad requests get EC2 errors', () => {
  test.each([
    ['no Action', 'Version=2016-11-15', 'MissingAction', 'The request must contain the parameter Action'],
    ['no Version', 'Action=DescribeVpcs', 'MissingParameter', 'The request must contain the parameter Version'],
    ['another Version', 'Action=DescribeVpcs&Version=2015-10-01', 'NoSuchVersion', 'The requested version (2015-10-01) of service AmazonEC2 does not exist'],
    ['an unknown action', `${base('DescribeInstances')}`, 'InvalidAction', 'The action DescribeInstances is not valid for this web service.'],
    ['an unknown parameter', `${base('DescribeVpcs')}&Foo=1`, 'UnknownParameter', 'The parameter Foo is not recognized'],
    ['an unknown nested member', `${base('DescribeVpcs')}&Filter.1.Bogus=x`, 'UnknownParameter', 'The parameter Filter.1.Bogus is not recognized'],
    ['a member below a scalar', `${base('DescribeVpcs')}&MaxResults.1=5`, 'UnknownParameter', 'The parameter MaxResults.1 is not recognized'],
    ['a structure given a value', `${base('ModifyVpcAttribute')}&EnableDnsSupport=true`, 'UnknownParameter', 'The parameter EnableDnsSupport is not recognized'],
    ['index 0', `${base('DescribeVpcs')}&VpcId.0=vpc-1`, 'UnknownParameter', 'The parameter VpcId.0 is not recognized'],
    ['a non-numeric index', `${base('DescribeVpcs')}&VpcId.x=vpc-1`, 'UnknownParameter', 'The parameter VpcId.x is not recognized'],
    ['a leading zero index', `${base('DescribeVpcs')}&VpcId.01=vpc-1`, 'UnknownParameter', 'The parameter VpcId.01 is not recognized'],
    ['a structure list without an index', `${base('DescribeVpcs')}&Filter.Name=x`, 'UnknownParameter', 'The parameter Filter.Name is not recognized'],
    ['a parameter the action does not take (DryRun on AssociateVpcCidrBlock)', `${base('AssociateVpcCidrBlock')}&DryRun=true`, 'UnknownParameter', 'The parameter DryRun is not recognized'],
    ['a bad boolean', `${base('DescribeVpcs')}&DryRun=yes`, 'InvalidParameterValue', 'Value ( yes ) for parameter DryRun is invalid. Expected a boolean: true or false.'],
    ['a bad integer', `${base('DescribeVpcs')}&MaxResults=5.0`, 'InvalidParameterValue', 'Value ( 5.0 ) for parameter MaxResults is invalid. Expected an integer.'],
    ['an integer over 32 bits', `${base('DescribeVpcs')}&MaxResults=2147483648`, 'InvalidParameterValue', 'Value ( 2147483648 ) for parameter MaxResults is invalid. Expected an integer.'],
    ['a value outside its enum', `${base('CreateVpc')}&TagSpecification.1.ResourceType=vpcs`, 'InvalidParameterValue', 'Value ( vpcs ) for parameter TagSpecification.1.ResourceType is invalid. It is not a valid ResourceType value.'],
    ['a parameter twice', `${base('DescribeVpcs')}&VpcId.1=a&VpcId.1=b`, 'InvalidParameter', 'The parameter VpcId.1 is specified more than once'],
    ['Action twice', `${base('DescribeVpcs')}&Action=DescribeVpcs`, 'InvalidParameter', 'The parameter Action is specified more than once'],
    ['one member in both spellings', `${base('DeleteVpc')}&VpcId=a&vpcId=b`, 'InvalidParameter', 'The parameter vpcId is specified more than once'],
    ['a single value beside its .1', `${base('DescribeVpcs')}&VpcId=a&VpcId.1=b`, 'InvalidParameter', 'The parameter VpcId.1 is specified more than once'],
    ['a list index over 1,000', `${base('DescribeVpcs')}&VpcId.1001=vpc-1`, 'InvalidRequest', 'The list index in parameter VpcId.1001 is over the limit of 1000'],
    ['a huge list index', `${base('DescribeVpcs')}&VpcId.99999999999999999999=vpc-1`, 'InvalidRequest', 'The list index in parameter VpcId.99999999999999999999 is over the limit of 1000'],
    ['a huge index in a list the engine counts', `${base('CreateTags')}&ResourceId.100000=vpc-1&Tag.1.Key=k`, 'InvalidRequest', 'The list index in parameter ResourceId.100000 is over the limit of 1000'],
  ])('%s: %s → %s', (_, text, code, message) => {
    expect(errorOf(text)).toEqual({ code, message, httpStatus: 400 });
  });

  test("CreateTags' ResourceId list goes past 1,000: the engine counts it (ResourceCountExceeded)", () => {
    expect(parse(`${base('CreateTags')}&ResourceId.1001=vpc-1&Tag.1.Key=k`)).toMatchObject({ ok: true, command: { Resources: ['vpc-1'] } });
  });

  test('list index 1,000 itself is accepted', () => {
    expect(parse(`${base('DescribeVpcs')}&VpcId.1000=vpc-1`)).toMatchObject({ ok: true, command: { VpcIds: ['vpc-1'] } });
  });

  test('the names of the Object prototype are no actions and no members', () => {
    expect(errorOf(`${base('toString')}`)).toMatchObject({ code: 'InvalidAction' });
    expect(errorOf(`${base('DescribeVpcs')}&__proto__=x`)).toMatchObject({ code: 'UnknownParameter' });
    expect(errorOf(`${base('DescribeVpcs')}&constructor=x`)).toMatchObject({ code: 'UnknownParameter' });
  });

  const wireNames = fc.constantFrom('Action', 'Version', 'VpcId', 'VpcId.1', 'vpcId', 'Filter.1.Name', 'Filter.1.Value', 'Filter.1.Value.1', 'Filter.2.Bogus', 'MaxResults', 'DryRun', 'Foo', 'VpcId.1001', 'NextToken');
  const wireValues = fc.constantFrom('DescribeVpcs', '2016-11-15', 'true', 'maybe', '5', '-', '', 'vpc-1');
  test.prop([fc.array(fc.tuple(wireNames, wireValues), { maxLength: 8 }), fc.nat()])(
    'any mix of good and bad parameters gives the same answer in any order',
    (params, seed) => {
      const shuffled = [...params].sort(
        (a, b) => ((Math.imul(params.indexOf(a) + 1, 0x9e3779b1) ^ seed) >>> 0) - ((Math.imul(params.indexOf(b) + 1, 0x9e3779b1) ^ seed) >>> 0),
      );
      expect(toCommand(shuffled, MAX_INDEX)).toEqual(toCommand(params, MAX_INDEX));
    },
  );
});
