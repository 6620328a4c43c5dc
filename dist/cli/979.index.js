export const id = 979;
export const ids = [979,305];
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


/***/ }),

/***/ 979:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MirrorError: () => (/* binding */ MirrorError),
  mirror: () => (/* binding */ mirror)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/aws/codecommit-git.ts
var codecommit_git = __webpack_require__(1156);
// EXTERNAL MODULE: ./src/aws/codecommit.ts
var codecommit = __webpack_require__(4305);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/mirror/git.ts
var mirror_git = __webpack_require__(2639);
;// CONCATENATED MODULE: ./src/mirror/lfs.ts
const POINTER_VERSION = 'version https://git-lfs.github.com/spec/v1';
/** Commits scanned for pointers at most (the rest are reported by their attributes only). */
const MAX_SCANNED = 20;
/** The LFS findings of the commits the mirror sends (`sent`: ref name and object of each ref created or changed). */
async function findLfs(objects, git, sent) {
    const tips = new Map();
    for (const { name, sha } of sent) {
        const list = tips.get(sha) ?? [];
        list.push(name);
        tips.set(sha, list);
    }
    if (tips.size === 0)
        return [];
    const shas = [...tips.keys()];
    const attributes = await objects.read(shas.map((sha) => `${sha}:.gitattributes`));
    const patternsOf = new Map();
    attributes.forEach((object, i) => {
        if (object?.type === 'blob')
            patternsOf.set(shas[i], lfsPatterns(object.content.toString('utf8')));
    });
    const findings = [];
    let scanned = 0;
    const ordered = shas.sort((a, b) => rank(tips.get(a) ?? []) - rank(tips.get(b) ?? []));
    for (const sha of ordered) {
        const patterns = patternsOf.get(sha) ?? [];
        if (patterns.length === 0)
            continue;
        const refs = (tips.get(sha) ?? []).sort((a, b) => rank([a]) - rank([b]));
        const counted = scanned++ < MAX_SCANNED ? await countPointers(git, sha) : { pointers: -1, bytes: 0, examples: [] };
        findings.push({ refs, commit: sha, patterns, ...counted });
    }
    return findings;
}
/** Branches before tags. */
function rank(refs) {
    return refs.some((r) => r.startsWith('refs/heads/')) ? 0 : 1;
}
/** Patterns of `.gitattributes` lines that set filter=lfs. */
function lfsPatterns(text) {
    const out = [];
    for (const raw of text.split('\n')) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            continue;
        const [pattern, ...attributes] = line.split(/\s+/);
        if (pattern !== undefined && attributes.includes('filter=lfs'))
            out.push(pattern);
    }
    return out;
}
async function countPointers(git, sha) {
    const files = new Map();
    await git.run([
        'grep',
        '-I',
        '-z',
        '--full-name',
        '--no-color',
        '-e',
        `^${POINTER_VERSION}$`,
        '-e',
        '^size [0-9][0-9]*$',
        sha,
        '--',
    ], {
        okCodes: [0, 1],
        onStdoutLine: (line) => {
            const nul = line.indexOf('\0');
            if (nul < 0)
                return;
            const path = line.slice(sha.length + 1, nul);
            const text = line.slice(nul + 1);
            const file = files.get(path) ?? { version: false, size: 0 };
            if (text === POINTER_VERSION)
                file.version = true;
            else if (text.startsWith('size '))
                file.size = Number(text.slice(5));
            files.set(path, file);
        },
    });
    const pointers = [...files].filter(([, f]) => f.version);
    return {
        pointers: pointers.length,
        bytes: pointers.reduce((sum, [, f]) => sum + f.size, 0),
        examples: pointers.slice(0, 5).map(([p]) => p),
    };
}

;// CONCATENATED MODULE: ./src/mirror/objects.ts
class ObjectReader {
    child;
    pending = [];
    buffer = Buffer.alloc(0);
    /** The header of the object whose content is still arriving. */
    header;
    failure;
    exited;
    constructor(child) {
        this.child = child;
        if (child === undefined) {
            this.exited = Promise.resolve();
            return;
        }
        let stderr = '';
        child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk.toString('utf8')).slice(-2000)));
        child.stdout?.on('data', (chunk) => this.take(chunk));
        child.stdin?.on('error', () => undefined);
        this.exited = new Promise((resolve) => {
            const fail = (why) => {
                this.fail(new Error(`git cat-file --batch ${why}${stderr.trim() ? `: ${stderr.trim()}` : ''}`));
                resolve();
            };
            child.on('error', (error) => fail(`could not run: ${error.message}`));
            child.on('close', (code, signal) => fail(`ended (${signal ?? `exit ${code}`})`));
        });
    }
    /** The reader of the repository `git` runs in; when git cannot be started, every read rejects saying why. */
    static start(git) {
        try {
            return new ObjectReader(git.start(['cat-file', '--batch']));
        }
        catch (error) {
            const reader = new ObjectReader();
            const message = error?.message ?? error;
            reader.fail(new Error(`git cat-file --batch could not run: ${String(message)}`));
            return reader;
        }
    }
    read(names) {
        if (names.length === 0)
            return Promise.resolve([]);
        if (this.failure)
            return Promise.reject(this.failure);
        for (const name of names) {
            if (name === '' || /[\n\r]/.test(name))
                throw new Error(`not an object name for cat-file: ${JSON.stringify(name)}`);
        }
        const answers = names.map(() => new Promise((resolve, reject) => {
            this.pending.push({ resolve, reject });
        }));
        this.child?.stdin?.write(names.map((n) => `${n}\n`).join(''));
        return Promise.all(answers);
    }
    /** Ends the process (its stdin closed) and waits for it. */
    async close() {
        this.child?.stdin?.end();
        await this.exited;
    }
    take(chunk) {
        this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
        for (;;) {
            if (this.header === undefined) {
                const newline = this.buffer.indexOf(10);
                if (newline < 0)
                    return;
                const line = this.buffer.subarray(0, newline).toString('utf8');
                this.buffer = this.buffer.subarray(newline + 1);
                if (/ (missing|ambiguous)$/.test(line)) {
                    this.pending.shift()?.resolve(undefined);
                    continue;
                }
                const m = /^([0-9a-f]+) ([a-z]+) (\d+)$/.exec(line);
                if (!m) {
                    this.fail(new Error(`git cat-file --batch answered ${JSON.stringify(line.slice(0, 200))}`));
                    this.child?.kill();
                    return;
                }
                this.header = { oid: m[1], type: m[2], size: Number(m[3]) };
            }
            const { size } = this.header;
            if (this.buffer.length < size + 1)
                return;
            const content = Buffer.from(this.buffer.subarray(0, size));
            this.buffer = this.buffer.subarray(size + 1);
            const { oid, type } = this.header;
            this.header = undefined;
            this.pending.shift()?.resolve({ oid, type, content });
        }
    }
    fail(error) {
        this.failure ??= error;
        for (const waiting of this.pending.splice(0))
            waiting.reject(this.failure);
    }
}
/** The parents of a commit object. */
function commitParents(content) {
    const parents = [];
    const text = content.toString('latin1');
    let at = 0;
    while (at < text.length) {
        const end = text.indexOf('\n', at);
        const line = text.slice(at, end < 0 ? text.length : end);
        if (line === '')
            break;
        if (line.startsWith('parent '))
            parents.push(line.slice(7));
        at = end < 0 ? text.length : end + 1;
    }
    return parents;
}
/** Commits walked back from a tip before the check asks `git merge-base` instead. */
const WALK_LIMIT = 200;
/**
 * Is `old` an ancestor of (or equal to) `tip`? Walks back from `tip` through the reader, at most `limit` commits:
 * true when `old` is met, false when the whole history of `tip` was seen without it or `old` is not in the
 * repository (it then cannot be an ancestor), and 'unknown' when the walk was cut short (the limit, a missing parent
 * of a shallow history, an object that is not a commit).
 */
