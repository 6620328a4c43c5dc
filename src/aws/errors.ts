/**
 * AWS SDK errors → one-line reasons a user can act on, and UserErrors carrying them (printed without a stack).
 * Anything that is not an AWS, credentials or network error is a bug and is passed through untouched.
 */
import { UserError } from '../core/errors.js';

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
const EXPIRED_NAMES = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const REJECTED_NAMES = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'InvalidAccessKeyId',
  'AuthFailure',
]);
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

function nameOf(err: unknown): string {
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
  if (THROTTLING_NAMES.has(nameOf(err))) return true;
  return (e.$metadata !== undefined || e.$fault !== undefined) && THROTTLING_MESSAGE.test(messageOf(err));
}

/** A connection that failed or was reset before a response came (here or in the error's causes). */
export function isConnectionError(err: unknown, depth = 0): boolean {
  const e = shape(err);
  if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code)) return true;
  if (nameOf(err) === 'TimeoutError' || /socket hang up/i.test(messageOf(err))) return true;
  return depth < 5 && e.cause !== undefined && isConnectionError(e.cause, depth + 1);
}

/** No credentials could be loaded from any provider. */
export function isCredentialsError(err: unknown): boolean {
  return CREDENTIALS_NAMES.has(nameOf(err)) || /could not load credentials/i.test(messageOf(err));
}

export function isAccessDenied(err: unknown): boolean {
  return ACCESS_DENIED_NAMES.has(nameOf(err)) || shape(err).$metadata?.httpStatusCode === 403;
}

export function isNotFound(err: unknown): boolean {
  return NOT_FOUND.test(nameOf(err));
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
  const name = nameOf(err);
  const message = messageOf(err);
  const detail = name && message ? `${name}: ${message}` : name || message;
  if (isCredentialsError(err)) return NO_CREDENTIALS;
  if (EXPIRED_NAMES.has(name)) {
    return `the AWS credentials have expired (${detail}); refresh them (aws sso login, a new session token, or aws-actions/configure-aws-credentials)`;
  }
  if (REJECTED_NAMES.has(name))
    return `AWS rejected the credentials (${detail}); check the access key, secret and session token`;
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
