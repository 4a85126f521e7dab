import type { Provenance } from './provenance.js';
import type { PeeringState } from './states.js';
import { fill } from './template.js';

/** The EC2 error codes the lifecycle answers with, spelt exactly as AWS spells them. */
export type LifecycleErrorCode =
  | 'InvalidStateTransition'
  | 'OperationNotPermitted'
  | 'InvalidVpcPeeringConnectionID.NotFound';

/** A refused trigger, as a value: the EC2 error code and message a client would get (all HTTP 400). */
export interface LifecycleError {
  /** The EC2 error code. */
  readonly code: LifecycleErrorCode;
  /** The error message, filled in. */
  readonly message: string;
}

/** One error text of the lifecycle: its code, its template and where it comes from. */
export interface ErrorText extends Provenance {
  /** The EC2 error code. */
  readonly code: LifecycleErrorCode;
  /** The message, with `{placeholders}` filled when the error is raised. */
  readonly template: string;
}

/**
 * The kinds of refusal: no such connection, the wrong Region, a trigger not allowed from the
 * current state, or a caller who is not the owner the row names.
 */
export type ErrorKind = 'notFound' | 'wrongRegion' | 'invalidStateTransition' | 'wrongParty';

/** Every error text the lifecycle produces (spec §3, §4.5). */
export const ERROR_TEXTS: Readonly<Record<ErrorKind, ErrorText>> = {
  // spec §4.5: the code is [doc]; the message is what several EC2 emulators treat as real [emu].
  notFound: {
    code: 'InvalidVpcPeeringConnectionID.NotFound',
    template: "The vpcPeeringConnection ID '{id}' does not exist",
    spec: '§4.5',
    confidence: 'emu',
  },
  // spec §3.3: seen on Delete ("from failed to deleting", "from rejected to deleting"); Terraform
  // matches the substring "to deleting". Accept and Reject use the same form [?] (spec §11).
  invalidStateTransition: {
    code: 'InvalidStateTransition',
    template: 'Invalid state transition for {id}, attempted to transition from {from} to {to}',
    spec: '§3.3',
    confidence: 'obs',
  },
  // spec §3.1 [obs] for Accept; §3.2 Reject uses "accepted or rejected" [emu].
  wrongRegion: {
    code: 'OperationNotPermitted',
    template:
      'Incorrect region ({callerRegion}) specified for this request. VPC peering connection {id} must be {phrase} in region {accepterRegion}',
    spec: '§3.1, §3.2',
    confidence: 'obs',
  },
  // spec §3.1: moto's text for Accept by the requester [emu]; the same form for Reject and for
  // Delete of a pending request by the accepter [?] (spec §3.3, §11).
  wrongParty: {
    code: 'OperationNotPermitted',
    template: '{who} cannot {verb} peering {id}',
    spec: '§3.1, §3.3',
    confidence: 'emu',
  },
};

/** How a "wrong party" error names an account caller ([emu], spec §3.1). */
export const CALLER_NAME = 'User ({accountId})';

/** How a "wrong party" error names AWS itself, if it ever sets off an owner's trigger (a bug in the caller of `transition`). */
export const SYSTEM_NAME = 'AWS';

function raise(text: ErrorText, values: Readonly<Record<string, string>>): LifecycleError {
  return { code: text.code, message: fill(text.template, values) };
}

/** NotFound: there is no connection with this ID. */
export function notFound(id: string): LifecycleError {
  return raise(ERROR_TEXTS.notFound, { id });
}

/** InvalidStateTransition: the trigger is not allowed from `from`; `to` is where it would have led. */
export function invalidStateTransition(id: string, from: PeeringState, to: PeeringState): LifecycleError {
  return raise(ERROR_TEXTS.invalidStateTransition, { id, from, to });
}

/** OperationNotPermitted: Accept or Reject from a Region other than the accepter VPC's. */
export function wrongRegion(id: string, phrase: string, callerRegion: string, accepterRegion: string): LifecycleError {
  return raise(ERROR_TEXTS.wrongRegion, { id, phrase, callerRegion, accepterRegion });
}

/** OperationNotPermitted: the caller holds none of the roles the row allows. `accountId` is `null` for AWS itself. */
export function wrongParty(id: string, verb: string, accountId: string | null): LifecycleError {
  const who = accountId === null ? SYSTEM_NAME : fill(CALLER_NAME, { accountId });
  return raise(ERROR_TEXTS.wrongParty, { id, verb, who });
}
