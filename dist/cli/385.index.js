export const id = 385;
export const ids = [385,718];
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

/***/ 6718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createBuildClients: () => (/* binding */ createBuildClients)
});

// EXTERNAL MODULE: ./src/aws/codebuild.ts
var aws_codebuild = __webpack_require__(2894);
// EXTERNAL MODULE: ./src/aws/config.ts
var aws_config = __webpack_require__(6979);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-cloudwatch-logs/dist-cjs/index.js
var dist_cjs = __webpack_require__(2684);
// EXTERNAL MODULE: ./node_modules/@smithy/node-http-handler/dist-cjs/index.js
var node_http_handler_dist_cjs = __webpack_require__(1279);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/logs.ts
/**
 * CloudWatch Logs: client factories and the two reads a build's log needs, GetLogEvents (pages with a forward
 * token) and StartLiveTail (an event stream, here over HTTP/2).
 *
 * With a configured endpoint (AWS_ENDPOINT_URL…, an emulator or LocalStack) the SDK's host prefix for Live Tail
 * (`streaming-logs.`) is left off: it only makes sense for AWS's own host names.
 */





/** Idle time after which a Live Tail connection counts as dead (AWS sends an update every second). */
const LIVE_TAIL_IDLE_TIMEOUT_MS = 30_000;
function createLogsClient(opts = {}) {
    const config = (0,aws_config/* clientConfig */.yO)({ service: 'CloudWatch Logs', ...opts });
    return new dist_cjs/* CloudWatchLogsClient */.TFr({ ...config, disableHostPrefix: config.endpoint !== undefined });
}
/** A client for StartLiveTail: HTTP/2, so sessions share one connection and no proxy buffers the stream. */
function createLiveTailClient(opts = {}) {
    const config = (0,aws_config/* clientConfig */.yO)({ service: 'CloudWatch Logs', ...opts });
    return new dist_cjs/* CloudWatchLogsClient */.TFr({
        ...config,
        disableHostPrefix: config.endpoint !== undefined,
        requestHandler: new node_http_handler_dist_cjs.NodeHttp2Handler({ requestTimeout: LIVE_TAIL_IDLE_TIMEOUT_MS }),
    });
}
function logsApi(client, liveTailClient = client) {
    return {
        async getLogEvents(stream, from, signal) {
            try {
                const out = await client.send(new dist_cjs/* GetLogEventsCommand */.h7S({
                    logGroupName: stream.group,
                    logStreamName: stream.stream,
                    startFromHead: true,
                    ...(from.nextToken !== undefined ? { nextToken: from.nextToken } : {}),
                    ...(from.nextToken === undefined && from.startTime !== undefined ? { startTime: from.startTime } : {}),
                }), { abortSignal: signal });
                const events = (out.events ?? []).map((e) => ({
                    timestamp: e.timestamp ?? 0,
                    message: e.message ?? '',
                    ...(e.ingestionTime !== undefined ? { ingestionTime: e.ingestionTime } : {}),
                }));
                return { events, nextForwardToken: out.nextForwardToken };
            }
            catch (error) {
                throw logsError(error, 'GetLogEvents', `${stream.group} ${stream.stream}`);
            }
        },
        async startLiveTail(stream, signal) {
            if (stream.groupArn === undefined)
                throw new errors/* UserError */.yo('Live Tail needs the log group ARN');
            let response;
            try {
                response = await liveTailClient.send(new dist_cjs/* StartLiveTailCommand */.ITF({ logGroupIdentifiers: [stream.groupArn], logStreamNames: [stream.stream] }), { abortSignal: signal });
            }
            catch (error) {
                throw logsError(error, 'StartLiveTail', stream.group);
            }
            const events = response.responseStream;
            if (events === undefined)
                throw new Error('StartLiveTail answered without an event stream');
            return liveTailMessages(events);
        },
    };
}
async function* liveTailMessages(stream) {
    for await (const item of stream) {
        if (item.sessionStart)
            yield { type: 'start' };
        else if (item.sessionUpdate) {
            const events = (item.sessionUpdate.sessionResults ?? []).map((e) => ({
                timestamp: e.timestamp ?? 0,
                message: e.message ?? '',
                ...(e.ingestionTime !== undefined ? { ingestionTime: e.ingestionTime } : {}),
            }));
            yield { type: 'update', events, sampled: item.sessionUpdate.sessionMetadata?.sampled === true };
        }
        else if (item.SessionTimeoutException)
            throw Object.assign(new Error('Live Tail session timed out'), item);
        else if (item.SessionStreamingException)
            throw Object.assign(new Error('Live Tail stream failed'), item);
    }
}
/** Access denied becomes a UserError naming the action; anything else is rethrown for the caller to judge. */
function logsError(error, action, subject) {
    if (!(0,aws_errors/* isAccessDenied */.w7)(error))
        return error;
    const reason = (0,aws_errors/* describeAwsError */.Pp)(error);
    const named = reason.startsWith('missing IAM permission') ? reason : `missing IAM permission logs:${action}`;
    return new errors/* UserError */.yo(`${action} ${subject}: ${named}`, { cause: error });
}