async function isAncestor(objects, old, tip, limit = WALK_LIMIT) {
    if (old === tip)
        return true;
    const [oldObject, tipObject] = await objects.read([old, tip]);
    if (oldObject === undefined)
        return false;
    if (oldObject.type !== 'commit')
        return 'unknown';
    const seen = new Set([tip]);
    let commits = [tipObject];
    let walked = 1;
    for (;;) {
        const next = [];
        for (const commit of commits) {
            if (commit === undefined || commit.type !== 'commit')
                return 'unknown';
            for (const parent of commitParents(commit.content)) {
                if (parent === old)
                    return true;
                if (!seen.has(parent)) {
                    seen.add(parent);
                    next.push(parent);
                }
            }
        }
        if (next.length === 0)
            return false;
        if (walked + next.length > limit)
            return 'unknown';
        walked += next.length;
        commits = await objects.read(next);
    }
}

// EXTERNAL MODULE: ./src/mirror/refs.ts
var refs = __webpack_require__(8917);
;// CONCATENATED MODULE: ./src/mirror/plan.ts
/**
 * The mirror's plan: for every branch and tag in scope, what happens on CodeCommit.
 *
 * - create: on the source, not on CodeCommit;
 * - update: on both, CodeCommit's commit is an ancestor of the source's (a fast-forward);
 * - rewind: on both, not a fast-forward (a force-push on GitHub); a tag that moved is always a rewind, as git itself
 *   never moves a tag without force;
 * - delete: on CodeCommit only, with prune, and not protected;
 * - unchanged: the same object on both.
 * Refs on CodeCommit only that are kept (no prune, or protected) are listed apart.
 */

