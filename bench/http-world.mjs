// The world the HTTP benchmark serves (issue 5, "Performance"): `size` active connections, built
// through the engine's apply() with AWS's default quotas — so each VPC has at most 50 active
// connections: hub VPC i is peered with spoke VPCs i..i+49 (mod the number of spokes) — plus, for the
// load, `clients` accounts with 40 VPCs of their own. Runs on the built packages.
import { apply, createWorld } from '../packages/engine/dist/index.js';

const OWNER = { accountId: '111111111111', region: 'us-east-1' };
const PER_VPC = 50;
export const WORK_VPCS = 40;

/** The 12-digit account of load client `c`. */
export const clientAccount = (c) => String(500_000_000_000 + c);

/** A world of `size` active connections, and `clients` load accounts with WORK_VPCS VPCs each. */
export function buildWorld(size, clients) {
  let world = createWorld({ seed: 7 });
  const run = (caller, command) => {
    const step = apply(world, caller, command);
    if (!step.result.ok) throw new Error(`${command.type}: ${step.result.error.code}: ${step.result.error.message}`);
    world = step.world;
    return step.result.value;
  };
  const side = Math.max(PER_VPC, Math.ceil(size / PER_VPC));
  const vpc = (caller, cidr) => run(caller, { type: 'CreateVpc', CidrBlock: cidr }).Vpc.VpcId;
  const hubs = Array.from({ length: side }, (_, i) => vpc(OWNER, `10.${i >> 8}.${i & 255}.0/24`));
  const spokes = Array.from({ length: side }, (_, i) => vpc(OWNER, `172.${16 + (i >> 8)}.${i & 255}.0/24`));
  let made = 0;
  for (let k = 0; k < PER_VPC && made < size; k++) {
    for (let i = 0; i < side && made < size; i++) {
      const created = run(OWNER, { type: 'CreateVpcPeeringConnection', VpcId: hubs[i], PeerVpcId: spokes[(i + k) % side] });
      run(OWNER, { type: 'AcceptVpcPeeringConnection', VpcPeeringConnectionId: created.VpcPeeringConnection.VpcPeeringConnectionId });
      made++;
    }
  }
  run(OWNER, { type: 'AdvanceClock', Milliseconds: 0 });
  const work = Array.from({ length: clients }, (_, c) => {
    const caller = { accountId: clientAccount(c), region: 'us-east-1' };
    return Array.from({ length: WORK_VPCS }, (_, v) => vpc(caller, `100.${64 + (c >> 2)}.${((c & 3) << 6) + v}.0/24`));
  });
  return { world, work, size: made };
}
