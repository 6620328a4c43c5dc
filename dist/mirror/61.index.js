export const id = 61;
export const ids = [61,305];
export const modules = {

/***/ 4061:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  defaultDeps: () => (/* binding */ defaultDeps),
  run: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/aws/codecommit.ts
var codecommit = __webpack_require__(4305);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/common/errors.ts
var common_errors = __webpack_require__(1922);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/common/workflow-commands.ts
/**
 * Escaping for GitHub Actions workflow commands (`::error file=…::message`). Data escapes %, CR and LF so a
 * value can never end the command early or start a new one; properties also escape `:` and `,`.
 */
function escapeData(value) {
    return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(value) {
    return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

;// CONCATENATED MODULE: ./src/common/workflow-log.ts
/**
 * A GitHub Actions job log that build output cannot take over. A build prints whatever it likes, including text
 * that looks like a workflow command (`::add-mask::`, `::error::`, `::set-output`, `::stop-commands::`…); here
 * every line of it is written between `::stop-commands::<token>` and `::<token>::`, with a random token per run, so
 * the runner reads it as plain text. Our own commands (groups, annotations, warnings) are written outside.
 */


class WorkflowLog {
    out;
    token;
    stopped = false;
    grouped = false;
    atLineStart = true;
    constructor(out, token = (0,external_node_crypto_.randomBytes)(16).toString('hex')) {
        this.out = out;
        this.token = token;
    }
    /** A line of build output, shown verbatim and never read as a command. */
    line(text) {
        this.raw(text.replace(/\r?\n$/, '') + '\n');
    }
    /** Build output as it comes (any bytes, partial lines too), never read as a command; the stream's result. */
    raw(chunk) {
        if (!this.stopped) {
            this.startLine();
            this.write(`::stop-commands::${this.token}\n`);
            this.stopped = true;
        }
        return this.write(chunk);
    }
    /**
     * A line of ours that needs no command (it may land inside a stop-commands section, which is harmless). Text that
     * the runner could read as a command (see `inert`) is written inside one.
     */
    info(text) {
        if (!inert(text))
            return this.line(text);
        this.startLine();
        this.write(text + '\n');
    }
    /**
     * A status line of ours, outside build output. It often carries names from inputs or from AWS (a key, a message),
     * so text the runner could read as a command is written inside a stop-commands section, as plain text.
     */
    status(text) {
        if (!inert(text))
            return this.line(text);
        this.resume();
        this.write(text + '\n');
    }
    /** A workflow command of ours, on a line of its own, outside any stop-commands section. */
    command(text) {
        this.resume();
        this.startLine();
        this.write(text + '\n');
    }
    /**
     * Registers a secret with the runner (`::add-mask::`), outside any stop-commands section: inside one the runner
     * would not read it and would show the value instead. A multi-line value is also registered line by line, since
     * the runner masks line by line what a step prints.
     */
    mask(value) {
        if (value === '')
            return;
        const lines = value.split(/\r?\n/).filter((line) => line.trim().length >= 4);
        for (const part of new Set([value, ...(lines.length > 1 ? lines : [])])) {
            this.command(`::add-mask::${escapeData(part)}`);
        }
    }
    openGroup(title) {
        if (this.grouped)
            this.closeGroup();
        this.command(`::group::${escapeData(title)}`);
        this.grouped = true;
    }
    closeGroup() {
        if (!this.grouped)
            return;
        this.command('::endgroup::');
        this.grouped = false;
    }
    warning(message) {
        this.command(`::warning::${escapeData(message)}`);
    }
    debug(message) {
        this.command(`::debug::${escapeData(message)}`);
    }
    /** An error annotation, on a file when given. */
    error(message, properties = {}) {
        const props = [
            properties.file !== undefined ? `file=${escapeProperty(properties.file)}` : undefined,
            properties.title !== undefined ? `title=${escapeProperty(properties.title)}` : undefined,
        ].filter((p) => p !== undefined);
        this.command(`::error${props.length > 0 ? ' ' + props.join(',') : ''}::${escapeData(message)}`);
    }
    /** Ends the stop-commands section and any open group, so whatever is written next is read as commands again. */
    resume() {
        if (!this.stopped)
            return;
        this.startLine();
        this.write(`::${this.token}::\n`);
        this.stopped = false;
    }
    /** Ends a partial line of output, so what follows starts a line (commands are only read at a line start). */
    startLine() {
        if (!this.atLineStart)
            this.write('\n');
    }
    write(chunk) {
        if (chunk.length > 0) {
            const last = typeof chunk === 'string' ? chunk.charCodeAt(chunk.length - 1) : chunk[chunk.length - 1];
            this.atLineStart = last === 0x0a;
        }
        return this.out.write(chunk) !== false;
    }
    close() {
        this.closeGroup();
        this.resume();
    }
}
/**
 * Whether the runner would read this text as nothing but text: one line, not starting with `::` once leading
 * whitespace is trimmed (the runner trims it), and without the legacy `##[command]` form, which the runner finds
 * anywhere in a line.
 */
function inert(text) {
    return !/[\r\n]/.test(text) && !text.trimStart().startsWith('::') && !text.includes('##[');
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/common/shell.ts
/** Single-quotes text for any POSIX shell (git runs `!` helpers with sh, also on Windows). */
function shellQuote(text) {
    return `'${text.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./src/mirror/git.ts
/**
 * The one way the mirror runs git (like actions/checkout's git command manager): `createGit` gives a runner bound to a
 * repository directory and an environment; every call is an argument array (never a shell string), and the spawner
 * is injectable so tests can record or replace what runs.
 *
 * The environment is the caller's with what makes git safe to run unattended: no terminal prompt, no credential
 * manager UI, no curl tracing that could print an Authorization header, and none of GIT_DIR/GIT_WORK_TREE that
 * would point git elsewhere. Extra configuration (the GitHub token's header) goes through GIT_CONFIG_COUNT /
 * GIT_CONFIG_KEY_n / GIT_CONFIG_VALUE_n, never argv.
 *
 * Credential helpers may write `::add-mask::<value>` on stderr (ours does under GitHub Actions): such lines are taken
 * out of the captured stderr and handed to `onMask`, so the value is masked before anything could print it.
 */



class GitError extends Error {
    args;
    result;
    constructor(args, result) {
        super(`git ${describeArgs(args)} failed (exit ${result.code}): ${lastLines(result.stderr)}`);
        this.args = args;
        this.result = result;
        this.name = 'GitError';
    }
}
/** Variables dropped from git's environment. */
const DROPPED = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_NAMESPACE',
    'GIT_TRACE_CURL',
    'GIT_TRACE_CURL_NO_DATA',
    'GIT_CURL_VERBOSE',
    'GIT_TRACE_PACKET',
    'GIT_ASKPASS',
    'SSH_ASKPASS',
];
function gitEnvironment(env) {
    const out = { ...env };
    for (const name of DROPPED)
        delete out[name];
    out.GIT_TERMINAL_PROMPT = '0';
    out.GCM_INTERACTIVE = 'never';
    out.GIT_TRACE_REDACT = '1';
    return out;
}
/** The environment with `config` appended to any GIT_CONFIG_COUNT entries already there. */
function withConfig(env, config) {
    if (config.length === 0)
        return env;
    const out = { ...env };
    const start = /^\d+$/.test(env.GIT_CONFIG_COUNT ?? '') ? Number(env.GIT_CONFIG_COUNT) : 0;
    config.forEach(([key, value], i) => {
        out[`GIT_CONFIG_KEY_${start + i}`] = key;
        out[`GIT_CONFIG_VALUE_${start + i}`] = value;
    });
    out.GIT_CONFIG_COUNT = String(start + config.length);
    return out;
}
const MASK_LINE = /^::add-mask::(.+)$/;
function createGit(options) {
    const spawner = options.spawn ?? ((command, args, opts) => (0,external_node_child_process_.spawn)(command, args, opts));
    const baseEnv = gitEnvironment(options.env);
    const spawnGit = (args, env) => spawner(options.command ?? 'git', [...args], {
        cwd: options.cwd,
        env,
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
    });
    return {
        cwd: options.cwd,
        start(args) {
            options.onCommand?.(args);
            return spawnGit(args, baseEnv);
        },
        run(args, runOptions = {}) {
            options.onCommand?.(args);
            const env = withConfig(baseEnv, runOptions.config ?? []);
            return new Promise((resolve, reject) => {
                let child;
                try {
                    child = spawnGit(args, env);
                }
                catch (error) {
                    reject(error);
                    return;
                }
                const out = [];
                let pending = '';
                let stderr = '';
                let errPending = '';
                const takeErrLine = (line) => {
                    const mask = MASK_LINE.exec(line);
                    if (mask && options.onMask)
                        options.onMask(mask[1]);
                    else
                        stderr += line + '\n';
                };
                child.stdout?.on('data', (chunk) => {
                    if (!runOptions.onStdoutLine) {
                        out.push(chunk);
                        return;
                    }
                    pending += chunk.toString('utf8');
                    const lines = pending.split('\n');
                    pending = lines.pop() ?? '';
                    for (const line of lines)
                        runOptions.onStdoutLine(line);
                });
                child.stderr?.on('data', (chunk) => {
                    errPending += chunk.toString('utf8');
                    const lines = errPending.split('\n');
                    errPending = lines.pop() ?? '';
                    for (const line of lines)
                        takeErrLine(line);
                });
                child.stdin?.on('error', () => undefined);
                child.on('error', reject);
                child.on('close', (code, signal) => {
                    if (pending !== '')
                        runOptions.onStdoutLine?.(pending);
                    if (errPending !== '')
                        takeErrLine(errPending);
                    const result = {
                        code: code ?? (signal ? 128 : 1),
                        stdout: Buffer.concat(out).toString('utf8'),
                        stderr,
                    };
                    if ((runOptions.okCodes ?? [0]).includes(result.code))
                        resolve(result);
                    else
                        reject(new GitError(args, result));
                });
                child.stdin?.end(runOptions.input ?? '');
            });
        },
    };
}
/** A short form of a command for messages: long refspec lists are counted, not listed. */
function describeArgs(args) {
    const quote = (a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a));
    if (args.length <= 12)
        return args.map(quote).join(' ');
    return `${args.slice(0, 10).map(quote).join(' ')} … (${args.length - 10} more)`;
}
function lastLines(text, count = 6) {
    const lines = text
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l !== '');
    return lines.slice(-count).join(' | ') || '(no output)';
}
/**
 * The credential.helper value that makes git call us back: a shell function (git runs `!` helpers with sh, also on
 * Windows, appending the operation) that starts `<node> [loader flags] <script> git-credential [--region R] get`
 * for `get` only: `store` and `erase`, which git sends after each invocation, would only start a process that does
 * nothing. `self` is the command that runs this program, as selfCommand() gives it; every part is single-quoted.
 */
function credentialHelper(self, region) {
    const command = [...self, 'git-credential', ...(region ? ['--region', region] : [])].map(shellQuote).join(' ');
    return `!f() { test "$1" = get || exit 0; exec ${command} "$@"; }; f`;
}
/**
 * The command that runs this program again: the node binary, the loader flags it was started with (tsx in tests
 * and in the security harness), and the entry script (dist/mirror/index.js, dist/cli/index.js).
 */
function selfCommand(execPath = process.execPath, execArgv = process.execArgv, script = process.argv[1]) {
    if (!script)
        throw new Error('no entry script to run the credential helper with');
    const kept = [];
    for (let i = 0; i < execArgv.length; i++) {
        const arg = execArgv[i];
        if (/^--(import|require|loader|experimental-loader)$/.test(arg) || arg === '-r') {
            const value = execArgv[i + 1];
            if (value !== undefined)
                kept.push(arg, value);
            i++;
        }
        else if (/^--(import|require|loader|experimental-loader)=/.test(arg)) {
            kept.push(arg);
        }
    }
    return [execPath, ...kept, script];
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/aws/codecommit-git.ts
var codecommit_git = __webpack_require__(1156);
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

;// CONCATENATED MODULE: ./src/mirror/refs.ts
/**
 * Which refs a mirror carries: branches (refs/heads/*) and tags (refs/tags/*), never refs/pull/*, refs/remotes/*,
 * HEAD or anything else, narrowed by include / exclude patterns; `protect` patterns keep refs from being pruned.
 *
 * Patterns: one that starts with `refs/` matches the full ref name (`refs/tags/v*`); any other matches the short name
 * of branches and tags alike (`main`, `release/*`, `v1.*`). `*` and `?` stop at `/`; `**` crosses it.
 */

const BRANCH_PREFIX = 'refs/heads/';
const TAG_PREFIX = 'refs/tags/';
/** The kind of a mirrored ref; undefined for everything a mirror never touches. */
function refKind(name) {
    if (name.startsWith(BRANCH_PREFIX) && name.length > BRANCH_PREFIX.length)
        return 'branch';
    if (name.startsWith(TAG_PREFIX) && name.length > TAG_PREFIX.length)
        return 'tag';
    return undefined;
}
function shortName(name) {
    if (name.startsWith(BRANCH_PREFIX))
        return name.slice(BRANCH_PREFIX.length);
    if (name.startsWith(TAG_PREFIX))
        return name.slice(TAG_PREFIX.length);
    return name;
}
function compilePattern(text, what) {
    const pattern = text.trim();
    if (pattern === '' || /[\s\\[~^:]/.test(pattern) || pattern.includes('..')) {
        throw new common_errors/* UserError */.yo(`${what}: "${text}" is not a ref pattern (no spaces, \\, [, ~, ^, : or ..)`);
    }
    const full = pattern.startsWith('refs/');
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*') {
            source += '.*';
            i++;
        }
        else if (c === '*')
            source += '[^/]*';
        else if (c === '?')
            source += '[^/]';
        else
            source += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    const re = new RegExp(`^${source}$`);
    return { text: pattern, test: (name) => re.test(full ? name : shortName(name)) };
}
class RefFilter {
    include;
    exclude;
    protect;
    constructor(spec) {
        this.include = spec.include.map((p) => compilePattern(p, 'include'));
        this.exclude = spec.exclude.map((p) => compilePattern(p, 'exclude'));
        this.protect = spec.protect.map((p) => compilePattern(p, 'protect'));
    }
    /** A branch or tag the mirror carries: included (everything when no include is given) and not excluded. */
    mirrors(name) {
        if (refKind(name) === undefined)
            return false;
        if (this.include.length > 0 && !this.include.some((p) => p.test(name)))
            return false;
        return !this.exclude.some((p) => p.test(name));
    }
    isProtected(name) {
        return this.protect.some((p) => p.test(name));
    }
}

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
        const kind = refKind(name);
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
        const kind = refKind(name);
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
function countPlan(entries) {
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
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
// EXTERNAL MODULE: ./src/aws/config.ts + 1 modules
var config = __webpack_require__(7326);
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
    const counts = countPlan(plan.entries);
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

;// CONCATENATED MODULE: ./src/common/url.ts
/**
 * A remote URL without credentials: `https://user:token@host/x` → `https://host/x` (for http(s) the user name alone
 * is often a token, so it goes too); other schemes (`ssh://git@host/x`) keep the user name and lose any password.
 * scp-like `git@host:owner/repo.git` and local paths have no password and stay as they are.
 */
function withoutCredentials(url) {
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url);
    // scp-like `user:password@host:path` is not something git reads as a password, but never print one anyway.
    if (scheme === null)
        return url.replace(/^([^@/:]*):[^@/]*@/, '$1@');
    const rest = url.slice(scheme[0].length);
    const authorityEnd = rest.search(/[/?#]/);
    const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
    const at = authority.lastIndexOf('@');
    if (at < 0)
        return url;
    const userinfo = authority.slice(0, at);
    const host = authority.slice(at + 1);
    const web = /^(https?|ftps?)$/i.test(scheme[1]);
    const colon = userinfo.indexOf(':');
    const kept = web ? '' : `${colon < 0 ? userinfo : userinfo.slice(0, colon)}@`;
    return `${scheme[0]}${kept}${host}${authorityEnd < 0 ? '' : rest.slice(authorityEnd)}`;
}

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
            throw new common_errors/* UserError */.yo(`the source ${git.cwd} is a shallow clone without a remote named origin to fetch its history from; ` +
                'clone it in full (fetch-depth: 0)');
        }
        return { refs: await local, unshallowed: false, cleanup: async () => { } };
    }
    const config = tokenConfig(origin, options);
    options.info(`Fetching the branches and tags of ${withoutCredentials(origin)}${shallow ? ' with their full history (the checkout is shallow)' : ''}`);
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
        if (error instanceof GitError) {
            throw new common_errors/* UserError */.yo(`cannot fetch the branches and tags of ${withoutCredentials(origin)}: ${error.message.replace(/^git .*? failed /, '')}` +
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
        if (error instanceof GitError) {
            throw new common_errors/* UserError */.yo(`the source ${git.cwd} is not a git repository: ${error.result.stderr.trim()}`, {
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
class MirrorError extends common_errors/* UserError */.yo {
    result;
    constructor(message, result, options = {}) {
        super(message, options);
        this.result = result;
    }
}
async function mirror(settings, deps) {
    const { log } = deps;
    maskAwsSecrets(deps.env, log);
    const filter = new RefFilter(settings);
    const endpoint = (0,codecommit_git/* gitEndpoint */.SL)(settings.region, deps.env);
    const url = (0,codecommit_git/* repositoryUrl */.Ek)(endpoint, settings.repository);
    const gitIn = (cwd) => createGit({
        cwd,
        env: deps.env,
        spawn: deps.spawn,
        onMask: (value) => log.mask(value),
        onCommand: (args) => log.debug(`git ${describeArgs(withoutConfig(args))}`),
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
        const hasBranches = [...remoteRefs.keys()].some((name) => refKind(name) === 'branch');
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
        const counts = countPlan(plan.entries);
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
        `credential.helper=${credentialHelper(self, region)}`,
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
class GitRefusal extends common_errors/* UserError */.yo {
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
    if (!(error instanceof GitError))
        return error;
    const stderr = error.result.stderr;
    if (/returned error: 403|Authentication failed|could not read (Username|Password)/i.test(stderr)) {
        return refused(403, settings, endpoint, error);
    }
    if (/not found|returned error: 404/i.test(stderr))
        return refused(404, settings, endpoint, error);
    const where = `CodeCommit repository "${settings.repository}" in ${settings.region} (${endpoint.baseUrl})`;
    return new common_errors/* UserError */.yo(`git failed against ${where}: ${error.message}`, { cause: error });
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

;// CONCATENATED MODULE: ./src/actions/build/runner-io.ts
/**
 * The few runner interfaces the build action uses — inputs, outputs, state, the job summary, the step's failure — as
 * @actions/core implements them (INPUT_*, STATE_*, the GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files with
 * `name<<ghadelimiter_<uuid>` records). Written out here because importing @actions/core loads its OIDC HTTP client
 * (undici), which costs this action about a third of its cold start.
 */



function getInput(name, env = process.env) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function getState(name, env = process.env) {
    return env[`STATE_${name}`] ?? '';
}
function setOutput(name, value, env = process.env) {
    fileCommand('GITHUB_OUTPUT', 'set-output', name, value, env);
}
function saveState(name, value, env = process.env) {
    fileCommand('GITHUB_STATE', 'save-state', name, value, env);
}
/** Appends to the job summary; without GITHUB_STEP_SUMMARY (a local run) there is none. */
async function appendSummary(markdown, env = process.env) {
    const file = env.GITHUB_STEP_SUMMARY;
    if (file)
        (0,external_node_fs_.appendFileSync)(file, markdown.endsWith('\n') ? markdown : markdown + '\n', 'utf8');
}
/** Fails the step: exit code 1 and an error annotation. */
function setFailed(message, out = process.stdout) {
    process.exitCode = 1;
    out.write(`::error::${escapeData(message)}\n`);
}
function fileCommand(variable, command, name, value, env) {
    const file = env[variable];
    if (!file) {
        process.stdout.write(`\n::${command} name=${escapeProperty(name)}::${escapeData(value)}\n`);
        return;
    }
    const delimiter = `ghadelimiter_${(0,external_node_crypto_.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error('unexpected delimiter in a file command');
    (0,external_node_fs_.appendFileSync)(file, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
}

;// CONCATENATED MODULE: ./src/mirror/tags.ts

/** KEY=VALUE lines → tags of a created CodeCommit repository (keys 1-128 characters, not aws:…; values up to 256). */
function parseTags(lines, what) {
    const out = {};
    lines.forEach((line, index) => {
        const eq = line.indexOf('=');
        const key = eq < 0 ? '' : line.slice(0, eq).trim();
        const value = eq < 0 ? '' : line.slice(eq + 1).trim();
        if (key === '' || key.length > 128 || value.length > 256 || key.toLowerCase().startsWith('aws:')) {
            throw new common_errors/* UserError */.yo(`${what}, line ${index + 1}: expected KEY=VALUE (key 1-128 characters, not starting with aws:, ` +
                `value up to 256); got "${line}"`);
        }
        out[key] = value;
    });
    return out;
}

;// CONCATENATED MODULE: ./src/actions/common/inputs.ts

class InputReader {
    raw;
    constructor(raw) {
        this.raw = raw;
    }
    /** Trimmed text; "" when not given. */
    string(name) {
        return this.raw(name).trim();
    }
    optional(name) {
        const value = this.string(name);
        return value === '' ? undefined : value;
    }
    required(name) {
        const value = this.string(name);
        if (value === '')
            throw new common_errors/* UserError */.yo(`input "${name}" is required`);
        return value;
    }
    /** YAML-style booleans as CodeBuild and GitHub users write them: true/false, yes/no, on/off, 1/0. */
    boolean(name, fallback) {
        const value = this.string(name).toLowerCase();
        if (value === '')
            return fallback;
        if (['true', 'yes', 'on', '1'].includes(value))
            return true;
        if (['false', 'no', 'off', '0'].includes(value))
            return false;
        throw new common_errors/* UserError */.yo(`input "${name}" must be true or false; got "${this.string(name)}"`);
    }
    integer(name, fallback, range) {
        const text = this.string(name);
        if (text === '')
            return fallback;
        if (!/^\d+$/.test(text))
            throw new common_errors/* UserError */.yo(`input "${name}" must be a whole number; got "${text}"`);
        const value = Number(text);
        if (value < range.min || value > range.max) {
            throw new common_errors/* UserError */.yo(`input "${name}" must be between ${range.min} and ${range.max}; got ${value}`);
        }
        return value;
    }
    oneOf(name, allowed, fallback) {
        const value = this.string(name);
        if (value === '')
            return fallback;
        if (!allowed.includes(value)) {
            throw new common_errors/* UserError */.yo(`input "${name}" must be one of ${allowed.join(', ')}; got "${value}"`);
        }
        return value;
    }
    /** An AWS region name (us-east-1, us-gov-west-1, cn-north-1, …), or undefined when not given. */
    region(name) {
        return this.matching(name, REGION, 'an AWS region name such as us-east-1');
    }
    /** The trimmed value when it matches the pattern, undefined when not given; else a UserError naming the form. */
    matching(name, pattern, form) {
        const value = this.optional(name);
        if (value !== undefined && !pattern.test(value)) {
            throw new common_errors/* UserError */.yo(`input "${name}" must be ${form}; got "${value}"`);
        }
        return value;
    }
    /** Non-empty lines, trimmed; lines starting with # are comments. */
    lines(name) {
        return this.raw(name)
            .split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== '' && !line.startsWith('#'));
    }
    /** Multi-line NAME=VALUE pairs (value may contain `=`; kept verbatim after the first `=`), in order. */
    pairs(name) {
        return this.lines(name).map((line, index) => {
            const eq = line.indexOf('=');
            const key = eq < 0 ? '' : line.slice(0, eq).trim();
            if (!isVariableName(key)) {
                throw new common_errors/* UserError */.yo(`input "${name}", line ${index + 1}: expected NAME=VALUE with NAME made of letters, digits and _; got "${eq < 0 ? line : key}"`);
            }
            return [key, line.slice(eq + 1)];
        });
    }
}
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
function isVariableName(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

;// CONCATENATED MODULE: ./src/actions/mirror/inputs.ts








/** Input names exactly as in actions/mirror/action.yml. */
var Inputs;
(function (Inputs) {
    Inputs["Repository"] = "repository";
    Inputs["Region"] = "region";
    Inputs["Source"] = "source";
    Inputs["Include"] = "include";
    Inputs["Exclude"] = "exclude";
    Inputs["Prune"] = "prune";
    Inputs["Protect"] = "protect";
    Inputs["OnRewind"] = "on-rewind";
    Inputs["DryRun"] = "dry-run";
    Inputs["CreateRepository"] = "create-repository";
    Inputs["RepositoryDescription"] = "repository-description";
    Inputs["KmsKeyId"] = "kms-key-id";
    Inputs["Tags"] = "tags";
    Inputs["GithubToken"] = "github-token";
})(Inputs || (Inputs = {}));
var Outputs;
(function (Outputs) {
    Outputs["RepositoryUrl"] = "repository-url";
    Outputs["GrcUrl"] = "grc-url";
    Outputs["RefsCreated"] = "refs-created";
    Outputs["RefsUpdated"] = "refs-updated";
    Outputs["RefsDeleted"] = "refs-deleted";
    Outputs["HeadSha"] = "head-sha";
})(Outputs || (Outputs = {}));
/** Reads and checks the inputs (nothing here calls AWS or git). `env` is the runner's environment. */
function readMirrorInputs(raw, env) {
    const input = new InputReader(raw);
    const target = (0,codecommit_git/* parseTarget */.hu)(input.required(Inputs.Repository), `input "${Inputs.Repository}"`);
    const explicitRegion = input.optional(Inputs.Region);
    if (explicitRegion && target.region && explicitRegion !== target.region) {
        throw new common_errors/* UserError */.yo(`input "${Inputs.Region}" is ${explicitRegion} but input "${Inputs.Repository}" names ${target.region}`);
    }
    const region = (0,config/* resolveRegion */.Zv)(explicitRegion ?? target.region, env);
    const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
    const description = input.optional(Inputs.RepositoryDescription);
    if (description !== undefined && description.length > 1000) {
        throw new common_errors/* UserError */.yo(`input "${Inputs.RepositoryDescription}" is longer than CodeCommit's 1,000 characters`);
    }
    const token = input.optional(Inputs.GithubToken);
    return {
        repository: target.repository,
        region,
        source: (0,external_node_path_.resolve)(workspace, input.string(Inputs.Source) || '.'),
        include: patterns(input, Inputs.Include),
        exclude: patterns(input, Inputs.Exclude),
        prune: input.boolean(Inputs.Prune, false),
        protect: patterns(input, Inputs.Protect),
        onRewind: input.oneOf(Inputs.OnRewind, ['allow', 'fail'], 'allow'),
        dryRun: input.boolean(Inputs.DryRun, false),
        createRepository: input.boolean(Inputs.CreateRepository, false),
        ...(description !== undefined ? { description } : {}),
        ...(input.optional(Inputs.KmsKeyId) !== undefined ? { kmsKeyId: input.optional(Inputs.KmsKeyId) } : {}),
        tags: parseTags(input.lines(Inputs.Tags), `input "${Inputs.Tags}"`),
        ...(token !== undefined ? { githubToken: token } : {}),
        ...(env.GITHUB_SERVER_URL ? { githubServerUrl: env.GITHUB_SERVER_URL } : {}),
        ...defaultBranch(env),
    };
}
/** Patterns one per line (or separated by spaces: a ref name has none); each is checked here. */
function patterns(input, name) {
    const list = input.lines(name).flatMap((line) => line.split(/\s+/).filter((p) => p !== ''));
    for (const p of list)
        compilePattern(p, `input "${name}"`);
    return list;
}
/** GitHub's default branch from the event payload, pushed first into an empty repository. */
function defaultBranch(env) {
    if (!env.GITHUB_EVENT_PATH)
        return {};
    try {
        const payload = JSON.parse((0,external_node_fs_.readFileSync)(env.GITHUB_EVENT_PATH, 'utf8'));
        const branch = payload.repository?.default_branch;
        return typeof branch === 'string' && branch !== '' ? { defaultBranch: branch } : {};
    }
    catch {
        return {};
    }
}

;// CONCATENATED MODULE: ./src/actions/mirror/main.ts











function defaultDeps() {
    return {
        getInput: (name) => getInput(name),
        env: process.env,
        stdout: process.stdout,
        setOutput: (name, value) => setOutput(name, value),
        setFailed: (message) => setFailed(message),
        writeSummary: (markdown) => appendSummary(markdown),
    };
}
/** The mirror action: GitHub branches and tags into CodeCommit, with the plan in the log and the job summary. */
async function run(deps) {
    const log = new WorkflowLog(deps.stdout);
    const mirrorLog = {
        info: (message) => log.info(message),
        warning: (message) => log.warning(message),
        debug: (message) => log.debug(message),
        mask: (value) => log.command(`::add-mask::${escapeData(value)}`),
        phase: (title) => log.openGroup(title),
    };
    let client = deps.codecommit;
    try {
        const settings = readMirrorInputs(deps.getInput, deps.env);
        // The token is masked before anything can print it, even before the first call.
        if (settings.githubToken)
            mirrorLog.mask(settings.githubToken);
        client ??= (0,codecommit/* createCodeCommitClient */.GH)({ region: settings.region, env: deps.env });
        try {
            const result = await mirror(settings, {
                codecommit: client,
                env: deps.env,
                self: deps.self ?? selfCommand(),
                log: mirrorLog,
                spawn: deps.spawn,
            });
            log.close();
            setOutputs(result, deps);
            await deps.writeSummary(summaryMarkdown({ ...result }));
            return result;
        }
        catch (error) {
            if (!(error instanceof MirrorError))
                throw error;
            log.close();
            setOutputs(error.result, deps);
            await deps.writeSummary(summaryMarkdown({ ...error.result, error: error.message }));
            deps.setFailed(error.message);
            return error.result;
        }
    }
    catch (error) {
        log.close();
        deps.setFailed((0,common_errors/* describeError */.Uc)((0,errors/* toUserError */.dZ)(error)));
        return undefined;
    }
    finally {
        log.close();
        if (deps.codecommit === undefined)
            client?.destroy?.();
    }
}
/** Outputs: counts of what was pushed (in a dry run, of what would be). */
function setOutputs(result, deps) {
    const done = result.dryRun ? result.plan.entries : result.pushed;
    const counts = countPlan(done);
    deps.setOutput(Outputs.RepositoryUrl, result.repositoryUrl);
    deps.setOutput(Outputs.GrcUrl, result.grcUrl);
    deps.setOutput(Outputs.RefsCreated, String(counts.create));
    deps.setOutput(Outputs.RefsUpdated, String(counts.update + counts.rewind));
    deps.setOutput(Outputs.RefsDeleted, String(counts.delete));
    deps.setOutput(Outputs.HeadSha, result.headSha ?? '');
}


/***/ }),

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

/***/ 4305:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GH: () => (/* binding */ createCodeCommitClient),
/* harmony export */   TM: () => (/* binding */ getRepository),
/* harmony export */   nE: () => (/* binding */ missingRepository),
/* harmony export */   resolveCredentials: () => (/* binding */ resolveCredentials),
/* harmony export */   z0: () => (/* binding */ ensureRepository)
/* harmony export */ });
/* unused harmony export createRepository */
/* harmony import */ var _aws_sdk_client_codecommit__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5529);
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/* harmony import */ var _codecommit_git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1156);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7326);
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

/***/ 7326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Xm: () => (/* binding */ AWS_CICD_VERSION),
  yO: () => (/* binding */ clientConfig),
  Zv: () => (/* binding */ resolveRegion)
});

// UNUSED EXPORTS: DEFAULT_MAX_ATTEMPTS, FOLLOW_MAX_ATTEMPTS, USER_AGENT, credentialsFromEnv, endpointFromEnv, followClientOptions

// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/retry.ts

const DEFAULT_BASE_DELAY_MS = 100;
const DEFAULT_THROTTLING_BASE_DELAY_MS = 500;
const DEFAULT_MAX_DELAY_MS = 20_000;
const BUDGET = 500;
const THROTTLING_COST = 5;
const RETRY_COST = 10;
const SUCCESS_REFILL = 1;
const realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class Token {
    count;
    cost;
    $retryLog;
    constructor(count, cost, delay = 0) {
        this.count = count;
        this.cost = cost;
        this.$retryLog = { acquisitionDelay: delay };
    }
    getRetryCount() {
        return this.count;
    }
    /** The strategy has slept already. */
    getRetryDelay() {
        return 0;
    }
    getRetryCost() {
        return this.cost;
    }
}
class BackoffRetryStrategy {
    options;
    mode = 'standard';
    budget = BUDGET;
    sleep;
    random;
    constructor(options) {
        this.options = options;
        this.sleep = options.sleep ?? realSleep;
        this.random = options.random ?? Math.random;
    }
    async acquireInitialRetryToken() {
        return new Token(0, undefined);
    }
    async refreshRetryTokenForRetry(token, info) {
        const retries = token.getRetryCount();
        const throttled = info.errorType === 'THROTTLING' || (0,aws_errors/* isThrottling */.E2)(info.error);
        const retryable = throttled || info.errorType === 'TRANSIENT' || (0,aws_errors/* isConnectionError */.Rk)(info.error);
        const cost = throttled ? THROTTLING_COST : RETRY_COST;
        if (!retryable || retries + 1 >= this.options.maxAttempts || this.budget < cost) {
            throw new Error('no retry: the error is final, the attempts are used up or the retry budget is spent');
        }
        this.budget -= cost;
        const delay = this.delay(retries, throttled, info.retryAfterHint);
        await this.sleep(delay);
        return new Token(retries + 1, cost, delay);
    }
    recordSuccess(token) {
        this.budget = Math.min(BUDGET, this.budget + (token.getRetryCost() ?? SUCCESS_REFILL));
    }
    /** The delay before retry number `retries + 1`, in ms. */
    delay(retries, throttled, retryAfter) {
        const base = throttled
            ? (this.options.throttlingBaseDelayMs ?? DEFAULT_THROTTLING_BASE_DELAY_MS)
            : (this.options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS);
        const cap = this.options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
        const jittered = Math.floor(this.random() * Math.min(cap, base * 2 ** retries));
        if (retryAfter === undefined)
            return jittered;
        return Math.max(jittered, Math.min(cap, retryAfter.getTime() - Date.now()));
    }
}

;// CONCATENATED MODULE: ./src/aws/config.ts


/** The project's version; keep in step with package.json and src/cli/main.ts (a test checks all three). */
const AWS_CICD_VERSION = '0.1.0';
const USER_AGENT = [['aws-cicd', AWS_CICD_VERSION]];
const DEFAULT_MAX_ATTEMPTS = 5;
function clientConfig(opts = {}) {
    const env = opts.env ?? process.env;
    const maxAttempts = opts.maxAttempts ?? attemptsFromEnv(env) ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
        throw new errors/* UserError */.yo(`the maximum number of AWS attempts must be a whole number ≥ 1, not ${maxAttempts}`);
    }
    const endpoint = endpointFromEnv(env, opts.service);
    return {
        region: resolveRegion(opts.region, env),
        ...(endpoint ? { endpoint } : {}),
        maxAttempts,
        retryStrategy: new BackoffRetryStrategy({ maxAttempts, sleep: opts.sleep, random: opts.random }),
        customUserAgent: USER_AGENT,
        ...(opts.credentials ? { credentials: opts.credentials } : {}),
    };
}
/**
 * Keys in the given environment, as the SDK's first credentials provider reads them from process.env: so an injected
 * environment (tests, the CLI's context) is used for credentials too, not only for the endpoint and region.
 */
function credentialsFromEnv(env) {
    const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
    const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
    if (!accessKeyId || !secretAccessKey)
        return undefined;
    const sessionToken = env.AWS_SESSION_TOKEN?.trim();
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
/**
 * Following a build, an execution or a deployment makes many calls; a few more attempts than the SDK default ride
 * out throttling storms. AWS_MAX_ATTEMPTS still wins.
 */
const FOLLOW_MAX_ATTEMPTS = 8;
/** Options for clients that follow something for a long time: FOLLOW_MAX_ATTEMPTS, keys from the given environment. */
function followClientOptions(opts = {}) {
    const env = opts.env ?? process.env;
    const credentials = opts.credentials ?? credentialsFromEnv(env);
    return {
        ...opts,
        maxAttempts: opts.maxAttempts ?? (env.AWS_MAX_ATTEMPTS?.trim() ? undefined : FOLLOW_MAX_ATTEMPTS),
        ...(credentials !== undefined ? { credentials } : {}),
    };
}
/** The explicit region, else AWS_REGION, else AWS_DEFAULT_REGION. */
function resolveRegion(explicit, env = process.env) {
    const region = [explicit, env.AWS_REGION, env.AWS_DEFAULT_REGION].map((r) => r?.trim()).find((r) => r);
    if (region)
        return region;
    throw new errors/* UserError */.yo('no AWS region: set AWS_REGION (or AWS_DEFAULT_REGION), e.g. with aws-actions/configure-aws-credentials, ' +
        'or give the region explicitly');
}
function attemptsFromEnv(env) {
    const text = env.AWS_MAX_ATTEMPTS?.trim();
    if (!text)
        return undefined;
    if (!/^\d+$/.test(text) || Number(text) < 1) {
        throw new errors/* UserError */.yo(`AWS_MAX_ATTEMPTS must be a whole number ≥ 1, not "${text}"`);
    }
    return Number(text);
}
/** AWS_ENDPOINT_URL_<SERVICE ID, upper case, spaces → _>, else AWS_ENDPOINT_URL, as the SDK reads them. */
function endpointFromEnv(env, service) {
    if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim() ?? ''))
        return undefined;
    const specific = service ? env[`AWS_ENDPOINT_URL_${service.toUpperCase().replace(/ /g, '_')}`] : undefined;
    return specific?.trim() || env.AWS_ENDPOINT_URL?.trim() || undefined;
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E2: () => (/* binding */ isThrottling),
/* harmony export */   Rk: () => (/* binding */ isConnectionError),
/* harmony export */   dZ: () => (/* binding */ toUserError)
/* harmony export */ });
/* unused harmony exports NO_CREDENTIALS, isCredentialsError, isAccessDenied, isNotFound, isAwsError, deniedPermission, describeAwsError */
/* harmony import */ var _common_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1922);
/**
 * AWS SDK errors → one-line reasons a user can act on, and UserErrors carrying them (printed without a stack).
 * Anything that is not an AWS, credentials or network error is a bug and is passed through untouched.
 */

