/**
 * The one place that configures AWS SDK clients: region, endpoint, retry policy and user agent. Every client
 * factory spreads clientConfig(...) into its client's constructor.
 *
 * - Region: the explicit one, else AWS_REGION, else AWS_DEFAULT_REGION; none is a UserError naming what to set.
 * - Endpoint: AWS_ENDPOINT_URL_<SERVICE> or AWS_ENDPOINT_URL (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS). The
 *   installed SDK reads these from process.env by itself; they are read here from `env` so an injected
 *   environment behaves the same.
 * - Retries: BackoffRetryStrategy (retry.ts), `maxAttempts` from the option, else AWS_MAX_ATTEMPTS, else 5.
 * - User agent: `aws-cicd/<version>` appended to the SDK's.
 * - Credentials: the SDK's default chain unless given; the keys of an injected environment (as the chain would take
 *   them from process.env). withCredentialSource(client, opts) makes the client's errors
 *   carry where its credentials came from (credentials.ts), so a rejection names the source (errors.ts).
 */
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  MiddlewareStack,
  RetryStrategyV2,
  UserAgent,
} from '@smithy/types';
import { UserError } from '../core/errors.js';
import { credentialSource } from './credentials.js';
import { credentialRejection, isCredentialsError, noteCredentialSource } from './errors.js';
import { BackoffRetryStrategy, type Sleep } from './retry.js';

/** The project's version; keep in step with package.json and src/cli/main.ts (a test checks all three). */
export const AWS_CICD_VERSION = '0.1.0';
export const USER_AGENT: UserAgent = [['aws-cicd', AWS_CICD_VERSION]];
export const DEFAULT_MAX_ATTEMPTS = 5;

export interface ClientOptions {
  readonly region?: string;
  /** Defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Total attempts per call, the first one included. */
  readonly maxAttempts?: number;
  /** The SDK's service id ("SSM", "Secrets Manager", ...) for AWS_ENDPOINT_URL_<SERVICE>. */
  readonly service?: string;
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Replaces the retry back-off's sleep (tests). */
  readonly sleep?: Sleep;
  /** [0, 1) jitter source (tests). */
  readonly random?: () => number;
}

export interface AwsClientConfig {
  readonly region: string;
  readonly endpoint?: string;
  readonly maxAttempts: number;
  readonly retryStrategy: RetryStrategyV2;
  readonly customUserAgent: UserAgent;
  readonly credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

export function clientConfig(opts: ClientOptions = {}): AwsClientConfig {
  const env = opts.env ?? process.env;
  const maxAttempts = opts.maxAttempts ?? attemptsFromEnv(env) ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new UserError(`the maximum number of AWS attempts must be a whole number ≥ 1, not ${maxAttempts}`);
  }
  const endpoint = endpointFromEnv(env, opts.service);
  // An injected environment's keys are used as the SDK's first provider uses process.env's (not with AWS_PROFILE).
  const credentials =
    opts.credentials ?? (opts.env !== undefined && !env.AWS_PROFILE?.trim() ? credentialsFromEnv(env) : undefined);
  return {
    region: resolveRegion(opts.region, env),
    ...(endpoint ? { endpoint } : {}),
    maxAttempts,
    retryStrategy: new BackoffRetryStrategy({ maxAttempts, sleep: opts.sleep, random: opts.random }),
    customUserAgent: USER_AGENT,
    ...(credentials ? { credentials } : {}),
  };
}

/**
 * The client, its failed calls noting where its credentials came from (worked out from the options it was configured
 * with, only when AWS refused them or none could be loaded), for the error's message.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any client's stack
export function withCredentialSource<C extends { middlewareStack: MiddlewareStack<any, any> }>(
  client: C,
  opts: ClientOptions = {},
): C {
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (credentialRejection(error) !== undefined || isCredentialsError(error)) {
          noteCredentialSource(error, credentialSource(opts.env ?? process.env, opts.credentials));
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'awsCicdCredentialSource', override: true },
  );
  return client;
}

/**
 * Keys in the given environment, as the SDK's first credentials provider reads them from process.env: so an injected
 * environment (tests, the CLI's context) is used for credentials too, not only for the endpoint and region.
 */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): AwsCredentialIdentity | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = env.AWS_SESSION_TOKEN?.trim();
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}

/**
 * Following a build, an execution or a deployment makes many calls; a few more attempts than the SDK default ride
 * out throttling storms. AWS_MAX_ATTEMPTS still wins.
 */
export const FOLLOW_MAX_ATTEMPTS = 8;

/** Options for clients that follow something for a long time: FOLLOW_MAX_ATTEMPTS, keys from the given environment. */
export function followClientOptions(opts: ClientOptions = {}): ClientOptions {
  const env = opts.env ?? process.env;
  const credentials = opts.credentials ?? credentialsFromEnv(env);
  return {
    ...opts,
    maxAttempts: opts.maxAttempts ?? (env.AWS_MAX_ATTEMPTS?.trim() ? undefined : FOLLOW_MAX_ATTEMPTS),
    ...(credentials !== undefined ? { credentials } : {}),
  };
}

/** SDK clients made from one set of options and closed together (an open HTTP/2 session keeps the process alive). */
export interface ClientPool {
  readonly options: ClientOptions;
  /** A client made with the pool's options (`extra` on top), closed by dispose(). */
  open<C extends { destroy(): void }>(create: (options: ClientOptions) => C, extra?: ClientOptions): C;
  dispose(): void;
}

export function clientPool(options: ClientOptions): ClientPool {
  const clients: Array<{ destroy(): void }> = [];
  return {
    options,
    open(create, extra) {
      const client = create(extra === undefined ? options : { ...options, ...extra });
      clients.push(client);
      return client;
    },
    dispose() {
      for (const client of clients.splice(0)) client.destroy();
    },
  };
}

/** The explicit region, else AWS_REGION, else AWS_DEFAULT_REGION. */
export function resolveRegion(explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const region = [explicit, env.AWS_REGION, env.AWS_DEFAULT_REGION].map((r) => r?.trim()).find((r) => r);
  if (region) return region;
  throw new UserError(
    'no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION), e.g. with aws-actions/configure-aws-credentials, ' +
      'or give the region explicitly',
  );
}

function attemptsFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.AWS_MAX_ATTEMPTS?.trim();
  if (!text) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1) {
    throw new UserError(`AWS_MAX_ATTEMPTS must be a whole number ≥ 1, not "${text}"`);
  }
  return Number(text);
}

/** AWS_ENDPOINT_URL_<SERVICE ID, upper case, spaces → _>, else AWS_ENDPOINT_URL, as the SDK reads them. */
export function endpointFromEnv(env: NodeJS.ProcessEnv, service?: string): string | undefined {
  if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim() ?? '')) return undefined;
  const specific = service ? env[`AWS_ENDPOINT_URL_${service.toUpperCase().replace(/ /g, '_')}`] : undefined;
  return specific?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
}
