export const id = 421;
export const ids = [421,332,849];
export const modules = {

/***/ 1849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   SecretError: () => (/* binding */ SecretError),
/* harmony export */   createSecretsManagerClient: () => (/* binding */ createSecretsManagerClient),
/* harmony export */   fetchSecretString: () => (/* binding */ fetchSecretString),
/* harmony export */   getSecretValue: () => (/* binding */ getSecretValue),
/* harmony export */   jsonKeyValue: () => (/* binding */ jsonKeyValue),
/* harmony export */   secretVersionKey: () => (/* binding */ secretVersionKey)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2994);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6979);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/**
 * Secrets Manager: reading a secret the way a buildspec's `secrets-manager` reference names it
 * (`secret-id:json-key:version-stage:version-id`).
 */




function createSecretsManagerClient(opts = {}) {
    return new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_3__/* .SecretsManagerClient */ ._H((0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .clientConfig */ .yO)({ service: 'Secrets Manager', ...opts }));
}
/** A secret that could not be read or used. The message never contains the secret's value. */
class SecretError extends _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo {
    secretId;
    reason;
    constructor(secretId, reason, options = {}) {
        super(`cannot read secret "${secretId}": ${reason}`, options);
        this.secretId = secretId;
        this.reason = reason;
    }
}
/** A key that tells two references to the same secret version apart from others (for fetching each once). */
function secretVersionKey(ref) {
    return JSON.stringify([ref.secretId, ref.versionStage ?? '', ref.versionId ?? '']);
}
/** The secret's text (SecretString). A binary secret is a SecretError. */
async function fetchSecretString(client, ref) {
    let output;
    try {
        output = await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_3__/* .GetSecretValueCommand */ .d2({
            SecretId: ref.secretId,
            ...(ref.versionStage ? { VersionStage: ref.versionStage } : {}),
            ...(ref.versionId ? { VersionId: ref.versionId } : {}),
        }));
    }
    catch (error) {
        if (!(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsError */ .m_)(error))
            throw error;
        throw new SecretError(ref.secretId, (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(error), { cause: error });
    }
    if (output.SecretString === undefined) {
        const what = output.SecretBinary === undefined ? 'has no value' : 'is binary (SecretBinary)';
        throw new SecretError(ref.secretId, `the secret ${what}; only text secrets (SecretString) can be used`);
    }
    return output.SecretString;
}
/**
 * The value of `jsonKey` in a secret holding a JSON object: strings as they are, other values as their JSON text
 * (`5`, `true`, `{"a":1}`).
 */
function jsonKeyValue(secretString, jsonKey, secretId) {
    let parsed;
    try {
        parsed = JSON.parse(secretString);
    }
    catch {
        // JSON.parse's message quotes the text: never show it.
        parsed = undefined;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new SecretError(secretId, `json-key "${jsonKey}" needs a secret holding a JSON object, and this one does not`);
    }
    if (!Object.hasOwn(parsed, jsonKey)) {
        throw new SecretError(secretId, `the secret has no JSON key "${jsonKey}"`);
    }
    const value = parsed[jsonKey];
    return typeof value === 'string' ? value : JSON.stringify(value);
}
/** The value a `secrets-manager` reference names: the whole secret, or one JSON key of it. */
async function getSecretValue(client, ref) {
    const secret = await fetchSecretString(client, ref);
    return ref.jsonKey ? jsonKeyValue(secret, ref.jsonKey, ref.secretId) : secret;
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


/***/ }),

/***/ 8421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveAwsVariables: () => (/* binding */ resolveAwsVariables)
/* harmony export */ });
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9378);
/* harmony import */ var _aws_ssm_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8332);
/* harmony import */ var _aws_secretsmanager_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1849);




