import type { Provenance } from './provenance.js';
import type { PeeringState } from './states.js';
import { fill } from './template.js';

/** The `Status.Message` of one state, as a template, with where the text comes from. */
export interface StatusMessage extends Provenance {
  /** The text, with `{accepterAccountId}` where AWS names the accepter's account. */
  readonly template: string;
}

/** What the status-message templates are filled from. */
export interface StatusMessageContext {
  /** The account that owns the accepter VPC (12 digits). */
  readonly accepterAccountId: string;
}

/**
 * The `Status.Message` AWS reports in each state (spec §1.1). Where the spec has no text [?],
 * the message is the state's name capitalised, the way AWS words its own one-word messages
 * (`Provisioning`, `Active`).
 */
export const STATUS_MESSAGES: Readonly<Record<PeeringState, StatusMessage>> = {
  // spec §1.1: from the API reference's cross-account sample.
  'initiating-request': { template: 'Initiating Request to {accepterAccountId}', spec: '§1.1', confidence: 'doc' },
  // spec §1.1: real CLI output.
  'pending-acceptance': { template: 'Pending Acceptance by {accepterAccountId}', spec: '§1.1', confidence: 'obs' },
  // spec §1.1: real accept-vpc-peering-connection output.
  provisioning: { template: 'Provisioning', spec: '§1.1', confidence: 'obs' },
  // spec §1.1: API reference samples.
  active: { template: 'Active', spec: '§1.1', confidence: 'doc' },
  // spec §1.1, §11: unknown.
  deleting: { template: 'Deleting', spec: '§1.1, §11', confidence: '?' },
  // spec §1.1, §11: unknown (moto writes "Deleted by <accountId>").
  deleted: { template: 'Deleted', spec: '§1.1, §11', confidence: '?' },
  // spec §1.1, §11: unknown (moto writes "Inactive").
  rejected: { template: 'Rejected', spec: '§1.1, §11', confidence: '?' },
  // spec §1.1, §11: unknown.
  expired: { template: 'Expired', spec: '§1.1, §11', confidence: '?' },
  // spec §1.1: real output in Terraform logs, whatever the cause.
  failed: {
    template: 'Failed due to incorrect VPC-ID, Account ID, or overlapping CIDR range',
    spec: '§1.1, §2.2',
    confidence: 'obs',
  },
};

/**
 * The `Status.Message` of a connection in `state`.
 *
 * @example
 * renderStatusMessage('pending-acceptance', { accepterAccountId: '222222222222' }); // 'Pending Acceptance by 222222222222'
 */
export function renderStatusMessage(state: PeeringState, context: StatusMessageContext): string {
  return fill(STATUS_MESSAGES[state].template, { accepterAccountId: context.accepterAccountId });
}
