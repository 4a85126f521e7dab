// After a sequence, the checker deletes what it created on the target, connections first (a VPC
// with a live connection may not go), each as the account that created it. Best effort: what the
// target refuses stays, and was already compared.
import type { SettleTiming, SendAs } from './settle.js';
import { settleTarget } from './settle.js';
import type { TargetResources } from './target-resources.js';

/** Deletes the sequence's connections and VPCs on the target, ignoring refusals. */
export async function cleanUp(resources: TargetResources, sendAs: SendAs, timing: SettleTiming): Promise<void> {
  resources.unsettled = true;
  await settleTarget(resources, sendAs, timing);
  for (const { id, caller } of [...resources.peerings].reverse()) {
    await sendAs(caller, { type: 'DeleteVpcPeeringConnection', VpcPeeringConnectionId: id });
  }
  resources.unsettled = true;
  await settleTarget(resources, sendAs, timing);
  for (const { id, caller } of [...resources.vpcs].reverse()) await sendAs(caller, { type: 'DeleteVpc', VpcId: id });
}