;// CONCATENATED MODULE: ./src/codebuild/clients.ts
/** The SDK clients a build is followed with (CodeBuild, CloudWatch Logs, Live Tail), made from one environment. */



/** StartBuild is safe to retry with the follow clients' extra attempts: it carries an idempotency token. */
function createBuildClients(opts = {}) {
    const options = (0,aws_config/* followClientOptions */.Vt)(opts);
    const codebuild = (0,aws_codebuild/* createCodeBuildClient */.P8)(options);
    const logs = createLogsClient(options);
    const liveTail = createLiveTailClient(options);
    return {
        codebuild: (0,aws_codebuild/* codeBuildApi */.yY)(codebuild),
        logs: logsApi(logs, liveTail),
        dispose() {
            codebuild.destroy();
            logs.destroy();
            liveTail.destroy();
        },
    };
}


/***/ }),

/***/ 4385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createPipelineClients: () => (/* binding */ createPipelineClients)
});

// EXTERNAL MODULE: ./src/codebuild/clients.ts + 1 modules
var clients = __webpack_require__(6718);
// EXTERNAL MODULE: ./src/aws/codedeploy.ts
var aws_codedeploy = __webpack_require__(3307);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-codepipeline/dist-cjs/index.js
var dist_cjs = __webpack_require__(8232);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/aws/config.ts
var config = __webpack_require__(6979);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/codepipeline.ts
/**
 * CodePipeline: the client factory and thin typed calls for finding, starting, reading and stopping pipeline
 * executions.
 *
 * Failures a user must act on (missing pipeline, missing permission, refused input) become UserErrors naming the IAM
 * action; throttling and network failures that outlived the SDK's retries are rethrown as they are, so a caller that
 * polls can simply try again later. StopPipelineExecution's own refusals (not stoppable, already stopping) are
 * passed through untouched for the stop code to word.
 */




function createCodePipelineClient(opts = {}) {
    return new dist_cjs/* CodePipelineClient */.pEs((0,config/* clientConfig */.yO)({ service: 'CodePipeline', ...opts }));
}
/** ListActionExecutions and ListPipelineExecutions take at most 100 results a page. */
const PAGE_SIZE = 100;
/** A pipeline execution with more action executions than this is not something a page loop should chase. */
const MAX_ACTION_PAGES = 50;
function codePipelineApi(client) {
    const call = async (action, subject, send) => {
        try {
            return await send();
        }
        catch (error) {
            throw codePipelineError(error, action, subject);
        }
    };
    return {
        getPipeline: (name, version) => call('GetPipeline', name, async () => {
            const out = await client.send(new dist_cjs/* GetPipelineCommand */.YeD({ name, ...(version !== undefined ? { version } : {}) }));
            if (out.pipeline === undefined)
                throw new Error('GetPipeline answered without a pipeline');
            return out.pipeline;
        }),
        listPipelineExecutions: (name, nextToken, signal) => call('ListPipelineExecutions', name, async () => {
            const out = await client.send(new dist_cjs/* ListPipelineExecutionsCommand */.bni({
                pipelineName: name,
                maxResults: PAGE_SIZE,
                ...(nextToken !== undefined ? { nextToken } : {}),
            }), { abortSignal: signal });
            return {
                executions: out.pipelineExecutionSummaries ?? [],
                ...(out.nextToken ? { nextToken: out.nextToken } : {}),
            };
        }),
        startPipelineExecution: (input) => call('StartPipelineExecution', input.name ?? '', async () => {
            const out = await client.send(new dist_cjs/* StartPipelineExecutionCommand */.QqH(input));
            if (!out.pipelineExecutionId)
                throw new Error('StartPipelineExecution answered without an execution id');
            return out.pipelineExecutionId;
        }),
        getPipelineExecution: (name, executionId, signal) => call('GetPipelineExecution', `${name} ${executionId}`, async () => {
            const out = await client.send(new dist_cjs/* GetPipelineExecutionCommand */.qZw({ pipelineName: name, pipelineExecutionId: executionId }), {
                abortSignal: signal,
            });
            if (out.pipelineExecution === undefined)
                throw new Error('GetPipelineExecution answered without an execution');
            return out.pipelineExecution;
        }),
        listActionExecutions: (name, executionId, signal) => call('ListActionExecutions', `${name} ${executionId}`, async () => {
            const all = [];
            let nextToken;
            for (let page = 0; page < MAX_ACTION_PAGES; page++) {
                const out = await client.send(new dist_cjs/* ListActionExecutionsCommand */.X$i({
                    pipelineName: name,
                    filter: { pipelineExecutionId: executionId },
                    maxResults: PAGE_SIZE,
                    ...(nextToken !== undefined ? { nextToken } : {}),
                }), { abortSignal: signal });
                all.push(...(out.actionExecutionDetails ?? []));
                nextToken = out.nextToken || undefined;
                if (nextToken === undefined)
                    break;
            }
            return all;
        }),
        stopPipelineExecution: async (name, executionId, options, signal) => {
            try {
                await client.send(new dist_cjs/* StopPipelineExecutionCommand */.krr({
                    pipelineName: name,
                    pipelineExecutionId: executionId,
                    abandon: options.abandon,
                    ...(options.reason !== undefined ? { reason: options.reason } : {}),
                }), { abortSignal: signal });
            }
            catch (error) {
                if (STOP_REFUSALS.has(errorName(error)))
                    throw error;
                throw codePipelineError(error, 'StopPipelineExecution', `${name} ${executionId}`);
            }
        },
    };
}
/** StopPipelineExecution's answers that are about the execution's state, not a mistake. */
const STOP_REFUSALS = new Set([
    'PipelineExecutionNotStoppableException',
    'DuplicatedStopRequestException',
]);
function errorName(error) {
    const name = error?.name;
    return typeof name === 'string' ? name : '';
}
/**
 * The error to throw for a failed CodePipeline call: a UserError that says what to do for the failures a user can
 * fix, the original error for transient failures and bugs.
 */