async function computePlan(input) {
    const entries = [];
    const changedBranches = [];
    for (const [name, sha] of input.source) {
        const kind = (0,refs/* refKind */.WQ)(name);
        if (kind === undefined || !input.filter.mirrors(name))
            continue;
        const old = input.remote.get(name);
        if (old === undefined)
            entries.push({ name, kind, action: 'create', new: sha });
        else if (old === sha)
            entries.push({ name, kind, action: 'unchanged', old, new: sha });
        else if (kind === 'tag')
            entries.push({ name, kind, action: 'rewind', old, new: sha });
        else {
            changedBranches.push({ index: entries.length, old, new: sha });
            entries.push({ name, kind, action: 'update', old, new: sha });
        }
    }
    if (changedBranches.length > 0) {
        const ff = await input.fastForward(changedBranches);
        changedBranches.forEach((c, i) => {
            if (ff[i] !== true)
                entries[c.index] = { ...entries[c.index], action: 'rewind' };
        });
    }
    const kept = [];
    const protectedRefs = [];
    for (const [name, old] of input.remote) {
        const kind = (0,refs/* refKind */.WQ)(name);
        if (kind === undefined || input.source.has(name) || !input.filter.mirrors(name))
            continue;
        if (!input.prune)
            kept.push(name);
        else if (input.filter.isProtected(name))
            protectedRefs.push(name);
        else
            entries.push({ name, kind, action: 'delete', old });
    }
    entries.sort((a, b) => compare(a.name, b.name));
    return { entries, kept: kept.sort(compare), protected: protectedRefs.sort(compare) };
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
function plan_countPlan(entries) {
    const counts = { create: 0, update: 0, rewind: 0, delete: 0, unchanged: 0 };
    for (const e of entries)
        counts[e.action]++;
    return counts;
}
/** The entries that change CodeCommit. */
function changes(plan) {
    return plan.entries.filter((e) => e.action !== 'unchanged');
}

;// CONCATENATED MODULE: ./src/mirror/push.ts
/** CodeCommit refuses a push that carries more refs than this. */
const MAX_REFS_PER_PUSH = 4000;
/**
 * Refs per push by default. Each push costs a round of HTTP requests and a credential helper start; within a push git
 * matches each ref against the others (quadratic), so 1,000 is cheaper overall than 4,000: 9,000 new tags go in
 * 9 pushes in well under half the time that 3 pushes of 4,000 take.
 */
const DEFAULT_REFS_PER_PUSH = 1000;
/** Windows limits a command line to 32,767 characters; elsewhere the limit is far larger (ARG_MAX). */
const MAX_ARG_CHARS = process.platform === 'win32' ? 24_000 : 1_000_000;
/**
 * Changes in push order: the `first` branch alone, then creates, updates and rewinds, then deletes; each batch within
 * the ref count and the command-line length (leases and deletes are the only per-ref arguments).
 */
function batches(changes, options = {}) {
    const maxRefs = Math.min(options.maxRefs ?? DEFAULT_REFS_PER_PUSH, MAX_REFS_PER_PUSH);
    const maxChars = options.maxChars ?? MAX_ARG_CHARS;
    const first = changes.find((e) => e.name === options.first && e.action !== 'delete');
    const rest = changes.filter((e) => e !== first && e.action !== 'unchanged');
    const ordered = [...rest.filter((e) => e.action !== 'delete'), ...rest.filter((e) => e.action === 'delete')];
    const groups = first ? [[first]] : [];
    let current = [];
    let chars = 0;
    for (const entry of ordered) {
        const size = argChars(entry);
        if (current.length > 0 && (current.length >= maxRefs || chars + size > maxChars)) {
            groups.push(current);
            current = [];
            chars = 0;
        }
        current.push(entry);
        chars += size;
    }
    if (current.length > 0)
        groups.push(current);
    return groups;
}
/** Characters an entry adds to the command line at most: its lease and its explicit refspec. */
function argChars(entry) {
    const lease = leaseOf(entry);
    return (lease === undefined ? 0 : lease.length + 1) + entry.name.length + 42;
}
function leaseOf(entry) {
    return entry.action === 'rewind' || entry.action === 'delete'
        ? `--force-with-lease=${entry.name}:${entry.old ?? ''}`
        : undefined;
}
/** `git update-ref --stdin` input writing a batch's refs into the staging repository. */
function stagingRefs(batch) {
    return batch
        .filter((e) => e.action !== 'delete' && e.new !== undefined)
        .map((e) => `update ${e.name} ${e.new}\n`)
        .join('');
}
/**
 * Whether a batch is pushed from a staging repository (many refs) rather than with explicit `<sha>:<ref>` refspecs
 * from the source: git's matching costs about (refs sent) × (refs on both sides) per explicit refspec, which is
 * nothing for the few refs of an incremental mirror and minutes for thousands.
 */
function useStaging(batch, localRefs, remoteRefs) {
    const sent = batch.filter((e) => e.action !== 'delete').length;
    return sent * (localRefs + remoteRefs + sent) > EXPLICIT_COST_LIMIT;
}
const EXPLICIT_COST_LIMIT = 50_000;
/**
 * The arguments of one push (after the global `-c` options): from a staging repository with glob refspecs, or with
 * explicit `<sha>:<ref>` refspecs.
 */
function pushArgs(url, batch, staged) {
    const leases = batch.map(leaseOf).filter((l) => l !== undefined);
    const sent = batch.filter((e) => e.action !== 'delete');
    const specs = staged
        ? [
            ...(sent.some((e) => e.kind === 'branch') ? ['refs/heads/*:refs/heads/*'] : []),
            ...(sent.some((e) => e.kind === 'tag') ? ['refs/tags/*:refs/tags/*'] : []),
        ]
        : sent.map((e) => `${e.new}:${e.name}`);
    specs.push(...batch.filter((e) => e.action === 'delete').map((e) => `:${e.name}`));
    return ['push', '--porcelain', '--no-verify', ...leases, '--', url, ...specs];
}
/** `git push --porcelain` output → ref → result (by the destination ref). */
function parsePorcelain(stdout) {
    const results = new Map();
    for (const line of stdout.split('\n')) {
        const m = /^([ +\-*=!])\t([^\t]*)\t(.*)$/.exec(line);
        if (!m)
            continue;
        const spec = m[2];
        const colon = spec.lastIndexOf(':');
        const to = colon < 0 ? spec : spec.slice(colon + 1);
        results.set(to, { flag: m[1], summary: m[3].trim() });
    }
    return results;
}
function succeeded(result) {
    return result !== undefined && result.flag !== '!';
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(9448);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/aws/config.ts
var config = __webpack_require__(6979);
;// CONCATENATED MODULE: ./src/mirror/remote-refs.ts
/**
 * CodeCommit's current refs, asked directly: one smart-HTTP ref advertisement request
 * (`GET <repo>/info/refs?service=git-upload-pack`, protocol v0) with the SigV4 Git password in a Basic Authorization
 * header, signed here with the same code as the credential helper. That is what `git ls-remote` asks for, without
 * its process, its unauthenticated first request and the credential helper's process: on an incremental mirror this
 * request is the one on the critical path before the push.
 *
 * Whenever git would do something this cannot (a proxy from the environment, a redirect, TLS or network trouble, an
 * answer that is not a ref advertisement), `git ls-remote` through the credential helper is used instead: `undefined`
 * tells the caller to fall back. HTTP 401/403/404 are CodeCommit's answers and are final.
 */




const MAX_BYTES = 64 * 1024 * 1024;
async function advertisedRefs(request) {
    const { endpoint } = request;
    const proxy = proxyFor(endpoint, request.env);
    if (proxy)
        return { kind: 'fallback', reason: 'a proxy is configured' };
    const path = (0,codecommit_git/* repositoryPath */.SH)(request.repository);
    const password = (0,codecommit_git/* gitPassword */.eV)({
        secretAccessKey: request.credentials.secretAccessKey,
        region: request.region,
        host: endpoint.host,
        path,
        time: (request.now ?? Date.now)(),
    });
    request.mask?.(password);
    const basic = Buffer.from(`${(0,codecommit_git/* gitUsername */.Dw)(request.credentials)}:${password}`, 'utf8').toString('base64');
    const transport = endpoint.protocol === 'https' ? (external_node_https_default()) : (external_node_http_default());
    return new Promise((resolve) => {
        const req = transport.request(`${endpoint.baseUrl}${path}/info/refs?service=git-upload-pack`, {
            method: 'GET',
            agent: false,
            timeout: request.timeoutMs ?? 20_000,
            headers: {
                Authorization: `Basic ${basic}`,
                'User-Agent': `git/aws-cicd-${config/* AWS_CICD_VERSION */.Xm}`,
                Accept: 'application/x-git-upload-pack-advertisement',
                Pragma: 'no-cache',
            },
        }, (res) => {
            const status = res.statusCode ?? 0;
            if (status === 401 || status === 403 || status === 404) {
                res.resume();
                resolve({ kind: 'status', status });
                return;
            }
            const type = String(res.headers['content-type'] ?? '');
            if (status !== 200 || type !== 'application/x-git-upload-pack-advertisement') {
                res.resume();
                resolve({ kind: 'fallback', reason: `HTTP ${status} ${type}` });
                return;
            }
            const chunks = [];
            let size = 0;
            res.on('data', (chunk) => {
                size += chunk.length;
                if (size > MAX_BYTES)
                    req.destroy(new Error('advertisement too large'));
                else
                    chunks.push(chunk);
            });
            res.on('end', () => {
                const refs = parseAdvertisement(Buffer.concat(chunks));
                resolve(refs ? { kind: 'refs', refs } : { kind: 'fallback', reason: 'not a git-upload-pack advertisement' });
            });
            res.on('error', (error) => resolve({ kind: 'fallback', reason: String(error) }));
        });
        req.on('timeout', () => req.destroy(new Error('timed out')));
        req.on('error', (error) => resolve({ kind: 'fallback', reason: error.message }));
        req.end();
    });
}
/**
 * A v0 smart-HTTP upload-pack advertisement (`# service=git-upload-pack`, flush, then `<sha> <ref>[\0caps]` pkt-lines,
 * flush) → branches and tags (peeled `^{}` entries, HEAD and the empty repository's `capabilities^{}` left out).
 * Undefined when the body is not one.
 */
function parseAdvertisement(body) {
    const refs = new Map();
    let at = 0;
    let sawService = false;
    let flushes = 0;
    while (at + 4 <= body.length) {
        const length = Number.parseInt(body.subarray(at, at + 4).toString('latin1'), 16);
        if (!Number.isInteger(length) || (length !== 0 && length < 4))
            return undefined;
        if (length === 0) {
            at += 4;
            flushes++;
            continue;
        }
        if (at + length > body.length)
            return undefined;
        let line = body.subarray(at + 4, at + length).toString('utf8');
        at += length;
        if (line.endsWith('\n'))
            line = line.slice(0, -1);
        if (!sawService) {
            if (line !== '# service=git-upload-pack')
                return undefined;
            sawService = true;
            continue;
        }
        const nul = line.indexOf('\0');
        const entry = nul < 0 ? line : line.slice(0, nul);
        const m = /^([0-9a-f]{40}|[0-9a-f]{64}) (.+)$/.exec(entry);
        if (!m)
            return undefined;
        const name = m[2];
        if (name.endsWith('^{}') || !name.startsWith('refs/'))
            continue;
        refs.set(name, m[1]);
    }
    return sawService && flushes >= 2 && at === body.length ? refs : undefined;
}
/** The proxy the environment sets for this endpoint (as curl reads it), or undefined. */
function proxyFor(endpoint, env) {
    const pick = (...names) => names.map((n) => env[n]?.trim()).find((v) => v);
    const proxy = endpoint.protocol === 'https'
        ? pick('https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY')
        : pick('http_proxy', 'all_proxy', 'ALL_PROXY');
    if (!proxy)
        return undefined;
    const noProxy = pick('no_proxy', 'NO_PROXY') ?? '';
    const host = endpoint.host.toLowerCase();
    for (const raw of noProxy.split(',')) {
        const entry = raw.trim().toLowerCase().replace(/:\d+$/, '');
        if (entry === '*')
            return undefined;
        if (entry === '')
            continue;
        const suffix = entry.startsWith('.') ? entry : `.${entry}`;
        if (host === entry.replace(/^\./, '') || host.endsWith(suffix))
            return undefined;
    }
    return proxy;
}

;// CONCATENATED MODULE: ./src/mirror/report.ts

/** Lines of the plan for a log: one per change, with the old and new objects. */
function planLines(plan, limit = 500) {
    const counts = plan_countPlan(plan.entries);
    const lines = [
        `Plan: ${counts.create} to create, ${counts.update} to update, ${counts.rewind} to rewind, ` +
            `${counts.delete} to delete, ${counts.unchanged} unchanged`,
    ];
    const changed = plan.entries.filter((e) => e.action !== 'unchanged');
    for (const e of changed.slice(0, limit))
        lines.push(`  ${e.action.padEnd(7)} ${e.name}  ${objects(e)}`);
    if (changed.length > limit)
        lines.push(`  … and ${changed.length - limit} more`);
    if (plan.kept.length > 0)
        lines.push(`Kept on CodeCommit (not on the source; prune is off): ${list(plan.kept)}`);
    if (plan.protected.length > 0)
        lines.push(`Kept on CodeCommit (protected from prune): ${list(plan.protected)}`);
    return lines;
}
function objects(e) {
    switch (e.action) {
        case 'create':
            return `→ ${e.new}`;
        case 'update':
            return `${e.old} → ${e.new}`;
        case 'rewind':
            return `${e.old} → ${e.new} (not a fast-forward)`;
        case 'delete':
            return `(was ${e.old})`;
        default:
            return `${e.new}`;
    }
}
function list(names, limit = 20) {
    return names.slice(0, limit).join(', ') + (names.length > limit ? `, … (${names.length - limit} more)` : '');
}
function lfsLines(findings) {
    return findings.map((f) => {
        const where = f.refs.length > 1 ? `${f.refs[0]} (and ${f.refs.length - 1} more refs)` : `${f.refs[0]}`;
        const what = f.pointers < 0
            ? 'the pointer files, not the LFS objects'
            : `the ${f.pointers} pointer file${f.pointers === 1 ? '' : 's'}, not the ${formatBytes(f.bytes)} of LFS objects ` +
                `${f.pointers === 1 ? 'it stands' : 'they stand'} for`;
        return `Git LFS: ${where} routes ${f.patterns.join(' ')} through Git LFS; CodeCommit gets ${what} (it has no LFS storage)`;
    });
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = n / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(1)} ${units[unit]}`;
}
/** The job summary: counts, the changes (rewinds with both SHAs), LFS, and on failure what was and was not pushed. */
function summaryMarkdown(s, limit = 100) {
    const counts = countPlan(s.plan.entries);
    const out = [];
    const status = s.error ? '❌ failed' : s.dryRun ? '📝 dry run (nothing pushed)' : '✅ mirrored';
    out.push(`## Mirror to CodeCommit: ${code(s.repository)} (${code(s.region)}) ${status}`, '');
    if (s.created)
        out.push(s.dryRun ? 'The repository is missing and would be created.' : 'The repository was created.', '');
    out.push('| create | update | rewind | delete | unchanged |', '| ---: | ---: | ---: | ---: | ---: |', `| ${counts.create} | ${counts.update} | ${counts.rewind} | ${counts.delete} | ${counts.unchanged} |`, '');
    const changed = s.plan.entries.filter((e) => e.action !== 'unchanged');
    if (changed.length > 0) {
        out.push('| ref | action | CodeCommit before | source |', '| --- | --- | --- | --- |');
        for (const e of changed.slice(0, limit)) {
            out.push(`| ${code(e.name)} | ${e.action} | ${sha(e.old, e.action)} | ${sha(e.new, e.action)} |`);
        }
        if (changed.length > limit)
            out.push(`| … ${changed.length - limit} more | | | |`);
        out.push('');
    }
    if (s.plan.kept.length > 0)
        out.push(`Kept (prune is off): ${s.plan.kept.slice(0, 50).map(code).join(', ')}`, '');
    if (s.plan.protected.length > 0)
        out.push(`Protected from prune: ${s.plan.protected.slice(0, 50).map(code).join(', ')}`, '');
    for (const line of lfsLines(s.lfs))
        out.push(`> [!WARNING]`, `> ${html(line)}`, '');
    if (s.error) {
        out.push(`**Error:** ${html(s.error)}`, '');
        out.push(`Pushed before the failure: ${s.pushed.length}.`);
        if (s.failed.length > 0) {
            out.push('', '| rejected ref | reason |', '| --- | --- |');
            for (const f of s.failed.slice(0, limit))
                out.push(`| ${code(f.entry.name)} | ${html(f.reason)} |`);
        }
        if (s.notAttempted.length > 0) {
            out.push('', `Not pushed: ${s.notAttempted
                .slice(0, limit)
                .map((e) => code(e.name))
                .join(', ')}`);
        }
        out.push('');
    }
    out.push(`Repository: ${code(s.repositoryUrl)}`, '');
    return out.join('\n');
}
function sha(value, action) {
    if (value === undefined)
        return '';
    return action === 'rewind' ? code(value) : code(value.slice(0, 12));
}
/** Text safe in Markdown and HTML: everything but letters, digits, space and `/.,:-` becomes a character reference. */
function html(text) {
    return text.replace(/[^A-Za-z0-9 /.,:-]/gu, (c) => `&#${c.codePointAt(0)};`);
}
function code(text) {
    return `<code>${html(text)}</code>`;
}

// EXTERNAL MODULE: ./src/common/url.ts
var url = __webpack_require__(3628);
;// CONCATENATED MODULE: ./src/mirror/source.ts
/**
 * The mirror's source: the branches and tags of the checkout's origin (GitHub), with their full history, in the
 * checkout's object store.
 *
 * With a remote named origin, its branches and tags are fetched into a private namespace
 * (refs/aws-cicd/mirror/{heads,tags}/*) — not into refs/remotes (an empty --refmap), not into the checked-out branch,
 * with no change to the work tree or the index — and `--unshallow` when the checkout is shallow (actions/checkout's default depth 1),
 * since CodeCommit needs the whole history ("shallow update not allowed"). The job's token reaches git as an
 * `http.<server>/.extraheader` given through the environment (never argv), replacing the one actions/checkout may
 * have persisted. The namespace is removed again by `cleanup()`.
 *
 * Without an origin the local branches and tags are the source (a full local repository: the CLI's case).
 */





const NAMESPACE = 'refs/aws-cicd/mirror/';
async function readSource(git, options) {
    // The local refs are listed meanwhile: they are the source when there is no origin (and cheap to drop otherwise).
    const local = listRefs(git, ['refs/heads/', 'refs/tags/']);
    local.catch(() => undefined);
    const [shallow, origin] = await Promise.all([isShallow(git), originUrl(git)]);
    if (origin === undefined) {
        if (shallow) {
            throw new errors/* UserError */.yo(`the source ${git.cwd} is a shallow clone without a remote named origin to fetch its history from; ` +
                'clone it in full (fetch-depth: 0)');
        }
        return { refs: await local, unshallowed: false, cleanup: async () => { } };
    }
    const config = tokenConfig(origin, options);
    options.info(`Fetching the branches and tags of ${(0,url/* withoutCredentials */.r)(origin)}${shallow ? ' with their full history (the checkout is shallow)' : ''}`);
    const args = [
        'fetch',
        '--quiet',
        '--no-tags',
        '--prune',
        '--no-write-fetch-head',
        '--no-recurse-submodules',
        ...(shallow ? ['--unshallow'] : []),
        // By the remote's name, so its URL (which may hold a token) stays out of argv; an empty refmap keeps git from
        // also updating refs/remotes/origin/* from what it fetched.
        '--refmap=',
        '--',
        'origin',
        `+refs/heads/*:${NAMESPACE}heads/*`,
        `+refs/tags/*:${NAMESPACE}tags/*`,
    ];
    try {
        await git.run(args, { config });
    }
    catch (error) {
        if (error instanceof mirror_git/* GitError */.XS) {
            throw new errors/* UserError */.yo(`cannot fetch the branches and tags of ${(0,url/* withoutCredentials */.r)(origin)}: ${error.message.replace(/^git .*? failed /, '')}` +
                (options.token ? '' : ' (no github-token was given)'), { cause: error });
        }
        throw error;
    }
    const namespaced = await listRefs(git, [NAMESPACE]);
    const refs = new Map();
    for (const [name, sha] of namespaced)
        refs.set(`refs/${name.slice(NAMESPACE.length)}`, sha);
    return {
        refs,
        origin,
        unshallowed: shallow,
        cleanup: async () => {
            if (namespaced.size === 0)
                return;
            const input = [...namespaced.keys()].map((name) => `delete ${name}\n`).join('');
            await git.run(['update-ref', '--no-deref', '--stdin'], { input });
        },
    };
}
/** A shallow repository has a `shallow` file in its git directory; without a plain `.git` directory, git says. */
async function isShallow(git) {
    const dotGit = (0,external_node_path_.join)(git.cwd, '.git');
    if (isDirectory(dotGit) && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dotGit, 'objects')))
        return (0,external_node_fs_.existsSync)((0,external_node_path_.join)(dotGit, 'shallow'));
    try {
        const { stdout } = await git.run(['rev-parse', '--is-shallow-repository']);
        return stdout.trim() === 'true';
    }
    catch (error) {
        if (error instanceof mirror_git/* GitError */.XS) {
            throw new errors/* UserError */.yo(`the source ${git.cwd} is not a git repository: ${error.result.stderr.trim()}`, {
                cause: error,
            });
        }
        throw error;
    }
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}
async function originUrl(git) {
    const { code, stdout } = await git.run(['config', '--get', 'remote.origin.url'], { okCodes: [0, 1] });
    const url = stdout.trim();
    return code === 0 && url !== '' ? url : undefined;
}
/** `name → object id` of the refs under the prefixes. */
async function listRefs(git, prefixes) {
    const refs = new Map();
    await git.run(['for-each-ref', '--format=%(objectname) %(refname)', '--', ...prefixes], {
        onStdoutLine: (line) => {
            const space = line.indexOf(' ');
            if (space > 0)
                refs.set(line.slice(space + 1), line.slice(0, space));
        },
    });
    return refs;
}
/**
 * `http.<server>/.extraheader` for the token, the first value (empty) clearing what actions/checkout persisted, so
 * exactly one Authorization header is sent. Only for an HTTPS origin on the token's server.
 */
