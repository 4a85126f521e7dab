// The outputs are assignable to @aws-sdk/client-ec2's result types, and the SDK's request types can be
// spread into commands. These assertions bite under tsc (`pnpm run typecheck` covers test files); the
// runtime halves hand real outputs to SDK-typed code.
import type {
  AcceptVpcPeeringConnectionResult,
  AssociateVpcCidrBlockResult,
  CreateVpcPeeringConnectionRequest,
  CreateVpcPeeringConnectionResult,
  CreateVpcRequest,
  CreateVpcResult,
  CreateTagsRequest,
  DeleteTagsRequest,
  DeleteVpcPeeringConnectionResult,
  DescribeTagsRequest,
  DescribeTagsResult,
  DescribeVpcPeeringConnectionsRequest,
  DescribeVpcPeeringConnectionsResult,
  DescribeVpcsRequest,
  DescribeVpcsResult,
  DisassociateVpcCidrBlockResult,
  ModifyVpcAttributeRequest,
  ModifyVpcPeeringConnectionOptionsRequest,
  ModifyVpcPeeringConnectionOptionsResult,
  AcceptVpcPeeringConnectionRequest,
  RejectVpcPeeringConnectionResult,
  VpcPeeringConnection,
  VpcPeeringConnectionStateReasonCode,
  DescribeAccountAttributesRequest,
  DescribeAccountAttributesResult,
  DescribeNetworkAclsRequest,
  DescribeNetworkAclsResult,
  DescribeRegionsRequest,
  DescribeRegionsResult,
  DescribeSecurityGroupsRequest,
  DescribeSecurityGroupsResult,
  DescribeVpcAttributeRequest,
  DescribeVpcAttributeResult,
  DescribeVpcClassicLinkDnsSupportRequest,
  DescribeVpcClassicLinkDnsSupportResult,
  DescribeVpcClassicLinkRequest,
  DescribeVpcClassicLinkResult,
} from '@aws-sdk/client-ec2';
import type { PeeringState } from '@pcxsim/lifecycle';
import { describe, expect, expectTypeOf, test } from 'vitest';
import type {
  AcceptVpcPeeringConnectionCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteTagsCommand,
  DescribeTagsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  ModifyVpcAttributeCommand,
  ModifyVpcPeeringConnectionOptionsCommand,
  OutputOf,
  PeeringRecord,
  DescribeAccountAttributesCommand,
  DescribeNetworkAclsCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcClassicLinkCommand,
  DescribeVpcClassicLinkDnsSupportCommand,
  VpcPeeringConnectionOutput,
} from '../src/index.js';
import { A, B, Sim } from './helpers.js';

type Input<C> = Omit<C, 'type'>;

