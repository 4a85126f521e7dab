// The per-action table: for every EC2 action the engine has, the request parameters it reads and the
// response it writes, in the EC2 model's names (ecosystem.md §1.1–§1.2, spec §9). The parser
// (request.ts) and the serialiser (xml.ts) both walk it; test/shapes-sdk.test.ts checks every name,
// type and nesting against @aws-sdk/client-ec2's own schemas, so a wrong element name — which the
// SDK would silently drop (ecosystem.md §1.2) — cannot slip in.
import type { CommandType, SimulationCommand } from '@pcxsim/engine';
import { READ_MODEL_ACTIONS } from './read-model-actions.js';
import { RESOURCE_TYPES } from './resource-types.js';
import { BOOLEAN, enumOf, INTEGER, list, member, STRING, structure, TIMESTAMP, type StructureShape } from './shapes.js';

/** The EC2 actions the wire protocol serves: every engine command but the simulation's own (`AdvanceClock`, `FailPeeringChecks`). */
export type Ec2Action = Exclude<CommandType, SimulationCommand['type']>;

/** What the table says about one action. */
export interface ActionShapes {
  /** The request parameters (besides `Action` and `Version`). */
  readonly input: StructureShape;
  /** The response members, in document order. */
  readonly output: StructureShape;
  /**
   * The document also carries `<return>true</return>`, as AWS's samples for CreateTags, DeleteTags,
   * DeleteVpc and ModifyVpcAttribute show, though the model (and so the SDK) has no member for it.
   */
  readonly returnsTrue: boolean;
}

// ---- shared input shapes ----

const DRY_RUN = member('DryRun', BOOLEAN);

const TAG = structure(member('Key', STRING), member('Value', STRING));

// TagSpecification.N.ResourceType, TagSpecification.N.Tag.M.Key (spec §7.3).
const TAG_SPECIFICATIONS = member(
  'TagSpecifications',
  list(structure(member('ResourceType', enumOf('ResourceType', RESOURCE_TYPES)), member('Tags', list(TAG), { query: 'Tag' }))),
  { query: 'TagSpecification' },
);

// Filter.N.Name, Filter.N.Value.M (spec §4.2).
const FILTERS = member('Filters', list(structure(member('Name', STRING), member('Values', list(STRING), { query: 'Value' }))), {
  query: 'Filter',
});

const PAGING = [member('MaxResults', INTEGER), member('NextToken', STRING)] as const;

const PEERING_ID = member('VpcPeeringConnectionId', STRING);

const OPTIONS_REQUEST = structure(
  member('AllowDnsResolutionFromRemoteVpc', BOOLEAN),
  member('AllowEgressFromLocalClassicLinkToRemoteVpc', BOOLEAN),
  member('AllowEgressFromLocalVpcToRemoteClassicLink', BOOLEAN),
);

// ---- shared output shapes ----

const TAG_SET = member('Tags', list(TAG), { xml: 'tagSet' });

const OPTIONS = structure(
  member('AllowDnsResolutionFromRemoteVpc', BOOLEAN),
  member('AllowEgressFromLocalClassicLinkToRemoteVpc', BOOLEAN),
  member('AllowEgressFromLocalVpcToRemoteClassicLink', BOOLEAN),
);

// The order of spec §9.2's sample.
const VPC_INFO = structure(
  member('OwnerId', STRING),
  member('VpcId', STRING),
  member('CidrBlock', STRING),
  member('Ipv6CidrBlockSet', list(structure(member('Ipv6CidrBlock', STRING)))),
  member('CidrBlockSet', list(structure(member('CidrBlock', STRING)))),
  member('PeeringOptions', OPTIONS),
  member('Region', STRING),
);

const VPC_PEERING_CONNECTION = structure(
  member('VpcPeeringConnectionId', STRING),
  member('RequesterVpcInfo', VPC_INFO),
  member('AccepterVpcInfo', VPC_INFO),
  member('Status', structure(member('Code', STRING), member('Message', STRING))),
  member('ExpirationTime', TIMESTAMP),
  TAG_SET,
);

const CIDR_BLOCK_STATE = structure(member('State', STRING));

