/**
 * AWS SDK errors → one-line reasons a user can act on, and UserErrors carrying them (printed without a stack).
 * Anything that is not an AWS, credentials or network error is a bug and is passed through untouched.
 */
import { UserError } from '../core/errors.js';
import type { CredentialSource } from './credentials.js';

interface SdkErrorShape {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
  readonly $fault?: unknown;
  readonly $retryable?: { readonly throttling?: boolean };
  readonly cause?: unknown;
}

const THROTTLING_NAMES = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
]);
const THROTTLING_MESSAGE = /rate exceeded|too many requests|throttl/i;
const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
const CREDENTIALS_NAMES = new Set(['CredentialsProviderError', 'TokenProviderError']);
/**
 * AWS refusing the credentials themselves (AWS's common errors, botocore's and the SDK's clock-skew and expired-token
 * codes), each with what it means. These come back as HTTP 400 or 403 and must not read as a missing permission.
 */
const REJECTED_CREDENTIALS: ReadonlyMap<string, RejectionKind> = new Map([
  ['InvalidSignatureException', 'signature'],
  ['SignatureDoesNotMatch', 'signature'],
  ['IncompleteSignature', 'malformed'],
  ['IncompleteSignatureException', 'malformed'],
  ['UnrecognizedClientException', 'unknown'],
  ['InvalidClientTokenId', 'unknown'],
  ['InvalidAccessKeyId', 'unknown'],
  ['InvalidToken', 'unknown'],
  ['AuthFailure', 'unknown'],
  ['MissingAuthenticationToken', 'unknown'],
  ['MissingAuthenticationTokenException', 'unknown'],
  ['ExpiredToken', 'expired'],
  ['ExpiredTokenException', 'expired'],
  ['TokenRefreshRequired', 'expired'],
  ['RequestExpired', 'clock'],
  ['RequestTimeTooSkewed', 'clock'],
  ['RequestInTheFuture', 'clock'],
]);
type RejectionKind = 'signature' | 'unknown' | 'expired' | 'clock' | 'scope' | 'malformed';
const ACCESS_DENIED_NAMES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthorizationError',
  'AuthorizationErrorException',
  'NotAuthorized',
  'Forbidden',
]);
const NOT_FOUND = /NotFound|NoSuch/;

export const NO_CREDENTIALS =
  'no AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ' +
  'or use aws-actions/configure-aws-credentials';

function shape(err: unknown): SdkErrorShape {
  return typeof err === 'object' && err !== null ? (err as SdkErrorShape) : {};
}

/** The error's name (an AWS error code), or '' when it has none. */
export function errorName(err: unknown): string {
  const name = shape(err).name;
  return typeof name === 'string' ? name : '';
}

function messageOf(err: unknown): string {
  const message = shape(err).message;
  return typeof message === 'string' ? message.trim() : String(err);
}

/** A throttling error: a throttling error code, HTTP 429, or a "Rate exceeded" style message. */
export function isThrottling(err: unknown): boolean {
  const e = shape(err);
  if (e.$metadata?.httpStatusCode === 429 || e.$retryable?.throttling === true) return true;
  if (THROTTLING_NAMES.has(errorName(err))) return true;
  return (e.$metadata !== undefined || e.$fault !== undefined) && THROTTLING_MESSAGE.test(messageOf(err));
}

/** A connection that failed or was reset before a response came (here or in the error's causes). */
export function isConnectionError(err: unknown, depth = 0): boolean {
  const e = shape(err);
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (errorName(err) === 'TimeoutError' || /socket hang up/i.test(messageOf(err))) return true;
  return depth < 5 && e.cause !== undefined && isConnectionError(e.cause, depth + 1);
}

/** No credentials could be loaded from any provider. */
export function isCredentialsError(err: unknown): boolean {
  return CREDENTIALS_NAMES.has(errorName(err)) || /could not load credentials/i.test(messageOf(err));
}