function tokenConfig(origin, options) {
    const token = options.token?.trim();
    if (!token)
        return [];
    const server = (options.serverUrl?.trim() || 'https://github.com').replace(/\/+$/, '');
    if (!origin.toLowerCase().startsWith(`${server.toLowerCase()}/`))
        return [];
    const basic = Buffer.from(`x-access-token:${token}`, 'utf8').toString('base64');
    options.mask(token);
    options.mask(basic);
    const key = `http.${server}/.extraheader`;
    return [
        [key, ''],
        [key, `AUTHORIZATION: basic ${basic}`],
    ];
}

;// CONCATENATED MODULE: ./src/mirror/mirror.ts















/** A mirror that stopped part-way (or refused a rewind); `result` says what was and was not done. */
class MirrorError extends errors/* UserError */.yo {
    result;
    constructor(message, result, options = {}) {
        super(message, options);
        this.result = result;
    }
}
async function mirror(settings, deps) {
    const { log } = deps;
    maskAwsSecrets(deps.env, log);
    const filter = new refs/* RefFilter */.UX(settings);
    const endpoint = (0,codecommit_git/* gitEndpoint */.SL)(settings.region, deps.env);
    const url = (0,codecommit_git/* repositoryUrl */.Ek)(endpoint, settings.repository);
    const gitIn = (cwd) => (0,mirror_git/* createGit */.lD)({
        cwd,
        env: deps.env,
        spawn: deps.spawn,
        onMask: (value) => log.mask(value),
        onCommand: (args) => log.debug(`git ${(0,mirror_git/* describeArgs */.p)(withoutConfig(args))}`),
    });
    const git = gitIn(settings.source);
    const remoteGit = codeCommitGit(git, deps.self, settings.region);
    log.phase?.(`Refs of the source and of CodeCommit ${settings.repository} (${settings.region})`);
    // CodeCommit's refs and the source's, together. CodeCommit's are asked first (with credentials from the
    // environment the request is sent before this yields): a process start blocks this thread for a millisecond or
    // more, and that round trip is what an incremental mirror waits for.
    const remoteLookup = listRemote(remoteGit, url, settings, endpoint, deps);
    remoteLookup.catch(() => undefined); // handled below, after the yield
    await new Promise((resolve) => setImmediate(resolve));
    const sourceLookup = readSource(git, {
        token: settings.githubToken,
        serverUrl: settings.githubServerUrl,
        mask: (v) => log.mask(v),
        info: (m) => log.info(m),
    });
    // Started once the source's refs are read, while CodeCommit's may still be on their way, so the plan's questions
    // about objects cost no process start.
    const [source] = await Promise.allSettled([sourceLookup]);
    const objects = ObjectReader.start(git);
    const [remote] = await Promise.allSettled([remoteLookup]);
    // The repository's record (GetRepository; CreateRepository when it is missing and may be created): its default
    // branch is needed before the push only by a dry run and a repository without branches, otherwise only for the
    // head afterwards, so on an incremental mirror it is read while the push runs.
    let repositoryLookup;
    const repository = () => {
        if (repositoryLookup === undefined) {
            repositoryLookup = lookUpRepository(settings, deps);
            repositoryLookup.catch(() => undefined);
        }
        return repositoryLookup;
    };
    try {
        let remoteRefs;
        let created = false;
        if (remote.status === 'fulfilled') {
            remoteRefs = remote.value;
        }
        else {
            // Missing (HTTP 404) or refused: the record says which, and creates a missing repository when allowed. When
            // it cannot be read either, git's refusal (credentials, permissions, clock) is the better message.
            try {
                ({ created } = await repository());
            }
            catch (error) {
                throw remote.reason instanceof GitRefusal && remote.reason.status !== 404 ? remote.reason : error;
            }
            if (!created)
                throw remote.reason;
            remoteRefs = new Map();
        }
        const sourceRefs = unwrap(source);
        if (created && !settings.dryRun)
            log.info(`Created CodeCommit repository ${settings.repository} in ${settings.region}`);
        log.phase?.('Plan');
        // What will be sent is known before the plan tells updates from rewinds: look for LFS meanwhile.
        const sent = [...sourceRefs.refs]
            .filter(([name, sha]) => filter.mirrors(name) && remoteRefs.get(name) !== sha)
            .map(([name, sha]) => ({ name, sha }));
        const lfsLookup = findLfs(objects, git, sent);
        const [planned, found] = await Promise.allSettled([
            computePlan({
                source: sourceRefs.refs,
                remote: remoteRefs,
                filter,
                prune: settings.prune,
                fastForward: (pairs) => fastForwards(objects, git, pairs),
            }),
            lfsLookup,
        ]);
        const plan = unwrap(planned);
        for (const line of planLines(plan))
            log.info(line);
        // The LFS report only informs: when it cannot be made, the mirror goes on and says so.
        const lfs = found.status === 'fulfilled' ? found.value : [];
        if (found.status === 'rejected') {
            log.warning(`could not look for Git LFS pointers: ${String(found.reason?.message ?? found.reason)}`);
        }
        for (const line of lfsLines(lfs))
            log.warning(line);
        const base = {
            repository: settings.repository,
            region: settings.region,
            repositoryUrl: url,
            grcUrl: (0,codecommit_git/* grcUrl */.gQ)(settings.region, settings.repository),
            created,
            dryRun: settings.dryRun,
            plan,
            lfs,
            origin: sourceRefs.origin,
            unshallowed: sourceRefs.unshallowed,
        };
        const todo = changes(plan);
        const rewinds = todo.filter((e) => e.action === 'rewind');
        if (settings.onRewind === 'fail' && rewinds.length > 0) {
            const result = { ...base, pushed: [], failed: [], notAttempted: todo, pushes: 0 };
            throw new MirrorError(`on-rewind is fail and ${rewinds.length} ref${rewinds.length === 1 ? ' is' : 's are'} not a fast-forward of ` +
                `CodeCommit's: ${rewinds
                    .slice(0, 10)
                    .map((e) => `${e.name} (${e.old} → ${e.new})`)
                    .join(', ')}${rewinds.length > 10 ? ', …' : ''}; nothing was pushed`, result);
        }
        const defaultBranch = async (metadata) => metadata?.defaultBranch ?? (await firstBranch(git, settings, sourceRefs));
        if (settings.dryRun) {
            log.info('Dry run: nothing pushed');
            const branch = await defaultBranch((await repository()).metadata);
            return { ...base, pushed: [], failed: [], notAttempted: [], pushes: 0, ...head(branch, plan, remoteRefs) };
        }
        // Into a repository without branches, the default branch goes first, so CodeCommit makes it its default.
        const hasBranches = [...remoteRefs.keys()].some((name) => (0,refs/* refKind */.WQ)(name) === 'branch');
        const first = hasBranches ? undefined : await defaultBranch((await repository()).metadata);
        const groups = batches(todo, {
            ...(settings.batchSize !== undefined ? { maxRefs: settings.batchSize } : {}),
            ...(first === undefined ? {} : { first: `refs/heads/${first}` }),
        });
        const pushed = [];
        const failed = [];
        let pushes = 0;
        if (groups.length > 0)
            log.phase?.('Push');
        const pushContext = {
            source: git,
            gitIn,
            self: deps.self,
            region: settings.region,
            url,
            localRefs: sourceRefs.refs.size * (sourceRefs.origin ? 2 : 1),
            remoteRefs: remoteRefs.size,
        };
        for (const [index, batch] of groups.entries()) {
            const count = batch.length;
            const label = groups.length > 1 ? ` (push ${index + 1} of ${groups.length})` : '';
            log.info(`Pushing ${count} ref${count === 1 ? '' : 's'} to ${url}${label}`);
            pushes++;
            const pushing = pushBatch(pushContext, batch);
            repository(); // read while git pushes (started after it: preparing the request takes this thread a while)
            const outcome = await pushing;
            pushed.push(...outcome.pushed);
            failed.push(...outcome.failed);
            if (outcome.fatal !== undefined) {
                const notAttempted = [...outcome.notPushed, ...groups.slice(index + 1).flat()];
                throw new MirrorError(`${outcome.fatal}; ${pushed.length} of ${todo.length} ref change${todo.length === 1 ? '' : 's'} pushed, ` +
                    `${failed.length + notAttempted.length} not`, { ...base, pushed, failed, notAttempted, pushes });
            }
        }
        if (failed.length > 0) {
            throw new MirrorError(`CodeCommit rejected ${failed.length} ref${failed.length === 1 ? '' : 's'}: ${failed
                .slice(0, 10)
                .map((f) => `${f.entry.name} (${f.reason})`)
                .join(', ')}; ${pushed.length} of ${todo.length} ref changes pushed`, { ...base, pushed, failed, notAttempted: [], pushes });
        }
        const finalBranch = await branchAfterPush(repository(), todo.length > 0, settings, deps).then((branch) => branch ?? defaultBranch());
        const counts = plan_countPlan(plan.entries);
        log.info(todo.length === 0
            ? 'CodeCommit is up to date'
            : `Mirrored: ${counts.create} created, ${counts.update + counts.rewind} updated, ${counts.delete} deleted`);
        return { ...base, pushed, failed, notAttempted: [], pushes, ...head(finalBranch, plan, remoteRefs) };
    }
    finally {
        await Promise.all([objects.close(), repositoryLookup?.catch(() => undefined)]);
        if (source.status === 'fulfilled') {
            await source.value.cleanup().catch((error) => log.debug(`cleanup: ${String(error)}`));
        }
    }
}
/** The secrets of the environment's AWS credentials, masked before any call. */
function maskAwsSecrets(env, log) {
    for (const name of ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
        const value = env[name]?.trim();
        if (value)
            log.mask(value);
    }
}
/** A command without its leading `-c key=value` options (for debug output). */
function withoutConfig(args) {
    let i = 0;
    while (args[i] === '-c')
        i += 2;
    return args.slice(i);
}
/** git with our credential helper alone (other helpers and extra headers cleared) and HTTP paths in requests. */
function codeCommitGit(git, self, region) {
    const prefix = [
        '-c',
        'credential.helper=',
        '-c',
        `credential.helper=${(0,mirror_git/* credentialHelper */.kn)(self, region)}`,
        '-c',
        'credential.useHttpPath=true',
        '-c',
        'http.extraHeader=',
    ];
    return {
        cwd: git.cwd,
        run: (args, options) => git.run([...prefix, ...args], options),
        start: (args) => git.start([...prefix, ...args]),
    };
}
/**
 * CodeCommit's default branch after the push: the record read before, else (a repository that had none, now given
 * one by the push) read again. The refs are pushed by then: a record that cannot be read is a warning, not a failure.
 */
