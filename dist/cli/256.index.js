export const id = 256;
export const ids = [256];
export const modules = {

/***/ 2894:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P8: () => (/* binding */ createCodeBuildClient),
/* harmony export */   x7: () => (/* binding */ codeBuildProjectApi),
/* harmony export */   yY: () => (/* binding */ codeBuildApi)
/* harmony export */ });
/* unused harmony export codeBuildError */
/* harmony import */ var _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4774);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6979);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/**
 * CodeBuild: the client factory and thin typed calls for starting, reading and stopping builds and batch builds.
 *
 * Failures a user must act on (missing project, missing permission, account quota, invalid input) become
 * UserErrors naming the IAM action; throttling and network failures that outlived the SDK's retries are rethrown
 * as they are, so a caller that polls can simply try again later.
 */




function createCodeBuildClient(opts = {}) {
    return new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__/* .CodeBuildClient */ .bex((0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .clientConfig */ .yO)({ service: 'CodeBuild', ...opts }));
}
function codeBuildApi(client) {
    const call = async (action, subject, send) => {
        try {
            return await send();
        }
        catch (error) {
            throw codeBuildError(error, action, subject);
        }
    };
    return {
        startBuild: (input) => call('StartBuild', input.projectName ?? '', async () => {
            const { build } = await client.send(new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__/* .StartBuildCommand */ .uZH(input));
            if (!build?.id)
                throw new Error('StartBuild answered without a build');
            return build;
        }),
        startBuildBatch: (input) => call('StartBuildBatch', input.projectName ?? '', async () => {
            const { buildBatch } = await client.send(new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__/* .StartBuildBatchCommand */ .OWL(input));
            if (!buildBatch?.id)
                throw new Error('StartBuildBatch answered without a build batch');
            return buildBatch;
        }),
        getBuilds: (ids, signal) => call('BatchGetBuilds', ids.join(', '), async () => {
            const out = await client.send(new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__/* .BatchGetBuildsCommand */ .zZb({ ids: [...ids] }), { abortSignal: signal });
            return out.builds ?? [];
        }),
        getBuildBatch: (id, signal) => call('BatchGetBuildBatches', id, async () => {
            const out = await client.send(new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__/* .BatchGetBuildBatchesCommand */ .Y4d({ ids: [id] }), { abortSignal: signal });
            return out.buildBatches?.[0];
        }),
        stopBuild: (id, signal) => call('StopBuild', id, async () => (await client.send(new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__/* .StopBuildCommand */ .aWR({ id }), { abortSignal: signal })).build),
        stopBuildBatch: (id, signal) => call('StopBuildBatch', id, async () => (await client.send(new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__/* .StopBuildBatchCommand */ .OLp({ id }), { abortSignal: signal })).buildBatch),
    };
}
function codeBuildProjectApi(client) {
    return {
        async getProject(nameOrArn) {
            try {
                const out = await client.send(new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__/* .BatchGetProjectsCommand */ .em4({ names: [nameOrArn] }));
                return out.projects?.[0];
            }
            catch (error) {
                throw codeBuildError(error, 'BatchGetProjects', nameOrArn);
            }
        },
        async updateProject(input) {
            try {
                const { project } = await client.send(new _aws_sdk_client_codebuild__WEBPACK_IMPORTED_MODULE_3__/* .UpdateProjectCommand */ .qZt(input));
                if (!project)
                    throw new Error('UpdateProject answered without a project');
                return project;
            }
            catch (error) {
                throw codeBuildError(error, 'UpdateProject', input.name ?? '');
            }
        },
    };
}
const QUOTA_HELP = 'ask for more in Service Quotas (AWS CodeBuild → "Concurrently running builds for <environment type>/<compute type>")';
/**
 * The error to throw for a failed CodeBuild call: a UserError that says what to do for the failures a user can fix,
 * the original error for transient failures and bugs.
 */
