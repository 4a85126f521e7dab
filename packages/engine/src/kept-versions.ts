// The one pruning rule of eventual consistency's version histories (spec §10.4), shared by VPCs
// (vpc-versions.ts) and subnets/route tables (routing/routing-versions.ts): keep the versions from
// the newest one Describe shows by `clock` on, and nothing when the current state already says it all.

/**
 * The versions worth keeping at `clock`: from the newest one shown by then on. A history of a single
 * version that Describe shows already — or of a resource never shown, then deleted (`absent`) — says
 * nothing the current state does not: `null`.
 */
export function keptVersions<V extends { readonly from: number }>(versions: readonly V[], clock: number, absent: (version: V) => boolean): readonly V[] | null {
  let first = 0;
  for (let i = versions.length - 1; i > 0; i--) {
    if (versions[i]!.from <= clock) {
      first = i;
      break;
    }
  }
  const out = first === 0 ? versions : Object.freeze(versions.slice(first));
  if (out.length === 1 && (out[0]!.from <= clock || absent(out[0]!))) return null;
  return out;
}
