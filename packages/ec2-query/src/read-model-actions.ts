// The per-action table (actions.ts) for the read-model actions around VPCs that IaC tools call
// (the engine's read-model-commands.ts): request parameters and response members in the EC2 model's
// names, checked against @aws-sdk/client-ec2's schemas by test/shapes-sdk.test.ts like the rest.
import type { ReadModelCommand } from '@pcxsim/engine';
import type { ActionShapes } from './actions.js';
import { BOOLEAN, INTEGER, list, member, STRING, structure, type StructureShape } from './shapes.js';

// The same members as actions.ts's shared ones, written here so this table loads on its own.
const DRY_RUN = member('DryRun', BOOLEAN);
const FILTERS = member('Filters', list(structure(member('Name', STRING), member('Values', list(STRING), { query: 'Value' }))), {
  query: 'Filter',
});
const PAGING = [member('MaxResults', INTEGER), member('NextToken', STRING)] as const;
const NEXT_TOKEN = member('NextToken', STRING);
const TAG_SET = member('Tags', list(structure(member('Key', STRING), member('Value', STRING))), { xml: 'tagSet' });

const action = (input: StructureShape, output: StructureShape): ActionShapes => ({ input, output, returnsTrue: false });

const ATTRIBUTE_VALUE = structure(member('Value', BOOLEAN));

// The order of the API reference's DescribeNetworkAcls sample.
const NETWORK_ACL = structure(
  member('NetworkAclId', STRING),
  member('VpcId', STRING),
  member('IsDefault', BOOLEAN, { xml: 'default' }),
  member(
    'Entries',
    list(
      structure(
        member('RuleNumber', INTEGER),
        member('Protocol', STRING),
        member('RuleAction', STRING),
        member('Egress', BOOLEAN),
        member('CidrBlock', STRING),
        member('Ipv6CidrBlock', STRING),
      ),
    ),
    { xml: 'entrySet' },
  ),
  member(
    'Associations',
    list(structure(member('NetworkAclAssociationId', STRING), member('NetworkAclId', STRING), member('SubnetId', STRING))),
    { xml: 'associationSet' },
  ),
  TAG_SET,
  member('OwnerId', STRING),
);

const IP_PERMISSION = structure(
  member('IpProtocol', STRING),
  member('UserIdGroupPairs', list(structure(member('UserId', STRING), member('GroupId', STRING))), { xml: 'groups' }),
  member('IpRanges', list(structure(member('CidrIp', STRING)))),
  member('Ipv6Ranges', list(structure(member('CidrIpv6', STRING)))),
  member('PrefixListIds', list(structure(member('PrefixListId', STRING)))),
);

// The order of the API reference's DescribeSecurityGroups sample.
const SECURITY_GROUP = structure(
  member('OwnerId', STRING),
  member('GroupId', STRING),
  member('GroupName', STRING),
  member('Description', STRING, { xml: 'groupDescription' }),
  member('VpcId', STRING),
  member('IpPermissions', list(IP_PERMISSION)),
  member('IpPermissionsEgress', list(IP_PERMISSION)),
  TAG_SET,
  member('SecurityGroupArn', STRING),
);

/** The table of the read-model actions. */
export const READ_MODEL_ACTIONS: { readonly [A in ReadModelCommand['type']]: ActionShapes } = {
  DescribeVpcAttribute: action(
    structure(member('Attribute', STRING), member('VpcId', STRING), DRY_RUN),
    structure(
      member('VpcId', STRING),
      member('EnableDnsSupport', ATTRIBUTE_VALUE),
      member('EnableDnsHostnames', ATTRIBUTE_VALUE),
      member('EnableNetworkAddressUsageMetrics', ATTRIBUTE_VALUE),
    ),
  ),
  DescribeVpcClassicLink: action(
    structure(member('VpcIds', list(STRING), { query: 'VpcId' }), FILTERS, DRY_RUN),
    structure(
      member('Vpcs', list(structure(member('VpcId', STRING), member('ClassicLinkEnabled', BOOLEAN), TAG_SET)), { xml: 'vpcSet' }),
    ),
  ),
  DescribeVpcClassicLinkDnsSupport: action(
    structure(member('VpcIds', list(STRING)), ...PAGING),
    structure(member('Vpcs', list(structure(member('VpcId', STRING), member('ClassicLinkDnsSupported', BOOLEAN)))), NEXT_TOKEN),
  ),
  DescribeNetworkAcls: action(
    structure(member('NetworkAclIds', list(STRING), { query: 'NetworkAclId' }), FILTERS, ...PAGING, DRY_RUN),
    structure(member('NetworkAcls', list(NETWORK_ACL), { xml: 'networkAclSet' }), NEXT_TOKEN),
  ),
  DescribeSecurityGroups: action(
    structure(
      member('GroupIds', list(STRING), { query: 'GroupId' }),
      member('GroupNames', list(STRING), { query: 'GroupName' }),
      FILTERS,
      ...PAGING,
      DRY_RUN,
    ),
    structure(member('SecurityGroups', list(SECURITY_GROUP), { xml: 'securityGroupInfo' }), NEXT_TOKEN),
  ),
  DescribeRegions: action(
    structure(member('RegionNames', list(STRING), { query: 'RegionName' }), member('AllRegions', BOOLEAN), FILTERS, DRY_RUN),
    structure(
      member(
        'Regions',
        list(structure(member('RegionName', STRING), member('Endpoint', STRING, { xml: 'regionEndpoint' }), member('OptInStatus', STRING))),
        { xml: 'regionInfo' },
      ),
    ),
  ),
  DescribeAccountAttributes: action(
    structure(member('AttributeNames', list(STRING), { query: 'AttributeName' }), DRY_RUN),
    structure(
      member(
        'AccountAttributes',
        list(structure(member('AttributeName', STRING), member('AttributeValues', list(structure(member('AttributeValue', STRING))), { xml: 'attributeValueSet' }))),
        { xml: 'accountAttributeSet' },
      ),
    ),
  ),
};