describe('SDK shapes', () => {
  test('every output is assignable to the SDK result type of its action', () => {
    expectTypeOf<OutputOf<'CreateVpc'>>().toExtend<CreateVpcResult>();
    expectTypeOf<OutputOf<'DescribeVpcs'>>().toExtend<DescribeVpcsResult>();
    expectTypeOf<OutputOf<'AssociateVpcCidrBlock'>>().toExtend<AssociateVpcCidrBlockResult>();
    expectTypeOf<OutputOf<'DisassociateVpcCidrBlock'>>().toExtend<DisassociateVpcCidrBlockResult>();
    expectTypeOf<OutputOf<'CreateVpcPeeringConnection'>>().toExtend<CreateVpcPeeringConnectionResult>();
    expectTypeOf<OutputOf<'AcceptVpcPeeringConnection'>>().toExtend<AcceptVpcPeeringConnectionResult>();
    expectTypeOf<OutputOf<'RejectVpcPeeringConnection'>>().toExtend<RejectVpcPeeringConnectionResult>();
    expectTypeOf<OutputOf<'DeleteVpcPeeringConnection'>>().toExtend<DeleteVpcPeeringConnectionResult>();
    expectTypeOf<OutputOf<'DescribeVpcPeeringConnections'>>().toExtend<DescribeVpcPeeringConnectionsResult>();
    expectTypeOf<OutputOf<'ModifyVpcPeeringConnectionOptions'>>().toExtend<ModifyVpcPeeringConnectionOptionsResult>();
    expectTypeOf<OutputOf<'DescribeTags'>>().toExtend<DescribeTagsResult>();
    expectTypeOf<VpcPeeringConnectionOutput>().toExtend<VpcPeeringConnection>();
  });

  test('the read-model outputs are assignable to the SDK result types, and the SDK requests spread into the commands', () => {
    expectTypeOf<OutputOf<'DescribeVpcAttribute'>>().toExtend<DescribeVpcAttributeResult>();
    expectTypeOf<OutputOf<'DescribeVpcClassicLink'>>().toExtend<DescribeVpcClassicLinkResult>();
    expectTypeOf<OutputOf<'DescribeVpcClassicLinkDnsSupport'>>().toExtend<DescribeVpcClassicLinkDnsSupportResult>();
    expectTypeOf<OutputOf<'DescribeNetworkAcls'>>().toExtend<DescribeNetworkAclsResult>();
    expectTypeOf<OutputOf<'DescribeSecurityGroups'>>().toExtend<DescribeSecurityGroupsResult>();
    expectTypeOf<OutputOf<'DescribeRegions'>>().toExtend<DescribeRegionsResult>();
    expectTypeOf<OutputOf<'DescribeAccountAttributes'>>().toExtend<DescribeAccountAttributesResult>();
    expectTypeOf<DescribeVpcAttributeRequest>().toExtend<Input<DescribeVpcAttributeCommand>>();
    expectTypeOf<DescribeVpcClassicLinkRequest>().toExtend<Input<DescribeVpcClassicLinkCommand>>();
    expectTypeOf<DescribeVpcClassicLinkDnsSupportRequest>().toExtend<Input<DescribeVpcClassicLinkDnsSupportCommand>>();
    expectTypeOf<DescribeNetworkAclsRequest>().toExtend<Input<DescribeNetworkAclsCommand>>();
    expectTypeOf<DescribeSecurityGroupsRequest>().toExtend<Input<DescribeSecurityGroupsCommand>>();
    expectTypeOf<DescribeRegionsRequest>().toExtend<Input<DescribeRegionsCommand>>();
    expectTypeOf<DescribeAccountAttributesRequest>().toExtend<Input<DescribeAccountAttributesCommand>>();
  });

  test('the engine states are a subset of the SDK status codes', () => {
    expectTypeOf<PeeringState>().toExtend<VpcPeeringConnectionStateReasonCode>();
  });

  test('the records are not SDK shapes: the projections are (readonly arrays, epoch ms)', () => {
    expectTypeOf<PeeringRecord>().not.toExtend<VpcPeeringConnection>();
  });

  test('SDK request objects can be spread into commands', () => {
    expectTypeOf<CreateVpcRequest>().toExtend<Input<CreateVpcCommand>>();
    expectTypeOf<DescribeVpcsRequest>().toExtend<Input<DescribeVpcsCommand>>();
    expectTypeOf<ModifyVpcAttributeRequest>().toExtend<Input<ModifyVpcAttributeCommand>>();
    expectTypeOf<CreateVpcPeeringConnectionRequest>().toExtend<Input<CreateVpcPeeringConnectionCommand>>();
    expectTypeOf<AcceptVpcPeeringConnectionRequest>().toExtend<Input<AcceptVpcPeeringConnectionCommand>>();
    expectTypeOf<DescribeVpcPeeringConnectionsRequest>().toExtend<Input<DescribeVpcPeeringConnectionsCommand>>();
    expectTypeOf<ModifyVpcPeeringConnectionOptionsRequest>().toExtend<Input<ModifyVpcPeeringConnectionOptionsCommand>>();
    expectTypeOf<CreateTagsRequest>().toExtend<Input<CreateTagsCommand>>();
    expectTypeOf<DeleteTagsRequest>().toExtend<Input<DeleteTagsCommand>>();
    expectTypeOf<DescribeTagsRequest>().toExtend<Input<DescribeTagsCommand>>();
  });

  test('a real output can be handed to SDK-typed code and mutated there', () => {
    const sim = new Sim();
    const request: CreateVpcPeeringConnectionRequest = { VpcId: sim.vpc(A, '10.0.0.0/16'), PeerVpcId: sim.vpc(B, '10.1.0.0/16'), PeerOwnerId: B.accountId };
    const result: CreateVpcPeeringConnectionResult = sim.ok(A, { type: 'CreateVpcPeeringConnection', ...request });
    result.VpcPeeringConnection?.Tags?.push({ Key: 'mutable', Value: 'yes' });
    expect(result.VpcPeeringConnection?.Status?.Code).toBe('initiating-request');
    expect(result.VpcPeeringConnection?.ExpirationTime).toBeInstanceOf(Date);
  });
});
