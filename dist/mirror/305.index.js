export const id = 305;
export const ids = [305];
export const modules = {

/***/ 4305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GH: () => (/* binding */ createCodeCommitClient),
/* harmony export */   TM: () => (/* binding */ getRepository),
/* harmony export */   nE: () => (/* binding */ missingRepository),
/* harmony export */   resolveCredentials: () => (/* binding */ resolveCredentials),
/* harmony export */   z0: () => (/* binding */ ensureRepository)
/* harmony export */ });
/* unused harmony export createRepository */
/* harmony import */ var _aws_sdk_client_codecommit__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5529);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1156);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7326);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9378);
/** CodeCommit's control plane: finding a repository (GetRepository) and creating one (CreateRepository). */





/**
 * A CodeCommit client. Keys in the given environment are used as the SDK's first provider would use them from
 * process.env, so an injected environment (tests, the CLI's context) is used for credentials too.
 */
function createCodeCommitClient(opts = {}) {
    const credentials = opts.credentials ?? (0,_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialsFromEnv */ .kv)(opts.env ?? process.env);
    return new _aws_sdk_client_codecommit__WEBPACK_IMPORTED_MODULE_4__/* .CodeCommitClient */ .MS4((0,_config_js__WEBPACK_IMPORTED_MODULE_2__/* .clientConfig */ .yO)({ service: 'CodeCommit', ...opts, ...(credentials ? { credentials } : {}) }));
}
/**
 * The credentials git's password is signed with: the environment's keys (as the SDK's chain takes them first), else
 * the SDK's default chain (profiles, web identity, container and instance roles).
 */
async function resolveCredentials(region, env) {
    const fromEnv = (0,_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialsFromEnv */ .kv)(env);
    if (fromEnv)
        return fromEnv;
    const client = createCodeCommitClient({ region, env });
    try {
        const c = await client.config.credentials();
        return { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .toUserError */ .dZ)(error, 'cannot make CodeCommit git credentials');
    }
    finally {
        client.destroy();
    }
}
/** The repository's metadata, or undefined when it does not exist (RepositoryDoesNotExistException). */
async function getRepository(client, name, region) {
    try {
        const out = await client.send(new _aws_sdk_client_codecommit__WEBPACK_IMPORTED_MODULE_4__/* .GetRepositoryCommand */ .gRy({ repositoryName: name }));
        return out.repositoryMetadata;
    }
    catch (error) {
        if (error?.name === 'RepositoryDoesNotExistException')
            return undefined;
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .toUserError */ .dZ)(error, `cannot read CodeCommit repository "${name}" in ${region}`);
    }
}
async function createRepository(client, repository, region) {
    try {
        const out = await client.send(new _aws_sdk_client_codecommit__WEBPACK_IMPORTED_MODULE_4__/* .CreateRepositoryCommand */ .WTe({
            repositoryName: repository.name,
            ...(repository.description !== undefined ? { repositoryDescription: repository.description } : {}),
            ...(repository.tags !== undefined && Object.keys(repository.tags).length > 0
                ? { tags: { ...repository.tags } }
                : {}),
            ...(repository.kmsKeyId !== undefined ? { kmsKeyId: repository.kmsKeyId } : {}),
        }));
        if (!out.repositoryMetadata)
            throw new Error('CreateRepository answered no repositoryMetadata');
        return out.repositoryMetadata;
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .toUserError */ .dZ)(error, `cannot create CodeCommit repository "${repository.name}" in ${region}`);
    }
}
/**
 * The repository, created when missing and `create` is true; a missing repository without `create` is a UserError
 * naming the repository and the region. `created` tells which happened.
 */
async function ensureRepository(client, repository, region, create) {
    const found = await getRepository(client, repository.name, region);
    if (found)
        return { metadata: found, created: false };
    if (!create)
        throw missingRepository(repository.name, region);
    try {
        return { metadata: await createRepository(client, repository, region), created: true };
    }
    catch (error) {
        // Another job created it between the two calls.
        const cause = error.cause;
        if (cause?.name === 'RepositoryNameExistsException') {
            const again = await getRepository(client, repository.name, region);
            if (again)
                return { metadata: again, created: false };
        }
        throw error;
    }
}
function missingRepository(name, region) {
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`CodeCommit repository "${name}" does not exist in ${region}; create it, check the region, ` +
        'or set create-repository: true (--create-repository) to have it created');
}


/***/ }),

/***/ 7326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xm: () => (/* binding */ AWS_CICD_VERSION),
  yO: () => (/* binding */ clientConfig),
  Zv: () => (/* binding */ resolveRegion)
});

// UNUSED EXPORTS: DEFAULT_MAX_ATTEMPTS, FOLLOW_MAX_ATTEMPTS, USER_AGENT, credentialsFromEnv, endpointFromEnv, followClientOptions

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/retry.ts

