// DescribeRegions: the world's Regions, by name and filters, in the world's order. Not paged [doc].
import { parseFilters, passes, type FilterValues } from '../describe-filters.js';
import { unknownRegion } from '../errors.js';
import { optionalBoolean, stringList } from '../input.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { DescribeRegionsCommand } from '../read-model-commands.js';
import type { DescribeRegionsOutput, RegionOutput } from '../read-model-outputs.js';
import { regionView } from '../region-info.js';
import type { Tx } from '../tx.js';

/** The filters [doc] (the model's list). */
const REGION_FILTERS: Readonly<Record<string, FilterValues<RegionOutput>>> = {
  endpoint: (region) => [region.Endpoint],
  'opt-in-status': (region) => [region.OptInStatus],
  'region-name': (region) => [region.RegionName],
};

/** DescribeRegions. `AllRegions` changes nothing: every Region of the world is enabled for every account. */
export function describeRegions(tx: Tx, command: DescribeRegionsCommand): Outcome<DescribeRegionsOutput> {
  const names = stringList(command.RegionNames, 'RegionName');
  if (!names.ok) return names;
  const all = optionalBoolean(command.AllRegions, 'AllRegions');
  if (!all.ok) return all;
  const filters = parseFilters(command.Filters, REGION_FILTERS, null);
  if (!filters.ok) return filters;
  const known = tx.w.config.regions;
  for (const name of names.value) if (!known.includes(name)) return refuse(unknownRegion(name));
  const wanted = names.value.length > 0 ? new Set(names.value) : null;
  const regions = known.filter((region) => wanted === null || wanted.has(region)).map(regionView);
  return done({ Regions: regions.filter((region) => passes(filters.value, region)) });
}
