// The values of EC2's `ResourceType` enum, the one enum among the parameters the engine reads
// (`TagSpecification.N.ResourceType`, spec §7.3). A value outside it is refused here, as a bad enum
// value; a value inside it that the action does not tag is the engine's (tags package) error. The
// list is @aws-sdk/client-ec2's `ResourceType`; test/shapes-sdk.test.ts keeps the two equal.

/** Every `ResourceType` value EC2 knows. */
export const RESOURCE_TYPES: readonly string[] = Object.freeze([
  'application-status-check', 'capacity-block', 'capacity-manager-data-export', 'capacity-reservation',
  'capacity-reservation-cancellation-quote', 'capacity-reservation-fleet', 'capacity-reservation-modification-quote',
  'carrier-gateway', 'client-vpn-endpoint', 'coip-pool', 'customer-gateway', 'declarative-policies-report',
  'dedicated-host', 'dhcp-options', 'egress-only-internet-gateway', 'elastic-gpu', 'elastic-ip', 'export-image-task',
  'export-instance-task', 'fca-policy', 'fleet', 'fpga-image', 'host-reservation', 'image', 'image-usage-report',
  'import-image-task', 'import-snapshot-task', 'instance', 'instance-connect-endpoint', 'instance-event-window',
  'internet-gateway', 'ipam', 'ipam-external-resource-verification-token', 'ipam-internet-registry-association',
  'ipam-policy', 'ipam-pool', 'ipam-pool-allocation', 'ipam-prefix-list-resolver', 'ipam-prefix-list-resolver-target',
  'ipam-resource-discovery', 'ipam-resource-discovery-association', 'ipam-scope', 'ipv4pool-ec2', 'ipv6pool-ec2',
  'key-pair', 'launch-template', 'local-gateway', 'local-gateway-route-table',
  'local-gateway-route-table-virtual-interface-group-association', 'local-gateway-route-table-vpc-association',
  'local-gateway-virtual-interface', 'local-gateway-virtual-interface-group', 'mac-modification-task',
  'metric-category', 'natgateway', 'network-acl', 'network-insights-access-scope',
  'network-insights-access-scope-analysis', 'network-insights-analysis', 'network-insights-path', 'network-interface',
  'outpost-lag', 'placement-group', 'prefix-list', 'replace-root-volume-task', 'reserved-instances', 'route-server',
  'route-server-endpoint', 'route-server-peer', 'route-table', 'secondary-interface', 'secondary-network',
  'secondary-subnet', 'security-group', 'security-group-rule', 'service-link-virtual-interface', 'snapshot',
  'spot-fleet-request', 'spot-instances-request', 'subnet', 'subnet-cidr-reservation', 'traffic-mirror-filter',
  'traffic-mirror-filter-rule', 'traffic-mirror-session', 'traffic-mirror-target', 'transit-gateway',
  'transit-gateway-attachment', 'transit-gateway-connect-peer', 'transit-gateway-metering-policy',
  'transit-gateway-multicast-domain', 'transit-gateway-policy-table', 'transit-gateway-route-table',
  'transit-gateway-route-table-announcement', 'verified-access-endpoint', 'verified-access-endpoint-target',
  'verified-access-group', 'verified-access-instance', 'verified-access-policy', 'verified-access-trust-provider',
  'volume', 'vpc', 'vpc-block-public-access-exclusion', 'vpc-encryption-control', 'vpc-endpoint',
  'vpc-endpoint-connection', 'vpc-endpoint-connection-device-type', 'vpc-endpoint-service',
  'vpc-endpoint-service-permission', 'vpc-flow-log', 'vpc-peering-connection', 'vpn-concentrator', 'vpn-connection',
  'vpn-connection-device-type', 'vpn-gateway',
]);
