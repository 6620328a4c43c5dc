export const id = 531;
export const ids = [531];
export const modules = {

/***/ 4531:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runInImageCommand: () => (/* binding */ runInImageCommand)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/common/errors.ts
var errors = __webpack_require__(1922);
// EXTERNAL MODULE: ./src/image/engine.ts
var image_engine = __webpack_require__(6819);
// EXTERNAL MODULE: ./src/image/exec.ts
var image_exec = __webpack_require__(3512);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/runner/cache.ts
var cache = __webpack_require__(5680);
// EXTERNAL MODULE: ./src/common/shell.ts
var shell = __webpack_require__(2983);
;// CONCATENATED MODULE: ./src/image/run-in-image.ts
/**
 * `aws-cicd run --image IMAGE` and the local action's `image` input: the buildspec runs inside a container of that
 * image, by the runner the image carries (`aws-cicd`, as in docker/standard), with the source folder mounted where
 * CodeBuild puts it (`/codebuild/output/src<n>/src`). The log streams live from the container; artifacts, the
 * build-number state and the report land in host folders mounted into it.
 *
 * Docker and Podman: `run --rm` with bind mounts. Buildah: `from` + `run --isolation chroot -v …` + `rm`, no daemon.
 * AWS variables of the host (credentials, region, endpoints) are passed by name (Docker/Podman `--env NAME`) or in a
 * file only root can read (Buildah), never as values in argv.
 */









/** AWS settings of the host that the build inside needs (parameter-store, secrets-manager, the build's region). */
const FORWARDED = /^(AWS_(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|REGION|DEFAULT_REGION|ENDPOINT_URL(_[A-Z0-9_]+)?|EC2_METADATA_DISABLED|MAX_ATTEMPTS)|NO_COLOR)$/;
const OUTPUT = '/codebuild/output';
const INPUT = '/codebuild/input';
const REPORT_DIR = `${OUTPUT}/aws-cicd-report`;
const ARTIFACTS_DIR = `${OUTPUT}/aws-cicd-artifacts`;
const CACHE_DIR = '/codebuild/local-cache';
async function runInImage(options, deps) {
    const engine = await (0,image_engine/* selectEngine */.Xm)(deps.exec, options.engine, image_engine/* RUN_PREFERENCE */.SF, deps.env);
    const srcDir = external_node_path_default().resolve(options.srcDir);
    if (!(0,external_node_fs_.statSync)(srcDir, { throwIfNoEntry: false })?.isDirectory()) {
        throw new errors/* UserError */.yo(`the source folder ${srcDir} does not exist`, { exitCode: 2 });
    }
    const containerSrc = `${OUTPUT}/src${deps.srcNumber ?? (0,external_node_crypto_.randomInt)(100_000_000, 1_000_000_000)}/src`;
    const scratch = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(deps.tmpDir ?? (0,external_node_os_.tmpdir)(), 'aws-cicd-container-'));
    const mounts = [{ host: srcDir, container: containerSrc }];
    /** A host path as the container sees it: inside the source folder it is there already, else it is mounted. */
    const place = (hostPath, mountPoint, readOnly) => {
        const rel = external_node_path_default().relative(srcDir, hostPath);
        if (rel === '' || (!rel.startsWith('..') && !external_node_path_default().isAbsolute(rel)))
            return external_node_path_default().posix.join(containerSrc, ...rel.split((external_node_path_default()).sep));
        mounts.push({ host: hostPath, container: mountPoint, readOnly });
        return mountPoint;
    };
    try {
        const artifactsHost = external_node_path_default().resolve(srcDir, options.artifactsDir ?? external_node_path_default().join('.aws-cicd', 'artifacts'));
        (0,external_node_fs_.mkdirSync)(artifactsHost, { recursive: true });
        const artifacts = place(artifactsHost, ARTIFACTS_DIR, false);
        const buildspec = place(external_node_path_default().resolve(options.buildspecPath), `${INPUT}/${external_node_path_default().basename(options.buildspecPath)}`, true);
        const envFile = options.envFile === undefined ? undefined : place(external_node_path_default().resolve(options.envFile), `${INPUT}/env-file`, true);
        const cacheHost = external_node_path_default().resolve(options.cacheDir ?? (0,cache/* defaultCacheDir */.$g)(deps.env));
        (0,external_node_fs_.mkdirSync)(cacheHost, { recursive: true });
        mounts.push({ host: cacheHost, container: CACHE_DIR });
        const reportHost = external_node_path_default().join(scratch, 'report');
        (0,external_node_fs_.mkdirSync)(reportHost);
        mounts.push({ host: reportHost, container: REPORT_DIR });
        const runArgs = [
            'run',
            '--source',
            containerSrc,
            '--buildspec',
            buildspec.startsWith(`${containerSrc}/`) ? buildspec.slice(containerSrc.length + 1) : buildspec,
            '--artifacts',
            artifacts,
            '--report-json',
            `${REPORT_DIR}/report.json`,
            '--project',
            options.projectName ?? (external_node_path_default().basename(srcDir) || 'local'),
            '--cache-dir',
            CACHE_DIR,
            ...(options.region !== undefined ? ['--region', options.region] : []),
            ...(options.timeoutMinutes !== undefined ? ['--timeout', String(options.timeoutMinutes)] : []),
            ...(envFile !== undefined ? ['--env-file', envFile] : []),
            // The image as CODEBUILD_BUILD_IMAGE (spec §6), which the runner inside cannot know: as an --env override,
            // which every version of the runner in an image understands (the user's own --env come after it and win).
            '--env',
            `CODEBUILD_BUILD_IMAGE=${options.image}`,
            ...(options.env ?? []).flatMap((e) => ['--env', e]),
            ...(options.batch ? ['--batch'] : []),
            ...(options.parallel !== undefined ? ['--parallel', String(options.parallel)] : []),
        ];
        const forwarded = Object.keys(deps.env)
            .filter((name) => FORWARDED.test(name) && deps.env[name] !== undefined)
            .sort();
        const result = engine === 'buildah'
            ? await runBuildah(options, deps, { mounts, containerSrc, runArgs, forwarded, scratch })
            : await runContainer(engine, options, deps, { mounts, containerSrc, runArgs, forwarded });
        const report = readReport(external_node_path_default().join(reportHost, 'report.json'), [
            [containerSrc, srcDir],
            [ARTIFACTS_DIR, artifactsHost],
        ]);
        if (report === undefined && (result.code === null || result.code > 2)) {
            const why = result.code === 127 ? ': the image has no aws-cicd command (build FROM docker/standard)' : '';
            throw new errors/* UserError */.yo(`the build did not run in ${options.image} (${engine} exit status ${result.code ?? 'signal'})${why}`);
        }
        return { engine, exitCode: result.code ?? 1, report, containerSrcDir: containerSrc };
    }
    finally {
        (0,external_node_fs_.rmSync)(scratch, { recursive: true, force: true });
    }
}
/** Docker and Podman: one `run --rm`; the AWS variables by name (their values come from this process). */
async function runContainer(engine, options, deps, prepared) {
    const name = `aws-cicd-${(deps.uuid ?? external_node_crypto_.randomUUID)()}`;
    const args = [
        'run',
        '--rm',
        '--name',
        name,
        ...prepared.mounts.flatMap((m) => ['--volume', volume(m, engine)]),
        '--workdir',
        prepared.containerSrc,
        ...prepared.forwarded.flatMap((n) => ['--env', n]),
        options.image,
        'aws-cicd',
        ...prepared.runArgs,
    ];
    const result = await deps.exec(engine, args, {
        env: deps.env,
        signal: options.signal,
        onOutput: (chunk, stream) => (stream === 'stdout' ? deps.stdout(chunk) : deps.stderr(chunk)),
    });
    if (result.code === 125)
        deps.stderr(Buffer.from(`${engine}: ${(0,image_exec/* tailOf */.C)(result, 5)}\n`));
    return result;
}
/** Buildah: a working container from the image, one `run` in it, then removed. */
async function runBuildah(options, deps, prepared) {
    const from = await deps.exec('buildah', ['from', '--name', `aws-cicd-${(deps.uuid ?? external_node_crypto_.randomUUID)()}`, options.image], { env: deps.env, signal: options.signal });
    if (from.code !== 0)
        throw new errors/* UserError */.yo(`buildah from ${options.image} failed: ${(0,image_exec/* tailOf */.C)(from, 5)}`);
    const container = from.stdout.trim().split('\n').pop() ?? '';
    // Buildah answers a signal by killing the command at once, and the command's children live on in the host's
    // process table (chroot isolation): the runner inside gets the signal itself, and stops the build as on a host.
    let pid;
    let killTimer;
    const onAbort = () => {
        if (pid === undefined)
            return;
        const buildah = pid;
        stopChrootCommand(buildah);
        killTimer = setTimeout(() => killTree(buildah), STOP_GRACE_MS);
        killTimer.unref();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
        const mounts = [...prepared.mounts];
        let command = ['aws-cicd', ...prepared.runArgs];
        if (prepared.forwarded.length > 0) {
            // Buildah takes variables only as NAME=VALUE arguments: pass them in a file that only root can read.
            const file = external_node_path_default().join(prepared.scratch, 'host.env');
            (0,external_node_fs_.writeFileSync)(file, prepared.forwarded.map((n) => `export ${n}=${(0,shell/* shellQuote */.Z)(deps.env[n] ?? '')}\n`).join(''), {
                mode: 0o600,
            });
            mounts.push({ host: file, container: `${INPUT}/host.env`, readOnly: true });
            command = ['/bin/sh', '-c', `. ${INPUT}/host.env && exec "$@"`, 'sh', ...command];
        }
        const args = [
            'run',
            `--isolation=${deps.env.BUILDAH_ISOLATION?.trim() || 'chroot'}`,
            ...mounts.flatMap((m) => ['--volume', volume(m, 'buildah')]),
            '--workingdir',
            prepared.containerSrc,
            container,
            '--',
            ...command,
        ];
        return await deps.exec('buildah', args, {
            env: deps.env,
            onStart: (started) => {
                pid = started;
                if (options.signal?.aborted)
                    onAbort();
            },
            onOutput: (chunk, stream) => (stream === 'stdout' ? deps.stdout(chunk) : deps.stderr(chunk)),
        });
    }
    finally {
        options.signal?.removeEventListener('abort', onAbort);
        if (killTimer)
            clearTimeout(killTimer);
        await deps.exec('buildah', ['rm', container], { env: deps.env }).catch(() => undefined);
    }
}
/** How long the runner inside has to stop the build before everything is killed. */
const STOP_GRACE_MS = 15_000;
/** Parent pid of every process (Linux /proc). */
function parents() {
    const children = new Map();
    for (const entry of (0,external_node_fs_.readdirSync)('/proc')) {
        if (!/^\d+$/.test(entry))
            continue;
        try {
            const stat = (0,external_node_fs_.readFileSync)(`/proc/${entry}/stat`, 'utf8');
            // pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ")".
            const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            const list = children.get(ppid) ?? [];
            list.push(Number(entry));
            children.set(ppid, list);
        }
        catch {
            // The process ended meanwhile.
        }
    }
    return children;
}
function descendants(pid) {
    const children = parents();
    const found = [];
    const queue = [...(children.get(pid) ?? [])];
    while (queue.length > 0) {
        const next = queue.shift();
        found.push(next);
        queue.push(...(children.get(next) ?? []));
    }
    return found;
}
function argv0(pid) {
    try {
        return external_node_path_default().basename((0,external_node_fs_.readFileSync)(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '');
    }
    catch {
        return '';
    }
}
/** SIGTERM to the command Buildah runs: the first process under it that is not one of Buildah's own helpers. */
function stopChrootCommand(buildah) {
    const command = descendants(buildah).find((pid) => !argv0(pid).startsWith('buildah'));
    if (command !== undefined)
        signal(command, 'SIGTERM');
    else
        signal(buildah, 'SIGTERM');
}
function killTree(buildah) {
    for (const pid of [...descendants(buildah).reverse(), buildah])
        signal(pid, 'SIGKILL');
}
function signal(pid, name) {
    try {
        process.kill(pid, name);
    }
    catch {
        // Already gone.
    }
}
function volume(mount, engine) {
    // SELinux hosts need :z for Podman to share the folder with the container; it is harmless elsewhere.
    const flags = [mount.readOnly ? 'ro' : 'rw', ...(engine === 'podman' ? ['z'] : [])];
    return `${mount.host}:${mount.container}:${flags.join(',')}`;
}
/** The report the runner wrote inside, its artifact locations turned back into host paths. */
function readReport(file, paths) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
    const toHost = (value) => {
        for (const [inside, outside] of paths) {
            if (value === inside || value.startsWith(`${inside}/`))
                return outside + value.slice(inside.length);
        }
        return value;
    };
    const walk = (value, key) => {
        if (Array.isArray(value))
            return value.map((v) => walk(v));
        if (typeof value === 'object' && value !== null) {
            return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
        }
        return key === 'location' && typeof value === 'string' ? toHost(value) : value;
    };
    return walk(JSON.parse(text));
}