const DEFAULT_BASE_DELAY_MS = 100;
const DEFAULT_THROTTLING_BASE_DELAY_MS = 500;
const DEFAULT_MAX_DELAY_MS = 20_000;
const BUDGET = 500;
const THROTTLING_COST = 5;
const RETRY_COST = 10;
const SUCCESS_REFILL = 1;
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class Token {
    count;
    cost;
    $retryLog;
    constructor(count, cost, delay = 0) {
        this.count = count;
        this.cost = cost;
        this.$retryLog = { acquisitionDelay: delay };
    }
    getRetryCount() {
        return this.count;
    }
    /** The strategy has slept already. */
    getRetryDelay() {
        return 0;
    }
    getRetryCost() {
        return this.cost;
    }
}
class BackoffRetryStrategy {
    options;
    mode = 'standard';
    budget = BUDGET;
    sleep;
    random;
    constructor(options) {
        this.options = options;
        this.sleep = options.sleep ?? realSleep;
        this.random = options.random ?? Math.random;
    }
    async acquireInitialRetryToken() {
        return new Token(0, undefined);
    }
    async refreshRetryTokenForRetry(token, info) {
        const retries = token.getRetryCount();
        const throttled = info.errorType === 'THROTTLING' || (0,aws_errors/* isThrottling */.E2)(info.error);
        const retryable = throttled || info.errorType === 'TRANSIENT' || (0,aws_errors/* isConnectionError */.Rk)(info.error);
        const cost = throttled ? THROTTLING_COST : RETRY_COST;
        if (!retryable || retries + 1 >= this.options.maxAttempts || this.budget < cost) {
            throw new Error('no retry: the error is final, the attempts are used up or the retry budget is spent');
        }
        this.budget -= cost;
        const delay = this.delay(retries, throttled, info.retryAfterHint);
        await this.sleep(delay);
        return new Token(retries + 1, cost, delay);
    }
    recordSuccess(token) {
        this.budget = Math.min(BUDGET, this.budget + (token.getRetryCost() ?? SUCCESS_REFILL));
    }
    /** The delay before retry number `retries + 1`, in ms. */
    delay(retries, throttled, retryAfter) {
        const base = throttled
            ? (this.options.throttlingBaseDelayMs ?? DEFAULT_THROTTLING_BASE_DELAY_MS)
            : (this.options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS);
        const cap = this.options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
        const jittered = Math.floor(this.random() * Math.min(cap, base * 2 ** retries));
        if (retryAfter === undefined)
            return jittered;
        return Math.max(jittered, Math.min(cap, retryAfter.getTime() - Date.now()));
    }
}

;// CONCATENATED MODULE: ./src/aws/config.ts


/** The project's version; keep in step with package.json and src/cli/main.ts (a test checks all three). */
const AWS_CICD_VERSION = '0.1.0';
const USER_AGENT = [['aws-cicd', AWS_CICD_VERSION]];
const DEFAULT_MAX_ATTEMPTS = 5;
function clientConfig(opts = {}) {
    const env = opts.env ?? process.env;
    const maxAttempts = opts.maxAttempts ?? attemptsFromEnv(env) ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
        throw new errors/* UserError */.yo(`the maximum number of AWS attempts must be a whole number ≥ 1, not ${maxAttempts}`);
    }
    const endpoint = endpointFromEnv(env, opts.service);
    return {
        region: resolveRegion(opts.region, env),
        ...(endpoint ? { endpoint } : {}),
        maxAttempts,
        retryStrategy: new BackoffRetryStrategy({ maxAttempts, sleep: opts.sleep, random: opts.random }),
        customUserAgent: USER_AGENT,
        ...(opts.credentials ? { credentials: opts.credentials } : {}),
    };
}
/**
 * Keys in the given environment, as the SDK's first credentials provider reads them from process.env: so an injected
 * environment (tests, the CLI's context) is used for credentials too, not only for the endpoint and region.
 */
function credentialsFromEnv(env) {
    const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
    if (!accessKeyId || !secretAccessKey)
        return undefined;
    const sessionToken = env.AWS_SESSION_TOKEN?.trim();
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
/**
 * Following a build, an execution or a deployment makes many calls; a few more attempts than the SDK default ride
 * out throttling storms. AWS_MAX_ATTEMPTS still wins.
 */
const FOLLOW_MAX_ATTEMPTS = 8;
/** Options for clients that follow something for a long time: FOLLOW_MAX_ATTEMPTS, keys from the given environment. */
function followClientOptions(opts = {}) {
    const env = opts.env ?? process.env;
    const credentials = opts.credentials ?? credentialsFromEnv(env);
    return {
        ...opts,
        maxAttempts: opts.maxAttempts ?? (env.AWS_MAX_ATTEMPTS?.trim() ? undefined : FOLLOW_MAX_ATTEMPTS),
        ...(credentials !== undefined ? { credentials } : {}),
    };
}
/** The explicit region, else AWS_REGION, else AWS_DEFAULT_REGION. */
function resolveRegion(explicit, env = process.env) {
    const region = [explicit, env.AWS_REGION, env.AWS_DEFAULT_REGION].map((r) => r?.trim()).find((r) => r);
    if (region)
        return region;
    throw new errors/* UserError */.yo('no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION), e.g. with aws-actions/configure-aws-credentials, ' +
        'or give the region explicitly');
}
function attemptsFromEnv(env) {
    const text = env.AWS_MAX_ATTEMPTS?.trim();
    if (!text)
        return undefined;
    if (!/^\d+$/.test(text) || Number(text) < 1) {
        throw new errors/* UserError */.yo(`AWS_MAX_ATTEMPTS must be a whole number ≥ 1, not "${text}"`);
    }
    return Number(text);
}
/** AWS_ENDPOINT_URL_<SERVICE ID, upper case, spaces → _>, else AWS_ENDPOINT_URL, as the SDK reads them. */
function endpointFromEnv(env, service) {
    if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim() ?? ''))
        return undefined;
    const specific = service ? env[`AWS_ENDPOINT_URL_${service.toUpperCase().replace(/ /g, '_')}`] : undefined;
    return specific?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ isThrottling),