const CIDR_BLOCK_ASSOCIATION = structure(
  member('AssociationId', STRING),
  member('CidrBlock', STRING),
  member('CidrBlockState', CIDR_BLOCK_STATE),
);

const IPV6_CIDR_BLOCK_ASSOCIATION = structure(
  member('AssociationId', STRING),
  member('Ipv6CidrBlock', STRING),
  member('Ipv6CidrBlockState', CIDR_BLOCK_STATE),
  member('NetworkBorderGroup', STRING),
  member('Ipv6Pool', STRING),
);

// The order of ecosystem.md §1.2's DescribeVpcs sample.
const VPC = structure(
  member('VpcId', STRING),
  member('OwnerId', STRING),
  member('State', STRING),
  member('CidrBlock', STRING),
  member('CidrBlockAssociationSet', list(CIDR_BLOCK_ASSOCIATION)),
  member('Ipv6CidrBlockAssociationSet', list(IPV6_CIDR_BLOCK_ASSOCIATION)),
  member('DhcpOptionsId', STRING),
  TAG_SET,
  member('InstanceTenancy', STRING),
  member('IsDefault', BOOLEAN),
  member('BlockPublicAccessStates', structure(member('InternetGatewayBlockMode', STRING))),
);

const CIDR_BLOCK_CHANGE = structure(
  member('VpcId', STRING),
  member('CidrBlockAssociation', CIDR_BLOCK_ASSOCIATION),
  member('Ipv6CidrBlockAssociation', IPV6_CIDR_BLOCK_ASSOCIATION),
);

const PEERING_RESULT = structure(member('VpcPeeringConnection', VPC_PEERING_CONNECTION));

const RETURN = structure(member('Return', BOOLEAN));

const NOTHING = structure();

const NEXT_TOKEN = member('NextToken', STRING);

// ---- routing (issue 13) ----

// The order of a DescribeSubnets response as AWS writes it [?] beyond the model's names.
const SUBNET = structure(
  member('SubnetId', STRING),
  member('SubnetArn', STRING),
  member('State', STRING),
  member('OwnerId', STRING),
  member('VpcId', STRING),
  member('CidrBlock', STRING),
  member(
    'Ipv6CidrBlockAssociationSet',
    list(structure(member('AssociationId', STRING), member('Ipv6CidrBlock', STRING), member('Ipv6CidrBlockState', structure(member('State', STRING))))),
  ),
  member('AvailableIpAddressCount', INTEGER),
  member('AvailabilityZone', STRING),
  member('AvailabilityZoneId', STRING),
  member('DefaultForAz', BOOLEAN),
  member('MapPublicIpOnLaunch', BOOLEAN),
  member('AssignIpv6AddressOnCreation', BOOLEAN),
  member('Ipv6Native', BOOLEAN),
  TAG_SET,
);

const AVAILABILITY_ZONE = structure(
  member('ZoneName', STRING),
  member('ZoneId', STRING),
  member('State', STRING, { xml: 'zoneState' }),
  member('OptInStatus', STRING),
  member('Messages', list(structure(member('Message', STRING))), { xml: 'messageSet' }),
  member('RegionName', STRING),
  member('GroupName', STRING),
  member('NetworkBorderGroup', STRING),
  member('ZoneType', STRING),
);

// routes §1.9: the element names are botocore's; the order [obs] for the first members.
const ROUTE = structure(
  member('DestinationCidrBlock', STRING),
  member('DestinationIpv6CidrBlock', STRING),
  member('GatewayId', STRING),
  member('VpcPeeringConnectionId', STRING),
  member('State', STRING),
  member('Origin', STRING),
);

const ASSOCIATION_STATE = structure(member('State', STRING), member('StatusMessage', STRING));

const ROUTE_TABLE_ASSOCIATION = structure(
  member('RouteTableAssociationId', STRING),
  member('RouteTableId', STRING),
  member('SubnetId', STRING),
  member('Main', BOOLEAN),
  member('AssociationState', ASSOCIATION_STATE),
);

