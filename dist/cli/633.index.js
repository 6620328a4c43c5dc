export const id = 633;
export const ids = [633];
export const modules = {

/***/ 3307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   uk: () => (/* binding */ createCodeDeployClient),
/* harmony export */   zL: () => (/* binding */ codeDeployApi)
/* harmony export */ });
/* unused harmony exports STATE_ANSWERS, codeDeployError */
/* harmony import */ var _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7507);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6979);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9378);
/**
 * CodeDeploy: the client factory and thin typed calls for creating, reading and stopping deployments and reading
 * their targets (the newer ListDeploymentTargets / BatchGetDeploymentTargets, and the deprecated
 * ListDeploymentInstances / BatchGetDeploymentInstances for callers that fall back to them).
 *
 * Failures a user must act on (missing application or group, missing permission, refused revision) become
 * UserErrors naming the IAM action; throttling and network failures that outlived the SDK's retries are rethrown as
 * they are. A few answers that describe the deployment's state rather than a mistake (not started yet, already
 * completed) are passed through untouched so the follow code can read them.
 */




function createCodeDeployClient(opts = {}) {
    return new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .CodeDeployClient */ .cHd((0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .clientConfig */ .yO)({ service: 'CodeDeploy', ...opts }));
}
const MAX_LIST_PAGES = 200;
/** Answers about the deployment's state that the follow and stop code read themselves. */
const STATE_ANSWERS = new Set([
    'DeploymentNotStartedException',
    'DeploymentAlreadyCompletedException',
    'InvalidComputePlatformException',
]);
function codeDeployApi(client) {
    const call = async (action, subject, send) => {
        try {
            return await send();
        }
        catch (error) {
            if (STATE_ANSWERS.has(errorName(error)))
                throw error;
            throw codeDeployError(error, action, subject);
        }
    };
    const listAll = async (read) => {
        const ids = [];
        let nextToken;
        for (let page = 0; page < MAX_LIST_PAGES; page++) {
            const out = await read(nextToken);
            ids.push(...(out.ids ?? []));
            nextToken = out.nextToken || undefined;
            if (nextToken === undefined)
                break;
        }
        return ids;
    };
    return {
        createDeployment: (input) => call('CreateDeployment', `${input.applicationName ?? ''}/${input.deploymentGroupName ?? ''}`, async () => {
            const out = await client.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .CreateDeploymentCommand */ .ttP(input));
            if (!out.deploymentId)
                throw new Error('CreateDeployment answered without a deployment id');
            return out.deploymentId;
        }),
        getDeployment: (id, signal) => call('GetDeployment', id, async () => {
            const out = await client.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .GetDeploymentCommand */ .Tvn({ deploymentId: id }), { abortSignal: signal });
            if (out.deploymentInfo === undefined)
                throw new Error('GetDeployment answered without a deployment');
            return out.deploymentInfo;
        }),
        listDeploymentTargets: (id, signal) => call('ListDeploymentTargets', id, () => listAll(async (nextToken) => {
            const out = await client.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .ListDeploymentTargetsCommand */ .$9V({ deploymentId: id, ...(nextToken ? { nextToken } : {}) }), { abortSignal: signal });
            return { ids: out.targetIds, nextToken: out.nextToken };
        })),
        batchGetDeploymentTargets: (id, targetIds, signal) => call('BatchGetDeploymentTargets', id, async () => {
            const out = await client.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .BatchGetDeploymentTargetsCommand */ .Bsg({ deploymentId: id, targetIds: [...targetIds] }), { abortSignal: signal });
            return out.deploymentTargets ?? [];
        }),
        listDeploymentInstances: (id, signal) => call('ListDeploymentInstances', id, () => listAll(async (nextToken) => {
            const out = await client.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .ListDeploymentInstancesCommand */ .BLQ({ deploymentId: id, ...(nextToken ? { nextToken } : {}) }), { abortSignal: signal });
            return { ids: out.instancesList, nextToken: out.nextToken };
        })),
        batchGetDeploymentInstances: (id, instanceIds, signal) => call('BatchGetDeploymentInstances', id, async () => {
            const out = await client.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .BatchGetDeploymentInstancesCommand */ .dp0({ deploymentId: id, instanceIds: [...instanceIds] }), { abortSignal: signal });
            return out.instancesSummary ?? [];
        }),
        stopDeployment: (id, autoRollbackEnabled, signal) => call('StopDeployment', id, async () => {
            const out = await client.send(new _aws_sdk_client_codedeploy__WEBPACK_IMPORTED_MODULE_3__/* .StopDeploymentCommand */ .NzN({ deploymentId: id, autoRollbackEnabled }), {
                abortSignal: signal,
            });
            return {
                ...(out.status !== undefined ? { status: out.status } : {}),
                ...(out.statusMessage !== undefined ? { statusMessage: out.statusMessage } : {}),
            };
        }),
    };
}
function errorName(error) {
    const name = error?.name;
    return typeof name === 'string' ? name : '';
}
/**
 * The error to throw for a failed CodeDeploy call: a UserError that says what to do for the failures a user can fix,
 * the original error for transient failures and bugs.
 */
