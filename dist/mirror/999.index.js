export const id = 999;
export const ids = [999];
export const modules = {

/***/ 1156:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dp: () => (/* binding */ isRegion),
/* harmony export */   Dw: () => (/* binding */ gitUsername),
/* harmony export */   Ek: () => (/* binding */ repositoryUrl),
/* harmony export */   S$: () => (/* binding */ regionOfHost),
/* harmony export */   SH: () => (/* binding */ repositoryPath),
/* harmony export */   SL: () => (/* binding */ gitEndpoint),
/* harmony export */   Sd: () => (/* binding */ parseCredentialRequest),
/* harmony export */   Ve: () => (/* binding */ splitHost),
/* harmony export */   eV: () => (/* binding */ gitPassword),
/* harmony export */   gQ: () => (/* binding */ grcUrl),
/* harmony export */   hu: () => (/* binding */ parseTarget),
/* harmony export */   kv: () => (/* binding */ credentialsFromEnv),
/* harmony export */   p6: () => (/* binding */ formatCredentialAnswer),
/* harmony export */   tv: () => (/* binding */ isCodeCommitHost)
/* harmony export */ });
/* unused harmony exports isRepositoryName, parseEndpoint, isLoopback, parsePassword, expectedSignature, looksLikePassword */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1922);
/**
 * Git over HTTPS to AWS CodeCommit with IAM credentials: the Git endpoint of a region (or CODE_COMMIT_ENDPOINT), the
 * repository URL, `codecommit::<region>://<repo>` names, and the SigV4 user name and password that the AWS CLI's
 * credential helper (`aws codecommit credential-helper get`) and git-remote-codecommit compute:
 *
 * - canonical request `GIT\n<path>\n\nhost:<host>\n\nhost\n` (method GIT, no query, the host header only, an empty
 *   payload hash), service `codecommit`, the region of the endpoint;
 * - password `<YYYYMMDD>T<HHMMSS>Z<hex signature>` (the string to sign carries the time without the Z);
 * - user name: the access key id, plus `%` and the session token when there is one.
 *
 * A password is good for about 15 minutes, so one is made for every git invocation. Nothing here imports the SDK:
 * the credential helper, which git starts once per invocation, stays a small process.
 */



/**
 * AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (/ AWS_SESSION_TOKEN) of an environment, as the SDK's default chain takes
 * them first (and skips them when AWS_PROFILE is set); undefined when the chain must look further.
 */