async function branchAfterPush(repository, pushedSomething, settings, deps) {
    try {
        const { metadata } = await repository;
        if (metadata?.defaultBranch || !pushedSomething)
            return metadata?.defaultBranch;
        return (await (0,codecommit/* getRepository */.TM)(deps.codecommit, settings.repository, settings.region))?.defaultBranch;
    }
    catch (error) {
        deps.log.warning(`could not read the default branch of CodeCommit repository ${settings.repository}: ` +
            `${String(error?.message ?? error)}`);
        return undefined;
    }
}
async function lookUpRepository(settings, deps) {
    const request = {
        name: settings.repository,
        description: settings.description,
        tags: settings.tags,
        kmsKeyId: settings.kmsKeyId,
    };
    if (!settings.dryRun)
        return (0,codecommit/* ensureRepository */.z0)(deps.codecommit, request, settings.region, settings.createRepository);
    const found = await (0,codecommit/* getRepository */.TM)(deps.codecommit, settings.repository, settings.region);
    if (found)
        return { metadata: found, created: false };
    if (!settings.createRepository)
        throw (0,codecommit/* missingRepository */.nE)(settings.repository, settings.region);
    return { created: true };
}
/**
 * CodeCommit's branches and tags: the ref advertisement asked directly (remote-refs.ts), else `git ls-remote --refs`
 * through the credential helper.
 */