function codeBuildError(error, action, subject) {
    // Throttling and lost connections that outlived the SDK's retries are for the caller to retry later.
    if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo || !(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsError */ .m_)(error) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isThrottling */ .E2)(error) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isConnectionError */ .Rk)(error)) {
        return error instanceof Error ? error : new Error(String(error));
    }
    const name = error.name;
    const message = String(error.message ?? '');
    const detail = `${String(name)}: ${message}`;
    const fail = (text) => new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(text, { cause: error });
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAccessDenied */ .w7)(error)) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(error);
        const named = reason.startsWith('missing IAM permission') ? reason : `missing IAM permission codebuild:${action}`;
        return fail(`${action} ${subject}: ${named} (${detail})`);
    }
    if (name === 'ResourceNotFoundException') {
        if (action === 'StartBuild' || action === 'StartBuildBatch') {
            return fail(`CodeBuild project "${subject}" not found (${message}); check project-name and the AWS region`);
        }
        return fail(`${action}: ${subject} not found (${message})`);
    }
    if (name === 'AccountLimitExceededException') {
        if (/more than 0 /.test(message) || /\b0 (active )?builds/.test(message)) {
            return fail(`${action} ${subject}: the account's concurrent build quota is 0 (new AWS accounts often start there), so ` +
                `CodeBuild cannot run any build: ${QUOTA_HELP} (${detail})`);
        }
        return fail(`${action} ${subject}: the concurrent build limit of the account or project is reached; wait for running ` +
            `builds to finish, raise the project's concurrent build limit, or ${QUOTA_HELP} (${detail})`);
    }
    if (name === 'InvalidInputException')
        return fail(`${action} ${subject}: CodeBuild refused the request (${detail})`);
    return fail(`${action} ${subject}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(error)}`);
}


/***/ }),

/***/ 6256:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createImageClients: () => (/* binding */ createImageClients)
});

// EXTERNAL MODULE: ./src/aws/codebuild.ts
var codebuild = __webpack_require__(2894);
// EXTERNAL MODULE: ./src/aws/config.ts
var config = __webpack_require__(6979);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecr/dist-cjs/index.js
var dist_cjs = __webpack_require__(8249);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/ecr.ts
/**
 * Amazon ECR control plane: the client factory and thin typed calls for registry logins (GetAuthorizationToken),
 * repositories, their lifecycle policies and repository policies.
 *
 * Failures a user must act on (a missing permission, a repository that does not exist, a policy ECR refuses) become
 * UserErrors naming the call and the repository; throttling and network failures that outlived the SDK's retries and
 * bugs are rethrown as they are.
 */




function createEcrClient(opts = {}) {
    return new dist_cjs/* ECRClient */.S70((0,config/* clientConfig */.yO)({ service: 'ECR', ...opts }));
}
function ecrApi(client) {
    const call = async (action, subject, send) => {
        try {
            return await send();
        }
        catch (error) {
            throw ecrError(error, action, subject);
        }
    };
    const registry = (registryId) => (registryId === undefined ? {} : { registryId });
    return {
        getLogin: (registryId) => call('GetAuthorizationToken', registryId === undefined ? 'the registry' : `registry ${registryId}`, async () => {
            const out = await client.send(new dist_cjs/* GetAuthorizationTokenCommand */.Eu6(registryId === undefined ? {} : { registryIds: [registryId] }));
            const data = out.authorizationData?.[0];
            if (!data?.authorizationToken || !data.proxyEndpoint) {
                throw new Error('GetAuthorizationToken answered without authorization data');
            }
            return {
                ...decodeAuthorizationToken(data.authorizationToken),
                proxyEndpoint: data.proxyEndpoint,
                expiresAt: data.expiresAt,
            };
        }),
        describeRepository: (name, registryId) => call('DescribeRepositories', name, async () => {
            try {
                const out = await client.send(new dist_cjs/* DescribeRepositoriesCommand */.pE_({ repositoryNames: [name], ...registry(registryId) }));
                return out.repositories?.[0];
            }
            catch (error) {
                if (error.name === 'RepositoryNotFoundException')
                    return undefined;
                throw error;
            }
        }),
        createRepository: (settings) => call('CreateRepository', settings.repositoryName, async () => {
            const out = await client.send(new dist_cjs/* CreateRepositoryCommand */.WTe({
                repositoryName: settings.repositoryName,
                ...registry(settings.registryId),
                imageTagMutability: settings.imageTagMutability,
                imageScanningConfiguration: { scanOnPush: settings.scanOnPush },
                encryptionConfiguration: {
                    encryptionType: settings.encryptionType,
                    ...(settings.kmsKey !== undefined ? { kmsKey: settings.kmsKey } : {}),
                },
            }));
            if (!out.repository?.repositoryUri)
                throw new Error('CreateRepository answered without a repository');
            return out.repository;
        }),
        putLifecyclePolicy: (name, policyText, registryId) => call('PutLifecyclePolicy', name, async () => {
            await client.send(new dist_cjs/* PutLifecyclePolicyCommand */.Rcn({
                repositoryName: name,
                lifecyclePolicyText: policyText,
                ...registry(registryId),
            }));
        }),
        getRepositoryPolicy: (name, registryId) => call('GetRepositoryPolicy', name, async () => {
            try {
                const out = await client.send(new dist_cjs/* GetRepositoryPolicyCommand */.MeN({ repositoryName: name, ...registry(registryId) }));
                return out.policyText;
            }
            catch (error) {
                if (error.name === 'RepositoryPolicyNotFoundException')
                    return undefined;
                throw error;
            }
        }),
        setRepositoryPolicy: (name, policyText, registryId) => call('SetRepositoryPolicy', name, async () => {
            await client.send(new dist_cjs/* SetRepositoryPolicyCommand */.IOA({ repositoryName: name, policyText, ...registry(registryId) }));
        }),
    };
}
/** `base64("AWS:<password>")` → user and password (the password may itself hold colons). */
function decodeAuthorizationToken(token) {
    const text = Buffer.from(token, 'base64').toString('utf8');
    const colon = text.indexOf(':');
    if (colon <= 0 || colon === text.length - 1)
        throw new Error('the ECR authorization token is not "user:password"');
    return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}
