// DescribeAvailabilityZones (issue 13): the zones of the caller's Region (routing/availability-zones.ts).
import type { DescribeAvailabilityZonesCommand } from '../routing/routing-commands.js';
import { parseFilters, passes, type FilterValues } from '../describe-filters.js';
import { optionalBoolean, stringList } from '../input.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { Tx } from '../tx.js';
import { zonesOf, type AvailabilityZone } from '../routing/availability-zones.js';
import type { AvailabilityZoneOutput, DescribeAvailabilityZonesOutput } from '../routing/routing-outputs.js';
import { unknownZone } from '../routing/routing-errors.js';

/** The filters botocore lists for DescribeAvailabilityZones. */
const ZONE_FILTERS: Readonly<Record<string, FilterValues<AvailabilityZone>>> = {
  'group-name': (zone) => [zone.regionName],
  'group-long-name': (zone) => [zone.regionName],
  'message': () => [],
  'network-border-group': (zone) => [zone.regionName],
  'opt-in-status': () => ['opt-in-not-required'],
  'parent-zone-id': () => [],
  'parent-zone-name': () => [],
  'region-name': (zone) => [zone.regionName],
  state: () => ['available'],
  'zone-id': (zone) => [zone.zoneId],
  'zone-name': (zone) => [zone.zoneName],
  'zone-type': () => ['availability-zone'],
};

const zoneView = (zone: AvailabilityZone): AvailabilityZoneOutput => ({
  State: 'available',
  OptInStatus: 'opt-in-not-required',
  Messages: [],
  RegionName: zone.regionName,
  ZoneName: zone.zoneName,
  ZoneId: zone.zoneId,
  GroupName: zone.regionName,
  NetworkBorderGroup: zone.regionName,
  ZoneType: 'availability-zone',
});

/** DescribeAvailabilityZones. */
export function describeAvailabilityZones(tx: Tx, command: DescribeAvailabilityZonesCommand): Outcome<DescribeAvailabilityZonesOutput> {
  const names = stringList(command.ZoneNames, 'ZoneName');
  if (!names.ok) return names;
  const ids = stringList(command.ZoneIds, 'ZoneId');
  if (!ids.ok) return ids;
  const all = optionalBoolean(command.AllAvailabilityZones, 'AllAvailabilityZones');
  if (!all.ok) return all;
  const filters = parseFilters(command.Filters, ZONE_FILTERS, null);
  if (!filters.ok) return filters;
  const zones = zonesOf(tx.caller.region);
  // [?] an unknown name or ID is an error, not an empty answer.
  for (const name of names.value) if (!zones.some((zone) => zone.zoneName === name)) return refuse(unknownZone(name));
  for (const id of ids.value) if (!zones.some((zone) => zone.zoneId === id)) return refuse(unknownZone(id));
  const named = zones.filter(
    (zone) =>
      (names.value.length === 0 && ids.value.length === 0) || names.value.includes(zone.zoneName) || ids.value.includes(zone.zoneId),
  );
  return done({ AvailabilityZones: named.filter((zone) => passes(filters.value, zone)).map(zoneView) });
}