function credentialsFromEnv(env) {
    const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
    if (!accessKeyId || !secretAccessKey || env.AWS_PROFILE?.trim())
        return undefined;
    const sessionToken = env.AWS_SESSION_TOKEN?.trim();
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
const REPOSITORY_NAME = /^[\w.-]{1,100}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
/** The hosts of CodeCommit's Git endpoints: regional, FIPS, China, and VPC interface endpoints. */
const CODECOMMIT_HOST = /^(?:vpce-[a-z0-9-]+\.)?git-codecommit(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d+)\.(?:vpce\.)?amazonaws\.com(?:\.cn)?$/;
const PASSWORD = /^(\d{8})T(\d{6})Z([0-9a-f]{64})$/;
function isRepositoryName(name) {
    return REPOSITORY_NAME.test(name) && !name.toLowerCase().endsWith('.git');
}
function isRegion(region) {
    return REGION.test(region);
}
/**
 * The target of a mirror: a repository name, `codecommit::<region>://<repo>`, `codecommit://<repo>` or an HTTPS clone
 * URL `https://git-codecommit.<region>.amazonaws.com/v1/repos/<repo>`. `what` names the input in messages.
 */
function parseTarget(text, what = 'repository') {
    const value = text.trim();
    const grc = /^codecommit(?:::([^:/]*))?:\/\/(.*)$/.exec(value);
    if (grc) {
        const region = grc[1];
        const rest = grc[2] ?? '';
        if (rest.includes('@')) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} "${value}": a profile in the name (profile@repository) is not supported here; ` +
                'set AWS_PROFILE or use aws-actions/configure-aws-credentials instead');
        }
        if (region !== undefined && !isRegion(region)) {
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} "${value}": "${region}" is not an AWS region (codecommit::<region>://<repository>)`);
        }
        return { repository: checkedName(rest, what, value), ...(region ? { region } : {}) };
    }
    const url = /^https:\/\/([^/]+)\/v1\/repos\/([^/]+?)\/?$/.exec(value);
    if (url) {
        const region = CODECOMMIT_HOST.exec(url[1] ?? '')?.[1];
        if (region === undefined)
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} "${value}" is not a CodeCommit clone URL`);
        return { repository: checkedName(url[2] ?? '', what, value), region };
    }
    return { repository: checkedName(value, what, value) };
}
function checkedName(name, what, given) {
    if (!isRepositoryName(name)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`${what} "${given}": "${name}" is not a CodeCommit repository name (1 to 100 letters, digits, ".", "_" or "-", ` +
            'not ending in ".git")');
    }
    return name;
}
/**
 * The Git endpoint for a region: CODE_COMMIT_ENDPOINT when set (a host, host:port or URL; plain http only on a
 * loopback address), else `git-codecommit[-fips].<region>.amazonaws.com` (`.amazonaws.com.cn` in China regions).
 * FIPS when `fips` is true or AWS_USE_FIPS_ENDPOINT is true.
 */
function gitEndpoint(region, env = process.env, fips) {
    const override = env.CODE_COMMIT_ENDPOINT?.trim();
    if (override)
        return parseEndpoint(override);
    if (!isRegion(region))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`"${region}" is not an AWS region`);
    const useFips = fips ?? /^true$/i.test(env.AWS_USE_FIPS_ENDPOINT?.trim() ?? '');
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    const host = `git-codecommit${useFips ? '-fips' : ''}.${region}.${suffix}`;
    return { protocol: 'https', host, baseUrl: `https://${host}`, overridden: false };
}
/** CODE_COMMIT_ENDPOINT: `host`, `host:port`, `https://host[:port][/]`, or `http://<loopback>[:port][/]`. */
function parseEndpoint(text) {
    const withScheme = /^[a-z]+:\/\//i.test(text) ? text : `https://${text}`;
    let url;
    try {
        url = new URL(withScheme);
    }
    catch {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`CODE_COMMIT_ENDPOINT "${text}" is not a host name or URL`);
    }
    const protocol = url.protocol.slice(0, -1);
    if (protocol !== 'https' && protocol !== 'http') {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`CODE_COMMIT_ENDPOINT "${text}": only https:// (or http:// on a loopback address) is accepted`);
    }
    if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`CODE_COMMIT_ENDPOINT "${text}" must be a host (and port) only, with no path or user`);
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    if (protocol === 'http' && !isLoopback(host)) {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`CODE_COMMIT_ENDPOINT "${text}": plain http:// is accepted only on a loopback address (127.0.0.1, ::1, localhost)`);
    }
    const port = url.port === '' ? undefined : Number(url.port);
    const hostPart = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(host) === 6 ? `[${host}]` : host;
    return {
        protocol,
        host,
        ...(port !== undefined ? { port } : {}),
        baseUrl: `${protocol}://${hostPart}${port !== undefined ? `:${port}` : ''}`,
        overridden: true,
    };
}
function isLoopback(host) {
    const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
    return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
/** The HTTPS (or loopback http) URL git uses for a repository. */
function repositoryUrl(endpoint, repository) {
    return `${endpoint.baseUrl}${repositoryPath(repository)}`;
}
function repositoryPath(repository) {
    return `/v1/repos/${repository}`;
}
/** The git-remote-codecommit form of a repository. */
function grcUrl(region, repository) {
    return `codecommit::${region}://${repository}`;
}
/** The region a CodeCommit Git host names (regional, FIPS, China, VPC endpoint hosts); undefined for other hosts. */
function regionOfHost(host) {
    return CODECOMMIT_HOST.exec(host.toLowerCase())?.[1];
}
/** A host our credential helper may answer for: a CodeCommit Git host, or the CODE_COMMIT_ENDPOINT host. */
function isCodeCommitHost(host, protocol, env = process.env) {
    const override = env.CODE_COMMIT_ENDPOINT?.trim();
    if (override) {
        let endpoint;
        try {
            endpoint = parseEndpoint(override);
        }
        catch {
            return false;
        }
        const { name, port } = splitHost(host);
        const expectedPort = endpoint.port;
        return endpoint.protocol === protocol && name === endpoint.host.toLowerCase() && port === expectedPort;
    }
    return protocol === 'https' && regionOfHost(splitHost(host).name) !== undefined && splitHost(host).port === undefined;
}
/** `host[:port]` (IPv6 in brackets) → the lower-case name and the port. */
function splitHost(hostWithPort) {
    const m = /^(\[[^\]]+\]|[^:]*)(?::(\d+))?$/.exec(hostWithPort.trim());
    if (!m)
        return { name: hostWithPort.toLowerCase() };
    const name = (m[1] ?? '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
    return m[2] === undefined ? { name } : { name, port: Number(m[2]) };
}
/** The user name CodeCommit expects: the access key id, then `%` and the session token when there is one. */
function gitUsername(credentials) {
    return credentials.sessionToken ? `${credentials.accessKeyId}%${credentials.sessionToken}` : credentials.accessKeyId;
}
/** The Git password for one request target at one time: `YYYYMMDDTHHMMSSZ` + the hex SigV4 signature. */
function gitPassword(input) {
    const stamp = new Date(Math.floor(input.time / 1000) * 1000).toISOString().replace(/[-:]/g, '').slice(0, 15);
    return `${stamp}Z${signature(input, stamp)}`;
}
function signature(input, stamp) {
    const date = stamp.slice(0, 8);
    const canonical = `GIT\n${input.path}\n\nhost:${input.host}\n\nhost\n`;
    const scope = `${date}/${input.region}/codecommit/aws4_request`;
    const toSign = `AWS4-HMAC-SHA256\n${stamp}\n${scope}\n${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(canonical, 'utf8').digest('hex')}`;
    const hmac = (key, data) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', key).update(data, 'utf8').digest();
    const key = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, date), input.region), 'codecommit'), 'aws4_request');
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)('sha256', key).update(toSign, 'utf8').digest('hex');
}
/** A Git password taken apart: its time (epoch ms) and signature; undefined when it is not one. */
function parsePassword(password) {
    const m = PASSWORD.exec(password);
    if (!m)
        return undefined;
    const d = m[1];
    const t = m[2];
    const time = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4));
    if (Number.isNaN(time))
        return undefined;
    return { time, stamp: `${d}T${t}`, signature: m[3] };
}
/** The signature a password must carry for a request (server side: recomputed with the secret held for the key). */
function expectedSignature(input, stamp) {
    return signature(input, stamp);
}
/** The looks of a Git password, to mask it wherever it could appear. */
function looksLikePassword(text) {
    return PASSWORD.test(text);
}
// ---------------------------------------------------------------------------------------------------------------
// git's credential helper protocol (gitcredentials(7)): `key=value` lines, ended by a blank line or EOF.
function parseCredentialRequest(text) {
    const fields = new Map();
    for (const raw of text.split('\n')) {
        const line = raw.replace(/\r$/, '');
        if (line === '')
            break;
        const eq = line.indexOf('=');
        if (eq > 0)
            fields.set(line.slice(0, eq), line.slice(eq + 1));
    }
    return fields;
}
/** The answer: no field may hold a newline or NUL (git would read it as another field). */
function formatCredentialAnswer(fields) {
    return Object.entries(fields)
        .map(([key, value]) => {
        if (/[\n\0]/.test(value) || /[\n\0=]/.test(key))
            throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`a credential field "${key}" is not valid`);
        return `${key}=${value}\n`;
    })
        .join('');
}