/**
 * The error to throw for a failed ECR call: a UserError that says what to do for failures a user can fix, the
 * original error for transient failures and bugs.
 */
function ecrError(error, action, subject) {
    if (error instanceof errors/* UserError */.yo || !(0,aws_errors/* isAwsError */.m_)(error) || (0,aws_errors/* isThrottling */.E2)(error) || (0,aws_errors/* isConnectionError */.Rk)(error)) {
        return error instanceof Error ? error : new Error(String(error));
    }
    const name = String(error.name ?? '');
    const message = String(error.message ?? '');
    const fail = (text) => new errors/* UserError */.yo(text, { cause: error });
    if ((0,aws_errors/* isAccessDenied */.w7)(error)) {
        const reason = (0,aws_errors/* describeAwsError */.Pp)(error);
        const named = reason.startsWith('missing IAM permission') ? reason : `missing IAM permission ecr:${action}`;
        return fail(`${action} ${subject}: ${named} (${name}: ${message})`);
    }
    if (name === 'RepositoryNotFoundException') {
        return fail(`ECR repository ${subject} not found (${message}); check repository, registry-id and the region`);
    }
    if (name === 'KmsException')
        return fail(`${action} ${subject}: the KMS key cannot be used (${message})`);
    return fail(`${action} ${subject}: ${(0,aws_errors/* describeAwsError */.Pp)(error)}`);
}

;// CONCATENATED MODULE: ./src/image/clients.ts



function createImageClients(opts = {}) {
    const env = opts.env ?? process.env;
    const credentials = opts.credentials ?? (0,config/* credentialsFromEnv */.kv)(env);
    const options = { ...opts, ...(credentials !== undefined ? { credentials } : {}) };
    const ecrClient = createEcrClient(options);
    const codebuildClients = new Map();
    return {
        ecr: ecrApi(ecrClient),
        codebuild(region) {
            const key = region ?? '';
            let client = codebuildClients.get(key);
            if (client === undefined) {
                client = (0,codebuild/* createCodeBuildClient */.P8)({ ...options, ...(region !== undefined ? { region } : {}) });
                codebuildClients.set(key, client);
            }
            return (0,codebuild/* codeBuildProjectApi */.x7)(client);
        },
        dispose() {
            ecrClient.destroy();
            for (const client of codebuildClients.values())
                client.destroy();
        },
    };
}


/***/ })

};
