// Which EC2 actions real infrastructure tools call, resource by resource, read from their sources,
// and whether this endpoint serves each — the latter taken from the per-action table (actions.ts),
// so the table in docs/guides/iac-clients.md, generated from here (`pnpm run docs:iac`), cannot claim
// an action pcxsim does not serve (test/client-actions.test.ts fails when the committed copy is stale).
import { isEc2Action } from './actions.js';

/** One tool's resource or module and the EC2 actions it calls. */
export interface ClientResource {
  /** The tool: `Terraform`, `Ansible`, `boto3`, …. */
  readonly tool: string;
  /** The resource, module or feature, e.g. `aws_vpc` or `amazon.aws.ec2_vpc_net`. */
  readonly resource: string;
  /** Where the list was read (source file and version). */
  readonly source: string;
  /** The actions, in the order the resource first calls them. */
  readonly actions: readonly string[];
}

/**
 * Why an action pcxsim does not serve is not served. An action listed by a resource but neither
 * served nor here makes the generated table say so, and its test fail.
 */
export const NOT_SERVED: Readonly<Record<string, string>> = {
  ModifySubnetAttribute:
    'subnet attributes (public IP and IPv6 address on launch, DNS names) concern instances, which pcxsim does not launch; every subnet reads them off (Ansible calls it only for `map_public` or `assign_instances_ipv6` true)',
  AssociateSubnetCidrBlock: 'a subnet’s IPv6 /64 is given at CreateSubnet, as both tools do on create; adding one to an existing subnet is not modelled',
  DisassociateSubnetCidrBlock: 'a subnet keeps the IPv6 /64 it was created with (called only when `ipv6_cidr` is removed from an existing subnet)',
  EnableVgwRoutePropagation: 'no virtual private gateways',
  DisableVgwRoutePropagation: 'no virtual private gateways',
  DescribeInternetGateways: 'no internet gateways (called only for a route to an `igw`)',
  DescribeNetworkInterfaces: 'no network interfaces (Terraform looks for lingering ENIs before deleting a subnet)',
  AssociateDhcpOptions: 'no DHCP option sets but each account’s default (called only with `dhcp_opts_id`)',
  ModifyVpcTenancy: 'tenancy is fixed at creation (called only when `instance_tenancy` changes)',
  GetCallerIdentity: 'STS, not EC2: skip it with `skip_credentials_validation` and `skip_requesting_account_id`',
};

const TF = 'terraform-provider-aws v5, internal/service/ec2';
const AMAZON_AWS = 'amazon.aws 5.5 (Debian 12 ansible 7.7)';
const COMMUNITY_AWS = 'community.aws 5.5 (Debian 12 ansible 7.7)';