;// CONCATENATED MODULE: ./src/cli/commands/run-image.ts
/** `aws-cicd run --image IMAGE`: the build runs inside a container of the image (src/image/run-in-image.ts). */






async function runInImageCommand(args, ctx, exec = image_exec/* nodeExec */.U) {
    const engine = args.engine;
    if (engine !== undefined && !(0,image_engine/* isEngineName */.QX)(engine)) {
        throw new errors/* UserError */.yo(`--engine must be one of ${image_engine/* ENGINES */.ug.join(', ')}; got "${engine}"`, { exitCode: 2 });
    }
    if (args.parallel !== undefined && !args.batch)
        throw new errors/* UserError */.yo('--parallel needs --batch', { exitCode: 2 });
    const result = await runInImage({ ...args, engine, signal: ctx.signal }, {
        exec,
        env: ctx.env,
        stdout: (chunk) => void ctx.stdout.write(chunk),
        stderr: (chunk) => void ctx.stderr.write(chunk),
    });
    if (args.reportJson !== undefined && result.report !== undefined) {
        (0,external_node_fs_.mkdirSync)(external_node_path_default().dirname(args.reportJson), { recursive: true });
        (0,external_node_fs_.writeFileSync)(args.reportJson, JSON.stringify(result.report, null, 2) + '\n');
    }
    return result.exitCode;
}


/***/ })

};
