// One engine command through a real @aws-sdk/client-ec2 client: commands are SDK inputs plus a
// `type`, so `{ type: 'X', ...input }` is `new XCommand(input)`. The answer becomes an Outcome; a
// call without any HTTP answer is a TransportError, never an outcome.
import {
  AcceptVpcPeeringConnectionCommand,
  AssociateVpcCidrBlockCommand,
  CreateTagsCommand,
  CreateVpcCommand,
  CreateVpcPeeringConnectionCommand,
  DeleteTagsCommand,
  DeleteVpcCommand,
  DeleteVpcPeeringConnectionCommand,
  DescribeAccountAttributesCommand,
  DescribeNetworkAclsCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeTagsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcClassicLinkCommand,
  DescribeVpcClassicLinkDnsSupportCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  DisassociateVpcCidrBlockCommand,
  ModifyVpcAttributeCommand,
  ModifyVpcPeeringConnectionOptionsCommand,
  RejectVpcPeeringConnectionCommand,
  CreateSubnetCommand,
  DeleteSubnetCommand,
  DescribeSubnetsCommand,
  DescribeAvailabilityZonesCommand,
  CreateRouteTableCommand,
  DeleteRouteTableCommand,
  DescribeRouteTablesCommand,
  AssociateRouteTableCommand,
  DisassociateRouteTableCommand,
  ReplaceRouteTableAssociationCommand,
  CreateRouteCommand,
  ReplaceRouteCommand,
  DeleteRouteCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import type { Command, SimulationCommand } from '@pcxsim/engine';
import type { Outcome } from './outcome.js';
import { TransportError } from './transport-error.js';

/** An EC2 action: every command but the simulation's own (clock steps, injected faults). */
export type Ec2CommandType = Exclude<Command['type'], SimulationCommand['type']>;

// The engine's inputs have readonly arrays where the SDK's are mutable; the shapes are otherwise the
// SDK's own (a type-level test in the engine keeps them so), hence `never` for the input here.
const SDK_COMMANDS: { readonly [T in Ec2CommandType]: new (input: never) => object } = {
  CreateVpc: CreateVpcCommand,
  DeleteVpc: DeleteVpcCommand,
  AssociateVpcCidrBlock: AssociateVpcCidrBlockCommand,
  DisassociateVpcCidrBlock: DisassociateVpcCidrBlockCommand,
  ModifyVpcAttribute: ModifyVpcAttributeCommand,
  DescribeVpcs: DescribeVpcsCommand,
  CreateVpcPeeringConnection: CreateVpcPeeringConnectionCommand,
  AcceptVpcPeeringConnection: AcceptVpcPeeringConnectionCommand,
  RejectVpcPeeringConnection: RejectVpcPeeringConnectionCommand,
  DeleteVpcPeeringConnection: DeleteVpcPeeringConnectionCommand,
  DescribeVpcPeeringConnections: DescribeVpcPeeringConnectionsCommand,
  ModifyVpcPeeringConnectionOptions: ModifyVpcPeeringConnectionOptionsCommand,
  CreateTags: CreateTagsCommand,
  DeleteTags: DeleteTagsCommand,
  DescribeTags: DescribeTagsCommand,
  CreateSubnet: CreateSubnetCommand,
  DeleteSubnet: DeleteSubnetCommand,
  DescribeSubnets: DescribeSubnetsCommand,
  DescribeAvailabilityZones: DescribeAvailabilityZonesCommand,
  CreateRouteTable: CreateRouteTableCommand,
  DeleteRouteTable: DeleteRouteTableCommand,
  DescribeRouteTables: DescribeRouteTablesCommand,
  AssociateRouteTable: AssociateRouteTableCommand,
  DisassociateRouteTable: DisassociateRouteTableCommand,
  ReplaceRouteTableAssociation: ReplaceRouteTableAssociationCommand,
  CreateRoute: CreateRouteCommand,
  ReplaceRoute: ReplaceRouteCommand,
  DeleteRoute: DeleteRouteCommand,
  DescribeVpcAttribute: DescribeVpcAttributeCommand,
  DescribeVpcClassicLink: DescribeVpcClassicLinkCommand,
  DescribeVpcClassicLinkDnsSupport: DescribeVpcClassicLinkDnsSupportCommand,
  DescribeNetworkAcls: DescribeNetworkAclsCommand,
  DescribeSecurityGroups: DescribeSecurityGroupsCommand,
  DescribeRegions: DescribeRegionsCommand,
  DescribeAccountAttributes: DescribeAccountAttributesCommand,
};

/** What the SDK attaches to the errors it throws. */
interface SdkError {
  readonly name?: string;
  readonly message?: string;
  readonly Code?: string;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly $response?: { readonly statusCode?: number };
}

/** Sends `command` through `client`; resolves with what the server answered. */
export async function send(client: EC2Client, command: Command): Promise<Outcome> {
  const { type, ...input } = command;
  const Sdk = (SDK_COMMANDS as Readonly<Record<string, new (input: never) => object>>)[type];
  if (Sdk === undefined) throw new Error(`${type} is no EC2 action: only pcxsim itself takes it`);
  try {
    const answer = (await client.send(new Sdk(input as never) as never)) as { readonly $metadata: { readonly httpStatusCode?: number } };
    const { $metadata, ...output } = answer;
    return { ok: true, status: $metadata.httpStatusCode ?? 200, output };
  } catch (thrown) {
    const error = thrown as SdkError;
    const status = error.$metadata?.httpStatusCode ?? error.$response?.statusCode;
    if (status === undefined) throw new TransportError(`${type}: ${error.message ?? String(thrown)}`, { cause: thrown });
    return { ok: false, status, code: error.Code ?? error.name ?? 'Unknown', message: error.message ?? '' };
  }
}
