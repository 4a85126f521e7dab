// ModifyVpcAttribute: the two DNS attributes peering's DNS option depends on (spec §5.2, §10.3).
import type { ModifyVpcAttributeCommand } from '../commands.js';
import { invalidCombination, missingParameter } from '../errors.js';
import { optionalBoolean, optionalObject } from '../input.js';
import { ownVpc } from '../lookup.js';
import { done, refuse, type Outcome } from '../outcome.js';
import type { EmptyOutput } from '../outputs.js';
import { writeVpc } from '../records.js';
import type { Tx } from '../tx.js';

/** ModifyVpcAttribute: one attribute per call [?] (EC2 refuses several at once). */
export function modifyVpcAttribute(tx: Tx, command: ModifyVpcAttributeCommand): Outcome<EmptyOutput> {
  const vpc = ownVpc(tx.w, tx.caller, command.VpcId, 'VpcId');
  if (!vpc.ok) return vpc;
  const support = optionalObject(command.EnableDnsSupport, 'EnableDnsSupport');
  if (!support.ok) return support;
  const hostnames = optionalObject(command.EnableDnsHostnames, 'EnableDnsHostnames');
  if (!hostnames.ok) return hostnames;
  if (support.value !== undefined && hostnames.value !== undefined) {
    return refuse(invalidCombination('EnableDnsSupport', 'EnableDnsHostnames'));
  }
  const given = support.value ?? hostnames.value;
  const name = support.value !== undefined ? 'EnableDnsSupport' : 'EnableDnsHostnames';
  if (given === undefined) return refuse(missingParameter('EnableDnsSupport'));
  const value = optionalBoolean(given['Value'], `${name}.Value`);
  if (!value.ok) return value;
  if (value.value === undefined) return refuse(missingParameter(`${name}.Value`));
  const changed = support.value !== undefined ? { enableDnsSupport: value.value } : { enableDnsHostnames: value.value };
  writeVpc(tx, vpc.value, Object.freeze({ ...vpc.value, ...changed }));
  tx.events.push({ type: 'VpcChanged', vpcId: vpc.value.vpcId, change: 'attribute-modified', at: tx.w.clock });
  return done({});
}
