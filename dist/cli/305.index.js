export const id = 305;
export const ids = [305];
export const modules = {

/***/ 4305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TM: () => (/* binding */ getRepository),
/* harmony export */   createCodeCommitClient: () => (/* binding */ createCodeCommitClient),
/* harmony export */   nE: () => (/* binding */ missingRepository),
/* harmony export */   resolveCredentials: () => (/* binding */ resolveCredentials),
/* harmony export */   z0: () => (/* binding */ ensureRepository)
/* harmony export */ });
/* unused harmony export createRepository */
/* harmony import */ var _aws_sdk_client_codecommit__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5529);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1156);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6979);
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


/***/ })

};
