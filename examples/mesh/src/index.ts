// An example client of EC2 VPC peering and routing, written only with @aws-sdk/client-ec2: a
// declarative mesh reconciler.
export { reconcileMesh } from './reconcile.js';
export { teardownMesh } from './teardown.js';
export { RetriesExhaustedError } from './errors.js';
export type { MeshChange, MeshReport, PairOutcome, UnroutedBlock } from './report.js';
export { DEFAULT_PAGE_SIZE, DEFAULT_POLL, DEFAULT_RETRY, realSleep } from './settings.js';
export type { MeshMember, MeshSpec, PollSettings, RetrySettings } from './settings.js';