/** A permission missing (or an explicit deny): not credentials AWS refused, which come back as 403 too. */
export function isAccessDenied(err: unknown): boolean {
  if (credentialRejection(err) !== undefined) return false;
  return ACCESS_DENIED_NAMES.has(errorName(err)) || shape(err).$metadata?.httpStatusCode === 403;
}

/**
 * How AWS refused the credentials a request was signed with, when it did: a wrong secret (`signature`), an unknown
 * key or token (`unknown`), an expired session token (`expired`), a clock too far off (`clock`), or a signature
 * scoped to another region or service (`scope`).
 */
export function credentialRejection(err: unknown): RejectionKind | undefined {
  const kind = REJECTED_CREDENTIALS.get(errorName(err));
  if (kind !== 'signature' && kind !== 'unknown') return kind;
  const message = messageOf(err);
  if (/signature expired|not yet current|request time .* too large/i.test(message)) return 'clock';
  if (/credential should be scoped/i.test(message)) return 'scope';
  return kind;
}

const REJECTION_PROBLEMS: Readonly<Record<RejectionKind, string>> = {
  signature: 'the secret access key does not match the access key ID',
  unknown: 'AWS does not know the access key ID or session token',
  expired: 'the session token has expired',
  clock: "the request's time is more than 15 minutes away from AWS's clock",
  scope: 'the request was signed for another region or service than the endpoint serves',
  malformed: "the request's signature is incomplete",
};

const sources = new WeakMap<object, CredentialSource>();

/** Records where the credentials of the request that failed with `err` came from (config.ts does, per client). */
export function noteCredentialSource(err: unknown, source: CredentialSource): void {
  if (typeof err === 'object' && err !== null && !sources.has(err)) sources.set(err, source);
}

export function credentialSourceOf(err: unknown): CredentialSource | undefined {
  return typeof err === 'object' && err !== null ? sources.get(err) : undefined;
}

/**
 * No credentials: NO_CREDENTIALS when no source had any; the source and its own reason when a configured one (a
 * profile, a web identity, container metadata) failed to hand them out.
 */
function describeMissingCredentials(err: unknown): string {
  const source = credentialSourceOf(err);
  const message = messageOf(err);
  if (source === undefined || source.kind === 'none' || source.kind === 'given' || /any providers/i.test(message)) {
    return NO_CREDENTIALS;
  }
  const reason = (message.split('\n')[0] ?? '').slice(0, 300).replace(/\.$/, '');
  return `cannot get AWS credentials from ${source.description}: ${reason}; ${source.fix.unknown}`;
}

/**
 * One line for credentials AWS refused: the source they came from and what to do. Never the service's message, which
 * for a signature mismatch holds the whole canonical request and string to sign.
 */
function describeRejection(err: unknown, kind: RejectionKind): string {
  const source = credentialSourceOf(err);
  const from = source ? ` from ${source.description}` : '';
  let fix: string;
  if (kind === 'clock') fix = "set this machine's clock right (NTP)";
  else if (kind === 'scope') fix = 'check AWS_REGION and AWS_ENDPOINT_URL';
  else if (kind === 'malformed') fix = 'check any proxy between here and AWS (HTTPS_PROXY) and AWS_ENDPOINT_URL';
  else if (source !== undefined) fix = source.fix[kind];
  else if (kind === 'expired') fix = 'get fresh temporary credentials';
  else fix = 'check the access key ID, secret access key and session token';
  return `AWS rejected the credentials${from}: ${REJECTION_PROBLEMS[kind]} (${errorName(err)}); ${fix}`;
}

export function isNotFound(err: unknown): boolean {
  return NOT_FOUND.test(errorName(err));
}

/** An error from an AWS call (service, credentials or network), as opposed to a bug. */
export function isAwsError(err: unknown): boolean {
  const e = shape(err);
  return e.$metadata !== undefined || e.$fault !== undefined || isCredentialsError(err) || isConnectionError(err);
}