/***/ }),

/***/ 8999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   credentialProcess: () => (/* binding */ credentialProcess)
/* harmony export */ });
/* unused harmony exports answerGitCredential, gitCredentialCommand */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1156);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1922);
/**
 * `aws-cicd git-credential [--region R] get`: a git credential helper (gitcredentials(7)) for CodeCommit. git starts it
 * with the request on stdin (`protocol=https`, `host=…`, `path=v1/repos/<name>` with credential.useHttpPath) and reads
 * `username=` / `password=` back: the access key id (plus `%` and the session token) and a SigV4 password made now
 * for the host actually used, so every git invocation gets a fresh one. The credentials come from the environment
 * or the SDK's default provider chain, never from the command line. `store` and `erase` do nothing.
 *
 * The mirror action's bundle answers the same way when started as `index.js git-credential …`, so git can call
 * back into whichever entry point (action or CLI) is running. Under GitHub Actions the password is also written as
 * an `::add-mask::` line on stderr, which the mirror's git runner turns into a mask before anything is printed.
 */



const HELP = `Usage: aws-cicd git-credential [--region REGION] get|store|erase

A git credential helper for AWS CodeCommit over HTTPS, with the AWS credentials of the environment (or the SDK's
default chain: AWS_PROFILE, web identity, container and instance roles). git runs it; to use it yourself:

  git -c credential.helper='!aws-cicd git-credential' -c credential.useHttpPath=true \\
      clone https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/my-repo

It answers only for CodeCommit Git hosts (or the CODE_COMMIT_ENDPOINT host). The region is --region, else the one
in the host name, else AWS_REGION / AWS_DEFAULT_REGION.`;
/** Answers one request from git; the exit code. */
async function answerGitCredential(argv, io) {
    const { values, positionals } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
        args: [...argv],
        options: { region: { type: 'string' } },
        allowPositionals: true,
        strict: true,
    });
    const operation = positionals[positionals.length - 1];
    const request = (0,_aws_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .parseCredentialRequest */ .Sd)(await readAll(io.stdin));
    if (operation === 'store' || operation === 'erase')
        return 0;
    if (operation !== 'get')
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`expected get, store or erase; got "${operation ?? ''}"`, { exitCode: 2 });
    const protocol = request.get('protocol') ?? '';
    const host = request.get('host') ?? '';
    if (!(0,_aws_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .isCodeCommitHost */ .tv)(host, protocol, io.env)) {
        io.stderr.write(`aws-cicd git-credential: not answering for ${protocol}://${host} (not a CodeCommit Git host)\n`);
        return 0;
    }
    const path = request.get('path');
    if (path === undefined || path === '') {
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('git sent no path: run git with -c credential.useHttpPath=true');
    }
    const hostName = (0,_aws_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .splitHost */ .Ve)(host).name;
    const region = [values.region, (0,_aws_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .regionOfHost */ .S$)(hostName), io.env.AWS_REGION, io.env.AWS_DEFAULT_REGION]
        .map((r) => r?.trim())
        .find((r) => r);
    if (region === undefined)
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo('no AWS region: give --region or set AWS_REGION');
    if (!(0,_aws_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .isRegion */ .Dp)(region))
        throw new _common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .UserError */ .yo(`"${region}" is not an AWS region`);
    const credentials = await (io.credentials ?? ((r) => defaultCredentials(r, io.env)))(region);
    const password = (0,_aws_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .gitPassword */ .eV)({
        secretAccessKey: credentials.secretAccessKey,
        region,
        host: hostName,
        path: `/${path.replace(/^\/+/, '')}`,
        time: (io.now ?? Date.now)(),
    });
    if (io.env.GITHUB_ACTIONS === 'true')
        io.stderr.write(`::add-mask::${password}\n`);
    io.stdout.write((0,_aws_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .formatCredentialAnswer */ .p6)({ username: (0,_aws_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .gitUsername */ .Dw)(credentials), password }));
    return 0;
}
/** The environment's keys (as the SDK's chain takes them first); otherwise the SDK's default chain, loaded only then. */
async function defaultCredentials(region, env) {
    const fromEnv = (0,_aws_codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__/* .credentialsFromEnv */ .kv)(env);
    if (fromEnv)
        return fromEnv;
    const { resolveCredentials } = await Promise.all(/* import() */[__webpack_require__.e(529), __webpack_require__.e(305)]).then(__webpack_require__.bind(__webpack_require__, 4305));
    return resolveCredentials(region, env);
}
async function readAll(stream) {
    let text = '';
    for await (const chunk of stream) {
        text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
        // git ends a request with a blank line and then closes stdin; stop at the blank line either way.
        if (/(^|\n)\r?\n/.test(text))
            break;
    }
    return text;
}
/** The helper as a process of its own (the mirror bundle's `git-credential` mode): errors on stderr, an exit code. */
async function credentialProcess(argv, io) {
    try {
        return await answerGitCredential(argv, io);
    }
    catch (error) {
        io.stderr.write(`aws-cicd git-credential: ${(0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error)}\n`);
        return (0,_common_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isUserError */ .iU)(error) ? error.exitCode : 1;
    }
}
const gitCredentialCommand = {
    name: 'git-credential',
    summary: 'git credential helper for CodeCommit over HTTPS with AWS credentials (used by mirror)',
    help: HELP,
    run: (argv, ctx) => answerGitCredential(argv, { stdin: process.stdin, stdout: ctx.stdout, stderr: ctx.stderr, env: ctx.env }),
};


/***/ }),

/***/ 1922:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   iU: () => (/* binding */ isUserError),
/* harmony export */   yo: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * A mistake the user can fix (bad input, missing file, missing permission). Printed as its message alone,
 * never with a stack. Anything else that escapes is a bug and keeps its stack.
 */
class UserError extends Error {
    name = 'UserError';
    /** Process exit code the CLI uses for this error (2 = usage or invalid input, 1 = the job failed). */
    exitCode;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.exitCode = options.exitCode ?? 1;
    }
}
function isUserError(error) {
    return error instanceof UserError;
}
/** The message to show for any thrown value: user errors bare, bugs with their stack. */
function describeError(error) {
    if (isUserError(error))
        return error.message;
    if (error instanceof Error)
        return error.stack ?? `${error.name}: ${error.message}`;
    return String(error);
}


/***/ })

};