/** Every resource of every tool, as read from its source. */
export const CLIENT_RESOURCES: readonly ClientResource[] = [
  {
    tool: 'Terraform',
    resource: 'provider `aws`',
    source: `${TF}; internal/conns (DescribeAccountAttributes: provider v4 and older, for their EC2 platforms)`,
    actions: ['GetCallerIdentity', 'DescribeAccountAttributes'],
  },
  {
    tool: 'Terraform',
    resource: '`aws_vpc`',
    source: `${TF}/vpc_.go`,
    actions: [
      'CreateVpc',
      'DescribeVpcs',
      'ModifyVpcAttribute',
      'DescribeVpcAttribute',
      'DescribeNetworkAcls',
      'DescribeRouteTables',
      'DescribeSecurityGroups',
      'ModifyVpcTenancy',
      'AssociateVpcCidrBlock',
      'DisassociateVpcCidrBlock',
      'CreateTags',
      'DeleteTags',
      'DeleteVpc',
    ],
  },
  {
    tool: 'Terraform',
    resource: '`aws_subnet`',
    source: `${TF}/vpc_subnet.go`,
    actions: [
      'CreateSubnet',
      'DescribeSubnets',
      'ModifySubnetAttribute',
      'AssociateSubnetCidrBlock',
      'DisassociateSubnetCidrBlock',
      'CreateTags',
      'DeleteTags',
      'DescribeNetworkInterfaces',
      'DeleteSubnet',
    ],
  },
  {
    tool: 'Terraform',
    resource: '`aws_vpc_peering_connection`',
    source: `${TF}/vpc_peering_connection.go`,
    actions: [
      'CreateVpcPeeringConnection',
      'DescribeVpcPeeringConnections',
      'AcceptVpcPeeringConnection',
      'ModifyVpcPeeringConnectionOptions',
      'CreateTags',
      'DeleteTags',
      'DeleteVpcPeeringConnection',
    ],
  },
  {
    tool: 'Terraform',
    resource: '`aws_vpc_peering_connection_accepter`',
    source: `${TF}/vpc_peering_connection_accepter.go`,
    actions: ['DescribeVpcPeeringConnections', 'AcceptVpcPeeringConnection', 'ModifyVpcPeeringConnectionOptions', 'CreateTags', 'DeleteTags'],
  },
  {
    tool: 'Terraform',
    resource: '`aws_vpc_peering_connection_options`',
    source: `${TF}/vpc_peering_connection_options.go`,
    actions: ['DescribeVpcPeeringConnections', 'ModifyVpcPeeringConnectionOptions'],
  },
  {
    tool: 'Terraform',
    resource: '`aws_route_table`',
    source: `${TF}/vpc_route_table.go`,
    actions: [
      'CreateRouteTable',
      'DescribeRouteTables',
      'CreateRoute',
      'ReplaceRoute',
      'DeleteRoute',
      'EnableVgwRoutePropagation',
      'DisableVgwRoutePropagation',
      'CreateTags',
      'DeleteTags',
      'DisassociateRouteTable',
      'DeleteRouteTable',
    ],
  },
  {
    tool: 'Terraform',
    resource: '`aws_route`',
    source: `${TF}/vpc_route.go`,
    actions: ['CreateRoute', 'DescribeRouteTables', 'ReplaceRoute', 'DeleteRoute'],
  },
  {
    tool: 'Ansible',
    resource: '`amazon.aws.ec2_vpc_net`',
    source: `${AMAZON_AWS}, plugins/modules/ec2_vpc_net.py`,
    actions: [
      'DescribeVpcs',
      'CreateVpc',
      'DescribeVpcClassicLink',
      'DescribeVpcAttribute',
      'ModifyVpcAttribute',
      'AssociateVpcCidrBlock',
      'DisassociateVpcCidrBlock',
      'AssociateDhcpOptions',
      'DescribeTags',
      'CreateTags',
      'DeleteTags',
      'DeleteVpc',
    ],
  },
  {
    tool: 'Ansible',
    resource: '`amazon.aws.ec2_vpc_net_info`',
    source: `${AMAZON_AWS}, plugins/modules/ec2_vpc_net_info.py`,
    actions: ['DescribeVpcs', 'DescribeVpcClassicLink', 'DescribeVpcClassicLinkDnsSupport', 'DescribeVpcAttribute'],
  },
  {
    tool: 'Ansible',
    resource: '`amazon.aws.ec2_vpc_subnet`',
    source: `${AMAZON_AWS}, plugins/modules/ec2_vpc_subnet.py`,
    actions: [
      'DescribeSubnets',
      'CreateSubnet',
      'ModifySubnetAttribute',
      'AssociateSubnetCidrBlock',
      'DisassociateSubnetCidrBlock',
      'DescribeTags',
      'CreateTags',
      'DeleteTags',
      'DeleteSubnet',
    ],
  },
  {
    tool: 'Ansible',
    resource: '`amazon.aws.ec2_vpc_subnet_info`',
    source: `${AMAZON_AWS}, plugins/modules/ec2_vpc_subnet_info.py`,
    actions: ['DescribeSubnets'],
  },
  {
    tool: 'Ansible',
    resource: '`amazon.aws.ec2_vpc_route_table`',
    source: `${AMAZON_AWS}, plugins/modules/ec2_vpc_route_table.py`,
    actions: [
      'DescribeRouteTables',
      'DescribeSubnets',
      'DescribeInternetGateways',
      'CreateRouteTable',
      'CreateRoute',
      'ReplaceRoute',
      'DeleteRoute',
      'AssociateRouteTable',
      'DisassociateRouteTable',
      'EnableVgwRoutePropagation',
      'DescribeTags',
      'CreateTags',
      'DeleteTags',
      'DeleteRouteTable',
    ],
  },
  {
    tool: 'Ansible',
    resource: '`amazon.aws.ec2_vpc_route_table_info`',
    source: `${AMAZON_AWS}, plugins/modules/ec2_vpc_route_table_info.py`,
    actions: ['DescribeRouteTables'],
  },
  {
    tool: 'Ansible',
    resource: 'waiters `subnet_exists`, `subnet_available`, `subnet_deleted`, `subnet_has_map_public`, `subnet_no_map_public`, `subnet_has_assign_ipv6`, `subnet_no_assign_ipv6`',
    source: `${AMAZON_AWS}, plugins/module_utils/waiters.py (ec2_vpc_subnet waits with them)`,
    actions: ['DescribeSubnets'],
  },
  {
    tool: 'Ansible',
    resource: 'waiter `route_table_exists`',
    source: `${AMAZON_AWS}, plugins/module_utils/waiters.py (ec2_vpc_route_table waits for a new table)`,
    actions: ['DescribeRouteTables'],
  },
  {
    tool: 'Ansible',
    resource: '`community.aws.ec2_vpc_peer`',
    source: `${COMMUNITY_AWS}, plugins/modules/ec2_vpc_peer.py`,
    actions: [
      'DescribeVpcPeeringConnections',
      'CreateVpcPeeringConnection',
      'AcceptVpcPeeringConnection',
      'RejectVpcPeeringConnection',
      'DescribeTags',
      'CreateTags',
      'DeleteTags',
      'DeleteVpcPeeringConnection',
    ],
  },
  {
    tool: 'Ansible',
    resource: '`community.aws.ec2_vpc_peering_info`',
    source: `${COMMUNITY_AWS}, plugins/modules/ec2_vpc_peering_info.py`,
    actions: ['DescribeVpcPeeringConnections'],
  },
  {
    tool: 'boto3 / JS SDK',
    resource: 'waiters `vpc_exists`, `vpc_available`',
    source: 'botocore data/ec2/2016-11-15/waiters-2.json',
    actions: ['DescribeVpcs'],
  },
  {
    tool: 'boto3 / JS SDK',
    resource: 'waiters `vpc_peering_connection_exists`, `vpc_peering_connection_deleted`',
    source: 'botocore data/ec2/2016-11-15/waiters-2.json',
    actions: ['DescribeVpcPeeringConnections'],
  },
];