/* harmony export */   Rk: () => (/* binding */ isConnectionError),
/* harmony export */   dZ: () => (/* binding */ toUserError)
/* harmony export */ });
/* unused harmony exports NO_CREDENTIALS, isCredentialsError, isAccessDenied, isNotFound, isAwsError, deniedPermission, describeAwsError */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/**
 * AWS SDK errors → one-line reasons a user can act on, and UserErrors carrying them (printed without a stack).
 * Anything that is not an AWS, credentials or network error is a bug and is passed through untouched.
 */

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
const NO_CREDENTIALS = 'no AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ' +
    'or use aws-actions/configure-aws-credentials';
function shape(err) {
    return typeof err === 'object' && err !== null ? err : {};
}
function nameOf(err) {
    const name = shape(err).name;
    return typeof name === 'string' ? name : '';
}
function messageOf(err) {
    const message = shape(err).message;
    return typeof message === 'string' ? message.trim() : String(err);
}
/** A throttling error: a throttling error code, HTTP 429, or a "Rate exceeded" style message. */
function isThrottling(err) {
    const e = shape(err);
    if (e.$metadata?.httpStatusCode === 429 || e.$retryable?.throttling === true)
        return true;
    if (THROTTLING_NAMES.has(nameOf(err)))
        return true;
    return (e.$metadata !== undefined || e.$fault !== undefined) && THROTTLING_MESSAGE.test(messageOf(err));
}
/** A connection that failed or was reset before a response came (here or in the error's causes). */
function isConnectionError(err, depth = 0) {
    const e = shape(err);
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code))
        return true;
    if (nameOf(err) === 'TimeoutError' || /socket hang up/i.test(messageOf(err)))
        return true;
    return depth < 5 && e.cause !== undefined && isConnectionError(e.cause, depth + 1);
}
/** No credentials could be loaded from any provider. */
function isCredentialsError(err) {
    return CREDENTIALS_NAMES.has(nameOf(err)) || /could not load credentials/i.test(messageOf(err));
}
function isAccessDenied(err) {
    return ACCESS_DENIED_NAMES.has(nameOf(err)) || shape(err).$metadata?.httpStatusCode === 403;
}
function isNotFound(err) {
    return NOT_FOUND.test(nameOf(err));
}
/** An error from an AWS call (service, credentials or network), as opposed to a bug. */
function isAwsError(err) {
    const e = shape(err);
    return e.$metadata !== undefined || e.$fault !== undefined || isCredentialsError(err) || isConnectionError(err);
}
/** The IAM action and resource named by an access-denied message ("… not authorized to perform: X on resource: Y"). */
function deniedPermission(message) {
    const m = /not authorized to perform:?\s+([\w-]+:[\w*-]+)(?:\s+on resource:?\s+(\S+))?/i.exec(message);
    if (!m?.[1])
        return undefined;
    const resource = m[2]?.replace(/[.,;)]+$/, '');
    return { action: m[1], resource };
}
/** One line saying what went wrong and what to do, for any AWS SDK error. */
function describeAwsError(err) {
    const name = nameOf(err);
    const message = messageOf(err);
    const detail = name && message ? `${name}: ${message}` : name || message;
    if (isCredentialsError(err))
        return NO_CREDENTIALS;
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
    if (isNotFound(err))
        return `not found (${detail})`;
    if (isThrottling(err)) {
        const attempts = shape(err).$metadata?.attempts;
        return `AWS throttled the request (${detail})${attempts ? ` after ${attempts} attempts` : ''}; try again later`;
    }
    if (isConnectionError(err))
        return `cannot reach AWS (${detail}); check the network, proxy and AWS_ENDPOINT_URL`;
    const status = shape(err).$metadata?.httpStatusCode;
    return status ? `${detail} (HTTP ${status})` : detail;
}
/**
 * A UserError `<prefix>: <reason>` for an AWS error (the original kept as `cause`); any other error unchanged, so a
 * bug keeps its stack.
 */
function toUserError(err, prefix) {
    if (err instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
        return err;
    if (!isAwsError(err))
        return err instanceof Error ? err : new Error(String(err));
    const reason = describeAwsError(err);
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(prefix ? `${prefix}: ${reason}` : reason, { cause: err });
}


/***/ })

};