/** The IAM action and resource named by an access-denied message ("… not authorized to perform: X on resource: Y"). */
export function deniedPermission(message: string): { action: string; resource?: string } | undefined {
  const m = /not authorized to perform:?\s+([\w-]+:[\w*-]+)(?:\s+on resource:?\s+(\S+))?/i.exec(message);
  if (!m?.[1]) return undefined;
  const resource = m[2]?.replace(/[.,;)]+$/, '');
  return { action: m[1], resource };
}

/** One line saying what went wrong and what to do, for any AWS SDK error. */
export function describeAwsError(err: unknown): string {
  const name = errorName(err);
  const message = messageOf(err);
  const detail = name && message ? `${name}: ${message}` : name || message;
  if (isCredentialsError(err)) return describeMissingCredentials(err);
  const rejection = credentialRejection(err);
  if (rejection !== undefined) return describeRejection(err, rejection);
  if (isAccessDenied(err)) {
    const denied = deniedPermission(message);
    if (denied) {
      const on = denied.resource ? ` on ${denied.resource}` : '';
      const explicit = /explicit deny/i.test(message) ? ' (an explicit deny in a policy)' : '';
      return `missing IAM permission ${denied.action}${on}${explicit}`;
    }
    return `access denied (${detail})`;
  }
  if (isNotFound(err)) return `not found (${detail})`;
  if (isThrottling(err)) {
    const attempts = shape(err).$metadata?.attempts;
    return `AWS throttled the request (${detail})${attempts ? ` after ${attempts} attempts` : ''}; try again later`;
  }
  if (isConnectionError(err)) return `cannot reach AWS (${detail}); check the network, proxy and AWS_ENDPOINT_URL`;
  const status = shape(err).$metadata?.httpStatusCode;
  return status ? `${detail} (HTTP ${status})` : detail;
}

/**
 * A UserError `<prefix>: <reason>` for an AWS error (the original kept as `cause`); any other error unchanged, so a
 * bug keeps its stack.
 */
export function toUserError(err: unknown, prefix?: string): Error {
  if (err instanceof UserError) return err;
  if (!isAwsError(err)) return err instanceof Error ? err : new Error(String(err));
  const reason = describeAwsError(err);
  return new UserError(prefix ? `${prefix}: ${reason}` : reason, { cause: err });
}

/** Why a call failed, in one line: an AWS error's reason, or any error's message. */
export function reasonOf(error: unknown): string {
  return isAwsError(error) ? describeAwsError(error) : error instanceof Error ? error.message : String(error);
}

/** What a service's wording of a failed call reads from the AWS error. */
export interface ServiceFailure {
  readonly name: string;
  readonly message: string;
  /** `name: message`. */
  readonly detail: string;
  /** A UserError saying `text`, the AWS error as its cause. */
  fail(text: string): UserError;
}

/**
 * The error to throw for a failed call of one service (`iamPrefix`: codebuild, ecr …): the original error for bugs and
 * for transient failures (throttling, a lost connection that outlived the SDK's retries: the caller's to retry later);
 * otherwise a UserError: the IAM permission for access denied, `known`'s wording for the service's own errors it
 * knows, else `<action> <subject>: ` and the general reason.
 */
export function serviceError(
  error: unknown,
  iamPrefix: string,
  action: string,
  subject: string,
  known: (failure: ServiceFailure) => UserError | undefined = () => undefined,
): Error {
  if (error instanceof UserError || !isAwsError(error) || isThrottling(error) || isConnectionError(error)) {
    return error instanceof Error ? error : new Error(String(error));
  }
  const name = errorName(error);
  const message = String(shape(error).message ?? '');
  const detail = `${name}: ${message}`;
  const fail = (text: string): UserError => new UserError(text, { cause: error });
  if (isAccessDenied(error)) {
    const reason = describeAwsError(error);
    const named = reason.startsWith('missing IAM permission')
      ? reason
      : `missing IAM permission ${iamPrefix}:${action}`;
    return fail(`${action} ${subject}: ${named} (${detail})`);
  }
  return known({ name, message, detail, fail }) ?? fail(`${action} ${subject}: ${describeAwsError(error)}`);
}
