/**
 * The EC2 Query protocol over the pcxsim engine, so the AWS CLI, boto3 and `@aws-sdk/client-ec2`
 * talk to the simulated world unchanged: form parameters become engine commands, results become
 * EC2's XML documents, errors become EC2's error documents with their HTTP status, and the caller
 * is the account and Region of the request's SigV4 credentials.
 *
 * ```ts
 * import { EC2Client, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
 * import { Ec2Endpoint, InProcessHandler, listen } from '@pcxsim/ec2-query';
 *
 * const endpoint = new Ec2Endpoint({ worldOptions: { seed: 42 } });
 * // in process, no sockets:
 * const ec2 = new EC2Client({
 *   region: 'us-east-1',
 *   credentials: { accessKeyId: '111111111111', secretAccessKey: 'notasecret' }, // the key is the account
 *   requestHandler: new InProcessHandler(endpoint),
 * });
 * await ec2.send(new DescribeVpcsCommand({}));
 * // or over HTTP, for the CLI and other languages' SDKs:
 * const server = await listen(endpoint, { port: 4599 });
 * ```
 *
 * - One code path: {@link Ec2Endpoint.handle}; the node:http listener and the SDK handler adapt to it.
 * - Deterministic: request IDs come from a seed and a counter; `x-pcxsim-clock` names the simulated now
 *   (`Date`, which SDKs check for clock skew, is the wall clock over HTTP and absent in process).
 * - Total: any request gets an answer; 500 only for a fault of pcxsim itself; a refused request
 *   leaves the world untouched.
 * - A control API under `/_pcxsim/` resets the world, advances its clock and shows it.
 *
 * @packageDocumentation
 */

export { Ec2Endpoint } from './endpoint.js';
export type { EndpointOptions, SignatureOptions } from './endpoint.js';
export type { WireRequest, WireResponse } from './wire.js';
export type { AppliedCommand, AnsweredRequest, IncomingRequest } from './hooks.js';
export { createRequestListener, listen } from './http-handler.js';
export type { RequestListener, RunningServer, ListenOptions } from './http-handler.js';
export { InProcessHandler } from './sdk-handler.js';
export type { HandlerOutput } from './sdk-handler.js';
export { noBackoffRetryStrategy, SDK_DEFAULT_MAX_ATTEMPTS } from './no-backoff-retry.js';
export { CONTROL_PREFIX, handleControl } from './control-api.js';
export { CLOCK_HEADER, clockHeader } from './clock-header.js';
export type { ControlTarget } from './control-api.js';
export { answerReachability } from './reachability-route.js';
export { handleUi, isUiPath, UI_PATH } from './ui-route.js';
export type { UiSource } from './ui-route.js';
export type { ReachabilityAnswer, ReachabilityError, ReachabilityErrorBody, ReachabilityFound, ReachabilityRefused } from './reachability-route.js';

export { ACTIONS, isEc2Action } from './actions.js';
export type { Ec2Action, ActionShapes } from './actions.js';
export { BOOLEAN, INTEGER, STRING, TIMESTAMP, enumOf, list, member, structure } from './shapes.js';
export type { Shape, ScalarShape, EnumShape, ListShape, StructureShape, Member } from './shapes.js';
export { RESOURCE_TYPES } from './resource-types.js';
export { toCommand } from './request.js';
export type { ParsedRequest, ParsedCommand, ParseFailure } from './request.js';
export { decodeForm, decodeComponent, formText } from './query-params.js';
export type { Param } from './query-params.js';
export { successDocument, errorDocument, escapeText, XMLNS } from './xml.js';
export { API_VERSION, internalError, requestLimitExceeded } from './errors.js';
export type { WireError } from './errors.js';
export { requestId } from './request-id.js';
export { signatureOf, callerOf, PRESIGN_PARAMS, DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from './identity.js';
export type { SigV4Signature, CredentialScope, IdentityOptions, PresignedTimes } from './identity.js';
export { signatureMatches } from './sigv4.js';
export type { SignedRequest } from './sigv4.js';
export { DEFAULT_LIMITS } from './limits.js';
export { CLIENT_RESOURCES, CLIENT_TABLE_MARKERS, NOT_SERVED, actionStatus, renderClientActionTable, withClientActionTable } from './client-actions.js';
export type { ClientResource } from './client-actions.js';
export type { Limits } from './limits.js';