async function listRemote(git, url, settings, endpoint, deps) {
    if (deps.discovery !== 'git') {
        const credentials = await (0,codecommit.resolveCredentials)(settings.region, deps.env);
        const answer = await advertisedRefs({
            endpoint,
            repository: settings.repository,
            region: settings.region,
            credentials,
            env: deps.env,
            mask: (value) => deps.log.mask(value),
        });
        if (answer.kind === 'refs')
            return answer.refs;
        if (answer.kind === 'status')
            throw refused(answer.status, settings, endpoint);
        deps.log.debug(`asking git ls-remote for CodeCommit's refs: ${answer.reason}`);
    }
    const refs = new Map();
    try {
        await git.run(['ls-remote', '--refs', '--', url], {
            onStdoutLine: (line) => {
                const tab = line.indexOf('\t');
                if (tab > 0)
                    refs.set(line.slice(tab + 1), line.slice(0, tab));
            },
        });
    }
    catch (error) {
        throw gitFailure(error, settings, endpoint);
    }
    return refs;
}
/** CodeCommit's Git endpoint refusing a request (401, 403) or not knowing the repository (404). */
class GitRefusal extends errors/* UserError */.yo {
    status;
    constructor(status, message, options) {
        super(message, options);
        this.status = status;
    }
}
function refused(status, settings, endpoint, cause) {
    const where = `CodeCommit repository "${settings.repository}" in ${settings.region} (${endpoint.baseUrl})`;
    if (status === 404)
        return new GitRefusal(404, `${where} was not found by its Git endpoint (HTTP 404)`, { cause });
    return new GitRefusal(status, `${where} refused the git credentials (HTTP ${status}): check that the AWS credentials are valid and allow ` +
        'codecommit:GitPull and codecommit:GitPush on the repository, and that the clock is right ' +
        '(the signed password is good for 15 minutes)', { cause });
}
/** A git failure against CodeCommit as a message a user can act on. */
function gitFailure(error, settings, endpoint) {
    if (!(error instanceof mirror_git/* GitError */.XS))
        return error;
    const stderr = error.result.stderr;
    if (/returned error: 403|Authentication failed|could not read (Username|Password)/i.test(stderr)) {
        return refused(403, settings, endpoint, error);
    }
    if (/not found|returned error: 404/i.test(stderr))
        return refused(404, settings, endpoint, error);
    const where = `CodeCommit repository "${settings.repository}" in ${settings.region} (${endpoint.baseUrl})`;
    return new errors/* UserError */.yo(`git failed against ${where}: ${error.message}`, { cause: error });
}
/**
 * Which (old, new) pairs are fast-forwards: a short walk back from the new commit through the object reader answers
 * the usual case (a few new commits); otherwise `git merge-base --is-ancestor` does, answering 0 (yes) or 1 (no), and
 * 128 when CodeCommit's commit is not here at all, which cannot be an ancestor of anything the source has: not one
 * either.
 */
