// The conformance checker's public face (re-exported by the package index).
export { checkConformance, CONFORMANCE_DEFAULTS } from './check-conformance.js';
export type { ConformanceOptions, ConformanceProgress } from './check-conformance.js';
export { formatReport } from './report.js';
export type { ConformanceReport, Divergence, TargetTraits } from './report.js';
export { citeRule } from './rules.js';
export type { Rule, Confidence } from './rules.js';
export type { Difference, DifferenceKind } from './compare.js';
export type { Outcome, SuccessOutcome, ErrorOutcome } from './outcome.js';
export { parseCredentials, defaultCredentials, DEFAULT_SECRET_ACCESS_KEY } from './credentials.js';
export type { AccountCredentials, CredentialsByAccount } from './credentials.js';
export { parseAccountHeader } from './account-header.js';
export type { AccountHeader } from './account-header.js';
export { parseReplayFile, replayFileOf, REPLAY_FORMAT } from './replay-file.js';
