export const id = 332;
export const ids = [332];
export const modules = {

/***/ 6979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   yO: () => (/* binding */ clientConfig)
/* harmony export */ });
/* unused harmony exports AWS_CICD_VERSION, USER_AGENT, DEFAULT_MAX_ATTEMPTS, resolveRegion, endpointFromEnv */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2495);


/** The project's version; keep in step with package.json and src/cli/main.ts (a test checks all three). */
const AWS_CICD_VERSION = '0.1.0';
const USER_AGENT = [['aws-cicd', AWS_CICD_VERSION]];
const DEFAULT_MAX_ATTEMPTS = 5;
function clientConfig(opts = {}) {
    const env = opts.env ?? process.env;
    const maxAttempts = opts.maxAttempts ?? attemptsFromEnv(env) ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`the maximum number of AWS attempts must be a whole number ≥ 1, not ${maxAttempts}`);
    }
    const endpoint = endpointFromEnv(env, opts.service);
    return {
        region: resolveRegion(opts.region, env),
        ...(endpoint ? { endpoint } : {}),
        maxAttempts,
        retryStrategy: new _retry_js__WEBPACK_IMPORTED_MODULE_1__/* .BackoffRetryStrategy */ .om({ maxAttempts, sleep: opts.sleep, random: opts.random }),
        customUserAgent: USER_AGENT,
        ...(opts.credentials ? { credentials: opts.credentials } : {}),
    };
}
/** The explicit region, else AWS_REGION, else AWS_DEFAULT_REGION. */
function resolveRegion(explicit, env = process.env) {
    const region = [explicit, env.AWS_REGION, env.AWS_DEFAULT_REGION].map((r) => r?.trim()).find((r) => r);
    if (region)
        return region;
    throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo('no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION), e.g. with aws-actions/configure-aws-credentials, ' +
        'or give the region explicitly');
}
function attemptsFromEnv(env) {
    const text = env.AWS_MAX_ATTEMPTS?.trim();
    if (!text)
        return undefined;
    if (!/^\d+$/.test(text) || Number(text) < 1) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(`AWS_MAX_ATTEMPTS must be a whole number ≥ 1, not "${text}"`);
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
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6979);
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
