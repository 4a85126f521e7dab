// The errors the protocol layer answers by itself, before a request reaches the engine: every code,
// message and HTTP status in one place, each with its source (spec §9.3, ecosystem.md §1.3, AWS's
// common-errors table). [?] marks our own choice; docs/fidelity.md lists them. The engine's errors
// (`Ec2Error`) have the same shape and pass through unchanged.

/** An error as the wire carries it: code, message, HTTP status. The engine's `Ec2Error` is one. */
export interface WireError {
  /** The EC2 error code, e.g. `UnknownParameter`. */
  readonly code: string;
  /** The message text. */
  readonly message: string;
  /** The HTTP status the response carries. */
  readonly httpStatus: number;
}

const error = (code: string, message: string, httpStatus = 400): WireError => Object.freeze({ code, message, httpStatus });

/** The one API version pcxsim speaks (spec §9.1). */
export const API_VERSION = '2016-11-15';

// AWS common errors: `MissingAction`, 400 ("The request is missing an action or a required
// parameter"); the text in the MissingParameter form is ours [?].
export const missingAction = (): WireError => error('MissingAction', 'The request must contain the parameter Action');

// spec §9.1 [obs] MissingParameter form; a request without Version [?].
export const missingVersion = (): WireError => error('MissingParameter', 'The request must contain the parameter Version');

// [obs] an EC2 endpoint answering a version it does not serve (ansible/ansible#37267). Real EC2 still
// serves older versions in their own formats; pcxsim speaks 2016-11-15 only [?].
export const noSuchVersion = (version: string): WireError =>
  error('NoSuchVersion', `The requested version (${version}) of service AmazonEC2 does not exist`);

// [obs] (cognitect-labs/aws-api#6, boto/boto#1282).
export const invalidAction = (action: string): WireError =>
  error('InvalidAction', `The action ${action} is not valid for this web service.`);

// spec §9.1 [obs] (aws/aws-sdk-cpp#327: "The parameter Description is not recognized"). Also for
// parameters EC2 has but pcxsim does not model (e.g. CreateVpc's InstanceTenancy) [?].
export const unknownParameter = (name: string): WireError => error('UnknownParameter', `The parameter ${name} is not recognized`);

// [?] the same parameter twice: refused rather than first-wins or last-wins, which would make the
// order of parameters matter. `InvalidParameter` is the EC2 table's code for a parameter that
// "cannot be used"; the text is ours.
export const repeatedParameter = (name: string): WireError =>
  error('InvalidParameter', `The parameter ${name} is specified more than once`);

// spec §4.4 [obs] form (`Value ( 1 ) for parameter maxResults is invalid. …`); the reasons are ours [?].
const invalidValue = (value: string, name: string, why: string): WireError =>
  error('InvalidParameterValue', `Value ( ${value} ) for parameter ${name} is invalid. ${why}`);

/** A boolean parameter that is not `true` or `false`. */
export const notBoolean = (value: string, name: string): WireError => invalidValue(value, name, 'Expected a boolean: true or false.');

/** An integer parameter that is not a 32-bit decimal integer. */
export const notInteger = (value: string, name: string): WireError => invalidValue(value, name, 'Expected an integer.');

/** An enum parameter outside its enum. */
export const notInEnum = (value: string, name: string, enumName: string): WireError =>
  invalidValue(value, name, `It is not a valid ${enumName} value.`);

// ---- limits (issue 5: a clear 4xx, read no further, world untouched) [?] ----

// `InvalidRequest` is the EC2 table's code for "the request is not valid"; 413 is HTTP's "content
// too large". Texts are ours.
export const bodyTooLarge = (limit: number): WireError =>
  error('InvalidRequest', `The request body is larger than the limit of ${limit} bytes`, 413);

/** More parameters than the limit. */
export const tooManyParameters = (limit: number): WireError =>
  error('InvalidRequest', `The request has more than the limit of ${limit} parameters`);

/** A flattened list index over the limit. */
export const listIndexTooLarge = (name: string, limit: number): WireError =>
  error('InvalidRequest', `The list index in parameter ${name} is over the limit of ${limit}`);

// ---- who is calling (spec §9.3: 401 assumed for AuthFailure [?]) ----

// ecosystem.md §2.1: the text AWS sends for credentials it cannot validate.
export const authFailure = (): WireError =>
  error('AuthFailure', 'AWS was not able to validate the provided access credentials', 401);

// AWS's SignatureDoesNotMatch text; 403, as AWS answers it.
export const signatureDoesNotMatch = (): WireError =>
  error(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    403,
  );

// ---- HTTP ----

// [?] EC2 speaks GET and POST only; the code and text are ours.
export const methodNotAllowed = (method: string): WireError =>
  error('InvalidAction', `The HTTP method ${method} is not supported; use GET or POST`, 405);

// spec §9.3 [obs]: throttling is 503 `RequestLimitExceeded` (SDKs retry it, with backoff). pcxsim
// throttles only when told to (the control API's /_pcxsim/throttle, or an injectFault hook), so
// clients' retries can be tested.
/** 503 `RequestLimitExceeded`: throttling, which the SDKs retry with backoff. */
export const requestLimitExceeded = (): WireError => error('RequestLimitExceeded', 'Request limit exceeded.', 503);

// spec §9.3 [doc]: a 500 only for a real fault of pcxsim, never for any input (tests pin that it never happens).
/** 500 `InternalError`: a fault on AWS's side, which the SDKs retry as transient. */
export const internalError = (): WireError => error('InternalError', 'An internal error has occurred', 500);