const ROUTE_TABLE = structure(
  member('RouteTableId', STRING),
  member('VpcId', STRING),
  member('OwnerId', STRING),
  member('Routes', list(ROUTE), { xml: 'routeSet' }),
  member('Associations', list(ROUTE_TABLE_ASSOCIATION), { xml: 'associationSet' }),
  member('PropagatingVgws', list(structure(member('GatewayId', STRING))), { xml: 'propagatingVgwSet' }),
  TAG_SET,
);

const ROUTE_DESTINATION = [member('RouteTableId', STRING), member('DestinationCidrBlock', STRING), member('DestinationIpv6CidrBlock', STRING)] as const;

const action = (input: StructureShape, output: StructureShape, returnsTrue = false): ActionShapes => ({ input, output, returnsTrue });

/** The table: every action's parameters and response (spec §9.1, §9.2). */
export const ACTIONS: { readonly [A in Ec2Action]: ActionShapes } = {
  CreateSubnet: action(
    structure(
      member('VpcId', STRING),
      member('CidrBlock', STRING),
      member('Ipv6CidrBlock', STRING),
      member('AvailabilityZone', STRING),
      member('AvailabilityZoneId', STRING),
      TAG_SPECIFICATIONS,
      DRY_RUN,
    ),
    structure(member('Subnet', SUBNET)),
  ),
  DeleteSubnet: action(structure(member('SubnetId', STRING), DRY_RUN), NOTHING, true),
  DescribeSubnets: action(
    structure(member('SubnetIds', list(STRING), { query: 'SubnetId' }), FILTERS, ...PAGING, DRY_RUN),
    structure(member('Subnets', list(SUBNET), { xml: 'subnetSet' }), NEXT_TOKEN),
  ),
  DescribeAvailabilityZones: action(
    structure(
      member('ZoneNames', list(STRING), { query: 'ZoneName' }),
      member('ZoneIds', list(STRING), { query: 'ZoneId' }),
      member('AllAvailabilityZones', BOOLEAN),
      FILTERS,
      DRY_RUN,
    ),
    structure(member('AvailabilityZones', list(AVAILABILITY_ZONE), { xml: 'availabilityZoneInfo' })),
  ),
  CreateRouteTable: action(
    structure(member('VpcId', STRING), member('ClientToken', STRING), TAG_SPECIFICATIONS, DRY_RUN),
    structure(member('RouteTable', ROUTE_TABLE), member('ClientToken', STRING)),
  ),
  DeleteRouteTable: action(structure(member('RouteTableId', STRING), DRY_RUN), NOTHING, true),
  DescribeRouteTables: action(
    structure(member('RouteTableIds', list(STRING), { query: 'RouteTableId' }), FILTERS, ...PAGING, DRY_RUN),
    structure(member('RouteTables', list(ROUTE_TABLE), { xml: 'routeTableSet' }), NEXT_TOKEN),
  ),
  AssociateRouteTable: action(
    structure(member('RouteTableId', STRING), member('SubnetId', STRING), member('GatewayId', STRING), DRY_RUN),
    structure(member('AssociationId', STRING), member('AssociationState', ASSOCIATION_STATE)),
  ),
  DisassociateRouteTable: action(structure(member('AssociationId', STRING), DRY_RUN), NOTHING, true),
  ReplaceRouteTableAssociation: action(
    structure(member('AssociationId', STRING), member('RouteTableId', STRING), DRY_RUN),
    structure(member('NewAssociationId', STRING), member('AssociationState', ASSOCIATION_STATE)),
  ),
  CreateRoute: action(
    structure(...ROUTE_DESTINATION, member('VpcPeeringConnectionId', STRING), member('GatewayId', STRING), DRY_RUN),
    RETURN,
  ),
  // routes §8.14 [?]: the void route actions answer `<return>true</return>`, as DeleteVpc does.
  ReplaceRoute: action(
    structure(...ROUTE_DESTINATION, member('VpcPeeringConnectionId', STRING), member('GatewayId', STRING), member('LocalTarget', BOOLEAN), DRY_RUN),
    NOTHING,
    true,
  ),
  DeleteRoute: action(structure(...ROUTE_DESTINATION, DRY_RUN), NOTHING, true),
  CreateVpc: action(
    structure(
      member('CidrBlock', STRING),
      member('AmazonProvidedIpv6CidrBlock', BOOLEAN),
      member('InstanceTenancy', STRING),
      TAG_SPECIFICATIONS,
      DRY_RUN,
    ),
    structure(member('Vpc', VPC)),
  ),
  DeleteVpc: action(structure(member('VpcId', STRING), DRY_RUN), NOTHING, true),
  AssociateVpcCidrBlock: action(
    structure(member('VpcId', STRING), member('CidrBlock', STRING), member('AmazonProvidedIpv6CidrBlock', BOOLEAN)),
    CIDR_BLOCK_CHANGE,
  ),
  DisassociateVpcCidrBlock: action(structure(member('AssociationId', STRING)), CIDR_BLOCK_CHANGE),
  ModifyVpcAttribute: action(
    structure(
      member('VpcId', STRING),
      member('EnableDnsSupport', structure(member('Value', BOOLEAN))),
      member('EnableDnsHostnames', structure(member('Value', BOOLEAN))),
      member('EnableNetworkAddressUsageMetrics', structure(member('Value', BOOLEAN))),
    ),
    NOTHING,
    true,
  ),
  DescribeVpcs: action(
    structure(member('VpcIds', list(STRING), { query: 'VpcId' }), FILTERS, ...PAGING, DRY_RUN),
    structure(member('Vpcs', list(VPC), { xml: 'vpcSet' }), NEXT_TOKEN),
  ),
  CreateVpcPeeringConnection: action(
    structure(
      member('VpcId', STRING),
      member('PeerVpcId', STRING),
      member('PeerOwnerId', STRING),
      member('PeerRegion', STRING),
      TAG_SPECIFICATIONS,
      DRY_RUN,
    ),
    PEERING_RESULT,
  ),
  AcceptVpcPeeringConnection: action(structure(PEERING_ID, DRY_RUN), PEERING_RESULT),
  RejectVpcPeeringConnection: action(structure(PEERING_ID, DRY_RUN), RETURN),
  DeleteVpcPeeringConnection: action(structure(PEERING_ID, DRY_RUN), RETURN),
  DescribeVpcPeeringConnections: action(
    structure(member('VpcPeeringConnectionIds', list(STRING), { query: 'VpcPeeringConnectionId' }), FILTERS, ...PAGING, DRY_RUN),
    structure(member('VpcPeeringConnections', list(VPC_PEERING_CONNECTION), { xml: 'vpcPeeringConnectionSet' }), NEXT_TOKEN),
  ),
  ModifyVpcPeeringConnectionOptions: action(
    structure(
      PEERING_ID,
      member('RequesterPeeringConnectionOptions', OPTIONS_REQUEST),
      member('AccepterPeeringConnectionOptions', OPTIONS_REQUEST),
      DRY_RUN,
    ),
    structure(member('RequesterPeeringConnectionOptions', OPTIONS), member('AccepterPeeringConnectionOptions', OPTIONS)),
  ),
  CreateTags: action(
    structure(member('Resources', list(STRING, { counted: true }), { query: 'ResourceId' }), member('Tags', list(TAG), { query: 'Tag' }), DRY_RUN),
    NOTHING,
    true,
  ),
  DeleteTags: action(
    structure(member('Resources', list(STRING, { counted: true }), { query: 'ResourceId' }), member('Tags', list(TAG), { query: 'Tag' }), DRY_RUN),
    NOTHING,
    true,
  ),
  DescribeTags: action(
    structure(FILTERS, ...PAGING, DRY_RUN),
    structure(
      member(
        'Tags',
        list(structure(member('ResourceId', STRING), member('ResourceType', STRING), member('Key', STRING), member('Value', STRING))),
        { xml: 'tagSet' },
      ),
      NEXT_TOKEN,
    ),
  ),
  ...READ_MODEL_ACTIONS,
};

/** Whether `name` is an action of the table (an own key, so `toString` or `__proto__` never are). */
export const isEc2Action = (name: string): name is Ec2Action => Object.prototype.hasOwnProperty.call(ACTIONS, name);