function codePipelineError(error, action, subject) {
    if (error instanceof errors/* UserError */.yo || !(0,aws_errors/* isAwsError */.m_)(error) || (0,aws_errors/* isThrottling */.E2)(error) || (0,aws_errors/* isConnectionError */.Rk)(error)) {
        return error instanceof Error ? error : new Error(String(error));
    }
    const name = errorName(error);
    const message = String(error.message ?? '');
    const detail = `${name}: ${message}`;
    const fail = (text) => new errors/* UserError */.yo(text, { cause: error });
    const pipeline = subject.split(' ')[0] ?? subject;
    if ((0,aws_errors/* isAccessDenied */.w7)(error)) {
        const reason = (0,aws_errors/* describeAwsError */.Pp)(error);
        const named = reason.startsWith('missing IAM permission')
            ? reason
            : `missing IAM permission codepipeline:${action}`;
        return fail(`${action} ${subject}: ${named} (${detail})`);
    }
    switch (name) {
        case 'PipelineNotFoundException':
            return fail(`CodePipeline pipeline "${pipeline}" not found (${message}); check the pipeline name and the AWS region`);
        case 'PipelineExecutionNotFoundException':
            return fail(`${action}: no execution ${subject.split(' ')[1] ?? ''} in pipeline "${pipeline}" (${message})`);
        case 'PipelineVersionNotFoundException':
            return fail(`${action} ${subject}: that version of the pipeline no longer exists (${message})`);
        case 'ConcurrentPipelineExecutionsLimitExceededException':
            return fail(`${action} ${pipeline}: the pipeline has as many executions queued as it may (${message}); wait for some to ` +
                'finish or use the SUPERSEDED execution mode');
        case 'ValidationException':
        case 'InvalidNextTokenException':
            return fail(`${action} ${subject}: CodePipeline refused the request (${detail})`);
        default:
            return fail(`${action} ${subject}: ${(0,aws_errors/* describeAwsError */.Pp)(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/pipeline/clients.ts
/** The SDK clients a pipeline execution is followed with: CodePipeline, and what its actions run (CodeBuild with its
 * CloudWatch Logs, CodeDeploy), made from one environment. */




function createPipelineClients(opts = {}) {
    const options = (0,config/* followClientOptions */.Vt)(opts);
    const build = (0,clients.createBuildClients)(options);
    const codepipeline = createCodePipelineClient(options);
    const codedeploy = (0,aws_codedeploy/* createCodeDeployClient */.uk)(options);
    return {
        codepipeline: codePipelineApi(codepipeline),
        codebuild: build.codebuild,
        logs: build.logs,
        codedeploy: (0,aws_codedeploy/* codeDeployApi */.zL)(codedeploy),
        dispose() {
            build.dispose();
            codepipeline.destroy();
            codedeploy.destroy();
        },
    };
}


/***/ })

};