async function fastForwards(objects, git, pairs) {
    // A reader that failed leaves the question to merge-base.
    const walked = await Promise.all(pairs.map((pair) => isAncestor(objects, pair.old, pair.new).catch(() => 'unknown')));
    const out = [];
    for (const [i, pair] of pairs.entries()) {
        const verdict = walked[i];
        if (verdict !== 'unknown') {
            out.push(verdict === true);
            continue;
        }
        const { code } = await git.run(['merge-base', '--is-ancestor', pair.old, pair.new], { okCodes: [0, 1, 128] });
        out.push(code === 0);
    }
    return out;
}
/**
 * Pushes one batch: with explicit refspecs from the source, or from a staging repository (push.ts) that borrows the
 * source's objects and holds only the batch's refs, removed afterwards.
 */
async function pushBatch(ctx, batch) {
    const run = (git, staged) => codeCommitGit(git, ctx.self, ctx.region).run(pushArgs(ctx.url, batch, staged), { okCodes: [0, 1, 128] });
    let result;
    if (!useStaging(batch, ctx.localRefs, ctx.remoteRefs)) {
        result = await run(ctx.source, false);
    }
    else {
        const objects = (await ctx.source.run(['rev-parse', '--path-format=absolute', '--git-path', 'objects'])).stdout;
        const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'aws-cicd-push-'));
        try {
            await ctx.source.run(['init', '--bare', '--quiet', '--template=', dir]);
            (0,external_node_fs_.writeFileSync)((0,external_node_path_.join)(dir, 'objects', 'info', 'alternates'), `${objects.trim()}\n`);
            const staging = ctx.gitIn(dir);
            const refs = stagingRefs(batch);
            if (refs !== '')
                await staging.run(['update-ref', '--stdin'], { input: refs });
            result = await run(staging, true);
        }
        finally {
            (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        }
    }
    const { code, stdout, stderr } = result;
    const results = parsePorcelain(stdout);
    const pushed = [];
    const failed = [];
    const notPushed = [];
    for (const entry of batch) {
        const result = results.get(entry.name);
        if (succeeded(result))
            pushed.push(entry);
        else if (result !== undefined)
            failed.push({ entry, reason: result.summary.replace(/^\[rejected\]\s*/, '') });
        else
            notPushed.push(entry);
    }
    if (code === 0 || (code === 1 && notPushed.length === 0))
        return { pushed, failed, notPushed };
    const reason = pushFailureReason(stderr);
    return { pushed, failed, notPushed, fatal: reason };
}
function pushFailureReason(stderr) {
    if (/returned error: 403|Authentication failed/i.test(stderr)) {
        return 'CodeCommit refused the git credentials (HTTP 403): check codecommit:GitPush and the clock';
    }
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('To '));
    return `git push failed: ${lines.slice(-4).join(' | ') || 'no output'}`;
}
/** The branch to push first into an empty repository: the setting, origin's HEAD, or the checked-out branch. */
async function firstBranch(git, settings, source) {
    const candidates = [];
    if (settings.defaultBranch)
        candidates.push(settings.defaultBranch);
    for (const ref of ['refs/remotes/origin/HEAD', 'HEAD']) {
        const { code, stdout } = await git.run(['symbolic-ref', '-q', ref], { okCodes: [0, 1, 128] });
        const target = stdout.trim();
        if (code !== 0 || target === '')
            continue;
        candidates.push(target.replace(/^refs\/remotes\/origin\//, '').replace(/^refs\/heads\//, ''));
    }
    candidates.push('main', 'master');
    return candidates.find((b) => source.refs.has(`refs/heads/${b}`));
}
/** The default branch and its commit on CodeCommit after the mirror (the plan's, else what CodeCommit had). */
function head(branch, plan, remote) {
    if (branch === undefined)
        return {};
    const name = `refs/heads/${branch}`;
    const entry = plan.entries.find((e) => e.name === name);
    const sha = entry === undefined ? remote.get(name) : entry.action === 'delete' ? undefined : (entry.new ?? entry.old);
    return { defaultBranch: branch, ...(sha ? { headSha: sha } : {}) };
}
function unwrap(result) {
    if (result.status === 'rejected')
        throw result.reason;
    return result.value;
}


/***/ })

};
