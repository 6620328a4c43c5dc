export const id = 718;
export const ids = [718];
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


/***/ })

};