function codeDeployError(error, action, subject) {
    if (error instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo || !(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsError */ .m_)(error) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isThrottling */ .E2)(error) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isConnectionError */ .Rk)(error)) {
        return error instanceof Error ? error : new Error(String(error));
    }
    const name = errorName(error);
    const message = String(error.message ?? '');
    const detail = `${name}: ${message}`;
    const fail = (text) => new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(text, { cause: error });
    if ((0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAccessDenied */ .w7)(error)) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(error);
        const named = reason.startsWith('missing IAM permission') ? reason : `missing IAM permission codedeploy:${action}`;
        return fail(`${action} ${subject}: ${named} (${detail})`);
    }
    const [application, group] = subject.split('/');
    switch (name) {
        case 'ApplicationDoesNotExistException':
            return fail(`CodeDeploy application "${application ?? ''}" not found (${message}); check the name and the AWS region`);
        case 'DeploymentGroupDoesNotExistException':
            return fail(`CodeDeploy deployment group "${group ?? ''}" of application "${application ?? ''}" not found (${message})`);
        case 'DeploymentConfigDoesNotExistException':
            return fail(`${action} ${subject}: the deployment configuration does not exist (${message})`);
        case 'DeploymentDoesNotExistException':
            return fail(`CodeDeploy deployment ${subject} not found (${message}); check the id and the AWS region`);
        case 'RevisionDoesNotExistException':
        case 'InvalidRevisionException':
        case 'RevisionRequiredException':
            return fail(`${action} ${subject}: CodeDeploy cannot use the revision (${detail})`);
        case 'DeploymentLimitExceededException':
            return fail(`${action} ${subject}: the deployment group already has a deployment in progress, or the account's ` +
                `deployment quota is reached (${message})`);
        case 'InvalidRoleException':
            return fail(`${action} ${subject}: the deployment group's service role cannot be used (${message})`);
        default:
            return fail(`${action} ${subject}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeAwsError */ .Pp)(error)}`);
    }
}


/***/ }),

/***/ 7633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createDeployClients: () => (/* binding */ createDeployClients)
});

// EXTERNAL MODULE: ./src/aws/codedeploy.ts
var aws_codedeploy = __webpack_require__(3307);
// EXTERNAL MODULE: ./src/aws/config.ts
var aws_config = __webpack_require__(6979);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/s3.ts
/**
 * S3, upload only: put a file (a CodeDeploy revision bundle) into a bucket and answer the ETag and version id that
 * CodeDeploy's revision location can pin.
 *
 * The body is sent from memory with a Content-MD5, so S3 checks the bytes it stored, and without the SDK's optional
 * trailing checksums (requestChecksumCalculation WHEN_REQUIRED), which some S3-compatible endpoints refuse. With a
 * configured endpoint (AWS_ENDPOINT_URL…, an emulator, MinIO) buckets are addressed by path, since such endpoints do
 * not serve `<bucket>.<host>` names.
 */






