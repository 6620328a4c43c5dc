export const id = 849;
export const ids = [849];
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


/***/ })

};
