// An example client of EC2 VPC peering, written only with @aws-sdk/client-ec2.
export { ensurePeering } from './ensure-peering.js';
export type { PeeringResult, PeeringStep } from './ensure-peering.js';
export { PeeringEndedError, PeeringManagerError, PeeringTimeoutError, RetriesExhaustedError } from './errors.js';
export type { EndedStatus } from './errors.js';
export { DEFAULT_POLL, DEFAULT_RETRY, realSleep } from './settings.js';
export type { AccepterSide, EnsurePeeringRequest, PollSettings, RequesterSide, RetrySettings } from './settings.js';