function createS3Client(opts = {}) {
    const config = (0,aws_config/* clientConfig */.yO)({ service: 'S3', ...opts });
    return new dist_cjs/* S3Client */.YxF({
        ...config,
        forcePathStyle: config.endpoint !== undefined,
        requestChecksumCalculation: 'WHEN_REQUIRED',
    });
}
/** Bundles larger than this are refused rather than read into memory. */
const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;
function s3Api(client) {
    return { uploadFile: (request) => uploadFile(client, request) };
}
async function uploadFile(client, request) {
    const { bucket, key } = request;
    const size = (await (0,promises_.stat)(request.file)).size;
    if (size > MAX_UPLOAD_BYTES) {
        throw new errors/* UserError */.yo(`${request.file} is ${(size / 1024 ** 3).toFixed(1)} GiB; uploads are limited to ` +
            `${MAX_UPLOAD_BYTES / 1024 ** 3} GiB here (upload it yourself and deploy it by its S3 location)`);
    }
    const body = await (0,promises_.readFile)(request.file);
    const md5 = (0,external_node_crypto_.createHash)('md5').update(body).digest('base64');
    try {
        const out = await client.send(new dist_cjs/* PutObjectCommand */.wKZ({
            Bucket: bucket,
            Key: key,
            Body: body,
            ContentLength: body.length,
            ContentMD5: md5,
            ContentType: request.contentType ?? 'application/zip',
        }));
        return {
            ...(out.ETag ? { eTag: out.ETag.replace(/^"|"$/g, '') } : {}),
            ...(out.VersionId ? { versionId: out.VersionId } : {}),
            bytes: body.length,
        };
    }
    catch (error) {
        throw s3Error(error, bucket, key);
    }
}
function s3Error(error, bucket, key) {
    if (error instanceof errors/* UserError */.yo || !(0,aws_errors/* isAwsError */.m_)(error))
        return error instanceof Error ? error : new Error(String(error));
    const name = error.name;
    const message = String(error.message ?? '');
    const where = `s3://${bucket}/${key}`;
    const fail = (text) => new errors/* UserError */.yo(text, { cause: error });
    if ((0,aws_errors/* isAccessDenied */.w7)(error)) {
        const reason = (0,aws_errors/* describeAwsError */.Pp)(error);
        const named = reason.startsWith('missing IAM permission')
            ? reason
            : `missing IAM permission s3:PutObject on arn:aws:s3:::${bucket}/${key}`;
        return fail(`uploading ${where}: ${named} (${String(name)}: ${message})`);
    }
    if (name === 'NoSuchBucket') {
        return fail(`uploading ${where}: the bucket "${bucket}" does not exist (check the bucket name and the AWS region)`);
    }
    if (name === 'PermanentRedirect' ||
        name === 'AuthorizationHeaderMalformed' ||
        name === 'IllegalLocationConstraintException') {
        return fail(`uploading ${where}: the bucket "${bucket}" is in another AWS region than the one configured (${message})`);
    }
    return fail(`uploading ${where}: ${(0,aws_errors/* describeAwsError */.Pp)(error)}`);
}

;// CONCATENATED MODULE: ./src/deploy/clients.ts
/** The SDK clients a deployment is created and followed with (CodeDeploy, S3), made from one environment. */



function createDeployClients(opts = {}) {
    const options = (0,aws_config/* followClientOptions */.Vt)(opts);
    const codedeploy = (0,aws_codedeploy/* createCodeDeployClient */.uk)(options);
    const s3 = createS3Client(options);
    return {
        codedeploy: (0,aws_codedeploy/* codeDeployApi */.zL)(codedeploy),
        s3: s3Api(s3),
        dispose() {
            codedeploy.destroy();
            s3.destroy();
        },
    };
}


/***/ })

};