const THROTTLING_NAMES = new Set([
    'BandwidthLimitExceeded',
    'EC2ThrottledException',
    'LimitExceededException',
    'PriorRequestNotComplete',
    'ProvisionedThroughputExceededException',
    'RequestLimitExceeded',
    'RequestThrottled',
    'RequestThrottledException',
    'SlowDown',
    'ThrottledException',
    'Throttling',
    'ThrottlingException',
    'TooManyRequestsException',
]);
const THROTTLING_MESSAGE = /rate exceeded|too many requests|throttl/i;
const CONNECTION_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ERR_SOCKET_CONNECTION_TIMEOUT',
]);
const CREDENTIALS_NAMES = new Set(['CredentialsProviderError', 'TokenProviderError']);
const EXPIRED_NAMES = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
const REJECTED_NAMES = new Set([
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'SignatureDoesNotMatch',
    'IncompleteSignature',
    'InvalidAccessKeyId',
    'AuthFailure',
]);
const ACCESS_DENIED_NAMES = new Set([
    'AccessDenied',
    'AccessDeniedException',
    'UnauthorizedOperation',
    'UnauthorizedAccess',
    'AuthorizationError',
    'AuthorizationErrorException',
    'NotAuthorized',
    'Forbidden',
]);
const NOT_FOUND = /NotFound|NoSuch/;
const NO_CREDENTIALS = 'no AWS credentials found: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE, ' +
    'or use aws-actions/configure-aws-credentials';
