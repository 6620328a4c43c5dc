export const id = 332;
export const ids = [332];
export const modules = {

/***/ 7326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yO: () => (/* binding */ clientConfig)
});

// UNUSED EXPORTS: AWS_CICD_VERSION, DEFAULT_MAX_ATTEMPTS, FOLLOW_MAX_ATTEMPTS, USER_AGENT, credentialsFromEnv, endpointFromEnv, followClientOptions, resolveRegion

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
/* harmony export */   Pp: () => (/* binding */ describeAwsError),
/* harmony export */   Rk: () => (/* binding */ isConnectionError),
/* harmony export */   dZ: () => (/* binding */ toUserError),
/* harmony export */   m_: () => (/* binding */ isAwsError),
/* harmony export */   z7: () => (/* binding */ deniedPermission)
/* harmony export */ });
/* unused harmony exports NO_CREDENTIALS, isCredentialsError, isAccessDenied, isNotFound */
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


/***/ }),

/***/ 8332:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GET_PARAMETERS_BATCH: () => (/* binding */ GET_PARAMETERS_BATCH),
/* harmony export */   ParameterError: () => (/* binding */ ParameterError),
/* harmony export */   createSsmClient: () => (/* binding */ createSsmClient),
/* harmony export */   getParameters: () => (/* binding */ getParameters)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4736);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7326);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/** Parameter Store: reading many parameters with ssm:GetParameters, decrypted, ten per call. */




/** The most names one GetParameters call accepts. */
const GET_PARAMETERS_BATCH = 10;
function createSsmClient(opts = {}) {
    return new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_3__/* .SSMClient */ .jBj((0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .clientConfig */ .yO)({ service: 'SSM', ...opts }));
}
/**
 * Parameters that could not be read. `missing`: they do not exist (GetParameters listed them as
 * InvalidParameters); `failed`: the call itself failed (credentials, permissions, network...).
 */
class ParameterError extends _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    kind;
    parameters;
    reason;
    constructor(kind, parameters, reason, options = {}) {
        super(`cannot read ${listOf(parameters)}: ${reason}`, options);
        this.kind = kind;
        this.parameters = parameters;
        this.reason = reason;
    }
}
function listOf(names) {
    const quoted = names.map((n) => `"${n}"`).join(', ');
    return names.length === 1 ? `parameter ${quoted}` : `parameters ${quoted}`;
}
/**
 * The values of `names` (duplicates fetched once), with WithDecryption, in batches of ten. Every missing
 * parameter is named in one ParameterError; a failed call throws a ParameterError for its batch.
 */
async function getParameters(client, names) {
    const unique = [...new Set(names)];
    const values = new Map();
    const missing = [];
    for (let i = 0; i < unique.length; i += GET_PARAMETERS_BATCH) {
        const batch = unique.slice(i, i + GET_PARAMETERS_BATCH);
        let output;
        try {
            output = await client.send(new _aws_sdk_client_ssm__WEBPACK_IMPORTED_MODULE_3__/* .GetParametersCommand */ .AFe({ Names: batch, WithDecryption: true }));
        }
        catch (error) {
            if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsError */ .m_)(error))
                throw error;
            throw new ParameterError('failed', culprits(error, batch), (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(error), { cause: error });
        }
        const found = byRequestedName(output.Parameters ?? []);
        for (const name of batch) {
            const value = found.get(name);
            if (value === undefined)
                missing.push(name);
            else
                values.set(name, value);
        }
    }
    if (missing.length > 0) {
        const region = await regionOf(client);
        throw new ParameterError('missing', missing, `not found${region ? ` in ${region}` : ''}`);
    }
    return values;
}
/** A parameter is asked for by name, ARN, or either with a `:version`/`:label` selector. */
function byRequestedName(parameters) {
    const out = new Map();
    for (const p of parameters) {
        if (p.Value === undefined)
            continue;
        for (const id of [p.Name, p.ARN]) {
            if (id === undefined)
                continue;
            out.set(id + (p.Selector ?? ''), p.Value);
            if (!out.has(id))
                out.set(id, p.Value);
        }
    }
    return out;
}
/** The parameter an access-denied message names, when it names one of the batch; else the whole batch. */
function culprits(error, batch) {
    const resource = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .deniedPermission */ .z7)(String(error.message ?? ''))?.resource;
    const match = resource?.match(/:parameter(\/.*)$/)?.[1];
    if (match === undefined)
        return batch;
    const hit = batch.filter((n) => n === match || `/${n}` === match || n === resource);
    return hit.length > 0 ? hit : batch;
}
async function regionOf(client) {
    try {
        return await client.config.region();
    }
    catch {
        return undefined;
    }
}


/***/ })

};