/** What the table says of an action: served, or why not. */
export function actionStatus(action: string): string {
  if (isEc2Action(action)) return 'served';
  return `not served: ${NOT_SERVED[action] ?? 'no reason recorded'}`;
}

/** The Markdown table of every resource's actions and their status, one row per (resource, action). */
export function renderClientActionTable(resources: readonly ClientResource[] = CLIENT_RESOURCES): string {
  const lines = ['| Tool | Resource or module | Action | pcxsim |', '| --- | --- | --- | --- |'];
  for (const resource of resources) {
    for (const action of resource.actions) lines.push(`| ${resource.tool} | ${resource.resource} | ${action} | ${actionStatus(action)} |`);
  }
  lines.push('', 'Sources, as read:', '');
  for (const resource of resources) lines.push(`- ${resource.tool} ${resource.resource}: ${resource.source}`);
  return `${lines.join('\n')}\n`;
}

/** The markers between which docs/guides/iac-clients.md holds the generated table. */
export const CLIENT_TABLE_MARKERS = {
  /** The line before the table. */
  begin: '<!-- generated by `pnpm run docs:iac` from packages/ec2-query/src/client-actions.ts: do not edit -->',
  /** The line after it. */
  end: '<!-- end of generated table -->',
} as const;

/** `page` with the text between the markers replaced by the current table. */
export function withClientActionTable(page: string): string {
  const start = page.indexOf(CLIENT_TABLE_MARKERS.begin);
  const end = page.indexOf(CLIENT_TABLE_MARKERS.end);
  if (start < 0 || end < start) throw new Error('the page lacks the generated-table markers');
  return `${page.slice(0, start + CLIENT_TABLE_MARKERS.begin.length)}\n\n${renderClientActionTable()}\n${page.slice(end)}`;
}
