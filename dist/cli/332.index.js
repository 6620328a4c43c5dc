export const id = 332;
export const ids = [332];
export const modules = {

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