function shape(err) {
    return typeof err === 'object' && err !== null ? err : {};
}
function nameOf(err) {
    const name = shape(err).name;
    return typeof name === 'string' ? name : '';
}
function messageOf(err) {
    const message = shape(err).message;
    return typeof message === 'string' ? message.trim() : String(err);
}
/** A throttling error: a throttling error code, HTTP 429, or a "Rate exceeded" style message. */
function isThrottling(err) {
    const e = shape(err);
    if (e.$metadata?.httpStatusCode === 429 || e.$retryable?.throttling === true)
        return true;
    if (THROTTLING_NAMES.has(nameOf(err)))
        return true;
    return (e.$metadata !== undefined || e.$fault !== undefined) && THROTTLING_MESSAGE.test(messageOf(err));
}
/** A connection that failed or was reset before a response came (here or in the error's causes). */
function isConnectionError(err, depth = 0) {
    const e = shape(err);
    if (typeof e.code === 'string' && CONNECTION_CODES.has(e.code))
        return true;
    if (nameOf(err) === 'TimeoutError' || /socket hang up/i.test(messageOf(err)))
        return true;
    return depth < 5 && e.cause !== undefined && isConnectionError(e.cause, depth + 1);
}
/** No credentials could be loaded from any provider. */
function isCredentialsError(err) {
    return CREDENTIALS_NAMES.has(nameOf(err)) || /could not load credentials/i.test(messageOf(err));
}
function isAccessDenied(err) {
    return ACCESS_DENIED_NAMES.has(nameOf(err)) || shape(err).$metadata?.httpStatusCode === 403;
}
function isNotFound(err) {
    return NOT_FOUND.test(nameOf(err));
}
/** An error from an AWS call (service, credentials or network), as opposed to a bug. */
function isAwsError(err) {
    const e = shape(err);
    return e.$metadata !== undefined || e.$fault !== undefined || isCredentialsError(err) || isConnectionError(err);
}
/** The IAM action and resource named by an access-denied message ("… not authorized to perform: X on resource: Y"). */
function deniedPermission(message) {
    const m = /not authorized to perform:?\s+([\w-]+:[\w*-]+)(?:\s+on resource:?\s+(\S+))?/i.exec(message);
    if (!m?.[1])
        return undefined;
    const resource = m[2]?.replace(/[.,;)]+$/, '');
    return { action: m[1], resource };
}
/** One line saying what went wrong and what to do, for any AWS SDK error. */
function describeAwsError(err) {
    const name = nameOf(err);
    const message = messageOf(err);
    const detail = name && message ? `${name}: ${message}` : name || message;
    if (isCredentialsError(err))
        return NO_CREDENTIALS;
    if (EXPIRED_NAMES.has(name)) {
        return `the AWS credentials have expired (${detail}); refresh them (aws sso login, a new session token, or aws-actions/configure-aws-credentials)`;
    }
    if (REJECTED_NAMES.has(name))
        return `AWS rejected the credentials (${detail}); check the access key, secret and session token`;
    if (isAccessDenied(err)) {
        const denied = deniedPermission(message);
        if (denied) {
            const on = denied.resource ? ` on ${denied.resource}` : '';
            const explicit = /explicit deny/i.test(message) ? ' (an explicit deny in a policy)' : '';
            return `missing IAM permission ${denied.action}${on}${explicit}`;
        }
        return `access denied (${detail})`;
    }
    if (isNotFound(err))
        return `not found (${detail})`;
    if (isThrottling(err)) {
        const attempts = shape(err).$metadata?.attempts;
        return `AWS throttled the request (${detail})${attempts ? ` after ${attempts} attempts` : ''}; try again later`;
    }
    if (isConnectionError(err))
        return `cannot reach AWS (${detail}); check the network, proxy and AWS_ENDPOINT_URL`;
    const status = shape(err).$metadata?.httpStatusCode;
    return status ? `${detail} (HTTP ${status})` : detail;
}
/**
 * A UserError `<prefix>: <reason>` for an AWS error (the original kept as `cause`); any other error unchanged, so a
 * bug keeps its stack.
 */
function toUserError(err, prefix) {
    if (err instanceof _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo)
        return err;
    if (!isAwsError(err))
        return err instanceof Error ? err : new Error(String(err));
    const reason = describeAwsError(err);
    return new _common_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .UserError */ .yo(prefix ? `${prefix}: ${reason}` : reason, { cause: err });
}


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