/** Failures already phrased per variable. */
class Problems extends Error {
    lines;
    constructor(lines, options = {}) {
        super(lines.join('\n'), options);
        this.lines = lines;
    }
}
const PARAMETER = 'env.parameter-store';
const SECRET = 'env.secrets-manager';
async function resolveAwsVariables(env, skip, deps) {
    const parameters = env.parameterStore.filter((v) => !skip.has(v.name));
    const secrets = env.secretsManager.filter((v) => !skip.has(v.name));
    const [fromParameters, fromSecrets] = await Promise.allSettled([
        resolveParameters(parameters, deps),
        resolveSecrets(secrets, deps),
    ]);
    const problems = [fromParameters, fromSecrets].flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    const bug = problems.find((p) => !(p instanceof Problems));
    if (bug !== undefined)
        throw bug;
    const lines = problems.flatMap((p) => p.lines);
    if (lines.length > 0)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(lines.join('\n'), { cause: problems[0].cause });
    const values = new Map();
    for (const r of [fromParameters, fromSecrets]) {
        if (r.status === 'fulfilled')
            for (const [name, value] of r.value)
                values.set(name, value);
    }
    const masked = [...new Set([...values.values()].filter((v) => v !== ''))];
    return { values, secrets: masked };
}
async function resolveParameters(variables, deps) {
    if (variables.length === 0)
        return [];
    let found;
    try {
        found = await (0,_aws_ssm_js__WEBPACK_IMPORTED_MODULE_2__.getParameters)(deps.ssm(), variables.map((v) => v.value));
    }
    catch (error) {
        throw new Problems(parameterProblems(error, variables), { cause: error });
    }
    return variables.map((v) => [v.name, found.get(v.value) ?? '']);
}
function parameterProblems(error, variables) {
    const users = (parameter) => variables.filter((v) => v.value === parameter).map((v) => `${PARAMETER}.${v.name}`);
    if (!(error instanceof _aws_ssm_js__WEBPACK_IMPORTED_MODULE_2__.ParameterError)) {
        const all = [...new Set(variables.map((v) => v.value))];
        return [`${all.flatMap(users).join(', ')}: cannot read ${plural(all, 'parameter')}: ${reasonOf(error)}`];
    }
    if (error.kind === 'missing' || error.parameters.length === 1) {
        return error.parameters.flatMap((p) => users(p).map((u) => `${u}: cannot read parameter "${p}": ${error.reason}`));
    }
    return [`${error.parameters.flatMap(users).join(', ')}: ${error.message}`];
}
async function resolveSecrets(variables, deps) {
    if (variables.length === 0)
        return [];
    let client;
    try {
        client = deps.secrets();
    }
    catch (error) {
        const ids = [...new Set(variables.map((v) => v.reference.secretId))];
        const names = variables.map((v) => `${SECRET}.${v.name}`).join(', ');
        throw new Problems([`${names}: cannot read ${plural(ids, 'secret')}: ${reasonOf(error)}`], { cause: error });
    }
    // Start every distinct fetch at once, then read the results in file order.
    const fetches = new Map();
    for (const v of variables) {
        const key = (0,_aws_secretsmanager_js__WEBPACK_IMPORTED_MODULE_3__.secretVersionKey)(v.reference);
        if (!fetches.has(key))
            fetches.set(key, settle((0,_aws_secretsmanager_js__WEBPACK_IMPORTED_MODULE_3__.fetchSecretString)(client, v.reference)));
    }
    const out = [];
    const lines = [];
    let cause;
    const reported = new Set();
    for (const v of variables) {
        const key = (0,_aws_secretsmanager_js__WEBPACK_IMPORTED_MODULE_3__.secretVersionKey)(v.reference);
        const result = await fetches.get(key);
        if (!result.ok) {
            if (reported.has(key))
                continue;
            reported.add(key);
            const users = variables.filter((u) => (0,_aws_secretsmanager_js__WEBPACK_IMPORTED_MODULE_3__.secretVersionKey)(u.reference) === key).map((u) => `${SECRET}.${u.name}`);
            lines.push(`${users.join(', ')}: ${reasonOf(result.reason)}`);
            cause ??= result.reason;
            continue;
        }
        const ref = v.reference;
        try {
            out.push([v.name, ref.jsonKey ? (0,_aws_secretsmanager_js__WEBPACK_IMPORTED_MODULE_3__.jsonKeyValue)(result.value, ref.jsonKey, ref.secretId) : result.value]);
        }
        catch (error) {
            lines.push(`${SECRET}.${v.name}: ${reasonOf(error)}`);
            cause ??= error;
        }
    }
    if (lines.length > 0)
        throw new Problems(lines, { cause });
    return out;
}
function settle(p) {
    return p.then((value) => ({ ok: true, value }), (reason) => ({ ok: false, reason }));
}
/** A user error's message; an AWS error's reason; anything else is a bug and is thrown. */
function reasonOf(error) {
    if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
        return error.message;
    const user = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .toUserError */ .dZ)(error);
    if (user instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
        return user.message;
    throw user;
}
function plural(items, word) {
    return `${word}${items.length === 1 ? '' : 's'} ${items.map((i) => `"${i}"`).join(', ')}`;
}


/***/ })

};
