import { fc } from '@fast-check/vitest';
import {
  ALL_TRIGGERS,
  PEERING_STATES,
  type Caller,
  type Party,
  type PeeringContext,
  type PeeringState,
  type Trigger,
} from '../src/index.js';

/** A cross-account, cross-Region connection: requester 111… in us-east-1, accepter 222… in eu-west-1. */
export const CONTEXT: PeeringContext = {
  id: 'pcx-0123456789abcdef0',
  accepterAccountId: '222222222222',
  accepterRegion: 'eu-west-1',
};

/** The requester owner, calling from its own (the requester VPC's) Region. */
export const REQUESTER: Caller = { roles: ['requester'], accountId: '111111111111', region: 'us-east-1' };
/** The accepter owner, calling from the accepter VPC's Region. */
export const ACCEPTER: Caller = { roles: ['accepter'], accountId: '222222222222', region: 'eu-west-1' };
/** An account that owns both VPCs, calling from the accepter VPC's Region. */
export const BOTH: Caller = { roles: ['requester', 'accepter'], accountId: '333333333333', region: 'eu-west-1' };
/** An account that owns neither VPC. */
export const STRANGER: Caller = { roles: [], accountId: '444444444444', region: 'eu-west-1' };

/** Every kind of "who": AWS, and each role set calling from the accepter's Region or another one. */
export const EVERY_BY: readonly (Caller | 'system')[] = [
  'system',
  ...[[], ['requester'], ['accepter'], ['requester', 'accepter']].flatMap((roles) =>
    ['eu-west-1', 'us-east-1'].map((region): Caller => ({ roles: roles as Party[], accountId: '555555555555', region })),
  ),
];

/** Every position a connection can be in, including "not created yet". */
export const EVERY_FROM: readonly (PeeringState | null)[] = [null, ...PEERING_STATES];

/** Every (from, trigger, by) combination, exhaustively. */
export const EVERY_COMBINATION = EVERY_FROM.flatMap((from) =>
  ALL_TRIGGERS.flatMap((trigger) => EVERY_BY.map((by) => ({ from, trigger, by }))),
);

const digit = fc.constantFrom(...'0123456789'.split(''));
/** A 12-digit AWS account ID. */
export const accountIdArb = fc.array(digit, { minLength: 12, maxLength: 12 }).map((digits) => digits.join(''));
/** A long pcx ID: `pcx-` and 17 lowercase hex digits. */
export const pcxIdArb = fc.stringMatching(/^pcx-[0-9a-f]{17}$/);
/** A Region name. */
export const regionArb = fc.constantFrom('us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2', 'sa-east-1');
/** Any connection context. */
export const contextArb = fc.record({ id: pcxIdArb, accepterAccountId: accountIdArb, accepterRegion: regionArb });
/** Any role set. */
export const rolesArb = fc.subarray<Party>(['requester', 'accepter']);
/** Any account caller. */
export const callerArb: fc.Arbitrary<Caller> = fc.record({ roles: rolesArb, accountId: accountIdArb, region: regionArb });
/** AWS or any account caller. */
export const byArb: fc.Arbitrary<Caller | 'system'> = fc.oneof(fc.constant('system' as const), callerArb);
/** Any state, or no connection. */
export const fromArb = fc.constantFrom(...EVERY_FROM);
/** Any trigger. */
export const triggerArb = fc.constantFrom<Trigger>(...ALL_TRIGGERS);
