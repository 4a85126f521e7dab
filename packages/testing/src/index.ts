/**
 * Test your own infrastructure code against pcxsim.
 *
 * - Arbitraries (fast-check) for prefixes, VPC CIDR blocks, tags, accounts, Regions, VPCs, whole
 *   reachable worlds and command sequences.
 * - `withPcxsim`: real `@aws-sdk/client-ec2` clients wired in-process to a fresh deterministic
 *   world, with clock control, fault injection (from the start or from any moment on), lag-free
 *   reads, and failures that print the EC2 calls of the run.
 * - A model-based testing kit: ready `fc.commands` for the peering actions, with the engine as the
 *   model.
 * - A conformance checker that compares any EC2 endpoint with pcxsim.
 *
 * @packageDocumentation
 */

// The fixture for users' code: withPcxsim, its clock, fault injection and call records.
export { withPcxsim } from './fixture/with-pcxsim.js';
export type { PcxsimOptions, PcxsimContext, ConsistencyOptions } from './fixture/with-pcxsim.js';
export type { PcxsimClock } from './fixture/fixture-clock.js';
export type { Fault, FaultKind, ThrottleFault, InternalErrorFault, RandomThrottleFault, PeeringCheckFailsFault } from './fixture/faults.js';
export type { CallRecord } from './fixture/call-log.js';
export { formatCalls, DEFAULT_FAILURE_CALLS } from './fixture/call-report.js';
export type { CallReportOptions } from './fixture/call-report.js';
export type { FaultScope } from './fixture/faults.js';
export type { PcxsimFaults, AddedFault } from './fixture/runtime-faults.js';
export { TruthReadError } from './fixture/truth.js';
export type { TruthView, TruthReadInput } from './fixture/truth.js';
export { createVpcFor } from './fixture/vpc-for.js';
export type { PartyVpc } from './fixture/vpc-for.js';

// The conformance checker for other EC2 emulators (what `pcxsim conform` runs).
export {
  checkConformance,
  CONFORMANCE_DEFAULTS,
  formatReport,
  parseCredentials,
  defaultCredentials,
  DEFAULT_SECRET_ACCESS_KEY,
  parseAccountHeader,
  citeRule,
  parseReplayFile,
  replayFileOf,
  REPLAY_FORMAT,
} from './conform/index.js';
export type {
  ConformanceOptions,
  ConformanceProgress,
  ConformanceReport,
  TargetTraits,
  Confidence,
  Divergence,
  Rule,
  Difference,
  DifferenceKind,
  Outcome,
  SuccessOutcome,
  ErrorOutcome,
  AccountCredentials,
  CredentialsByAccount,
  AccountHeader,
} from './conform/index.js';

// Arbitraries: CIDRs, accounts, Regions, callers, tags, VPCs, reachable worlds, command sequences.
export { prefix } from './arbitraries/prefix.js';
export type { PrefixConstraints } from './arbitraries/prefix.js';
export { vpcCidrBlock, SHORTEST_VPC_BLOCK, LONGEST_VPC_BLOCK, RFC1918_RANGES } from './arbitraries/vpc-cidr-block.js';
export type { VpcCidrBlockConstraints } from './arbitraries/vpc-cidr-block.js';
export { disjointCidrBlocks } from './arbitraries/disjoint-cidr-blocks.js';
export type { BlockCount, CountRange, DisjointCidrBlocksConstraints } from './arbitraries/disjoint-cidr-blocks.js';
export { overlappingCidrBlocks } from './arbitraries/overlapping-cidr-blocks.js';
export type { CidrOverlap, OverlapKind, OverlappingCidrBlocksConstraints } from './arbitraries/overlapping-cidr-blocks.js';
export { accountId } from './arbitraries/account-id.js';
export type { AccountIdConstraints } from './arbitraries/account-id.js';
export { region, FEW_REGIONS } from './arbitraries/region.js';
export type { RegionConstraints } from './arbitraries/region.js';
export { caller } from './arbitraries/caller.js';
export type { CallerConstraints } from './arbitraries/caller.js';
export { tag } from './arbitraries/tag.js';
export type { TagConstraints } from './arbitraries/tag.js';
export { PORTABLE_CHARACTERS } from './arbitraries/tag-characters.js';
export type { TagCharacters } from './arbitraries/tag-characters.js';
export { tagSet } from './arbitraries/tag-set.js';
export type { TagSetConstraints } from './arbitraries/tag-set.js';
export { invalidTag, invalidTags, INVALID_TAG_KINDS } from './arbitraries/invalid-tags.js';
export type { InvalidTag, InvalidTagKind, InvalidTagConstraints, LooseTag } from './arbitraries/invalid-tags.js';
export { invalidTagLists } from './arbitraries/invalid-tag-lists.js';
export type { InvalidTagList, InvalidTagListKind } from './arbitraries/invalid-tag-lists.js';
export { vpc } from './arbitraries/vpc.js';
export type { VpcConstraints } from './arbitraries/vpc.js';
export { world } from './arbitraries/world.js';
export type { GeneratedWorld, WorldConstraints } from './arbitraries/world.js';
export { commandSequence, DEFAULT_ACCOUNTS, DEFAULT_REGIONS } from './arbitraries/command-sequences.js';
export type { SequenceOptions } from './arbitraries/command-sequences.js';
export type { SequenceStep } from './arbitraries/sequence-step.js';
export { ROUTING_ACTIONS, SEQUENCE_ACTIONS } from './arbitraries/command-sequences.js';
// Subnets, route tables and routes over peering (issue 13).
export { subnetCidrBlock, invalidRoutingStep, peeredRoute, ROUTING_MISTAKE_KINDS } from './arbitraries/routing.js';
export type { InvalidRoutingStep, InvalidRoutingStepOptions, PeeredRoute } from './arbitraries/routing.js';
export { Bindings, symbolFor, unboundId } from './arbitraries/bindings.js';
export type { SymbolKind } from './arbitraries/bindings.js';
export { formatStep } from './arbitraries/format-step.js';

// The model-based testing kit: fc.commands for the peering actions, with the engine as the model.
export { peeringCommands } from './model/peering-commands.js';
export type { PeeringCommandsOptions } from './model/peering-commands.js';
export { PeeringModel } from './model/peering-model.js';
export { checkAgainstModel, ModelCheckFailure } from './model/check-against-model.js';
export type { CheckAgainstModelOptions, PeeringCommandList } from './model/check-against-model.js';
export { compareOutcomes, Disagreement } from './model/compare-outcomes.js';
export type { Comparison, ComparisonContext } from './model/compare-outcomes.js';
export { sdkSystem } from './model/sdk-system.js';
export type { SdkSystemOptions } from './model/sdk-system.js';
export { pcxsimOverSdk, fixtureSystem } from './model/pcxsim-over-sdk.js';
export type { PcxsimOverSdkOptions } from './model/pcxsim-over-sdk.js';
export type { RealSystem } from './model/real-system.js';
export { answerOf } from './model/answer.js';
export type { Answer, AnswerOk, AnswerError } from './model/answer.js';
