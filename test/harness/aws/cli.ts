/**
 * Runs the emulator standalone:
 *   npm run emulator -- --port 4566 [--git-port 4567] [--registry] [--executor runner|scripted] [--throttle 0.3]
 *                       [--reset 0.05] [--latency-ms 50] [--ingestion-delay-ms N] [--seed N]
 * CodeBuild builds run for real, as in the tests' emulator: the local runner (RunnerExecutor) runs the buildspec in the
 * checked-out source, with the project's variables, SSM / Secrets Manager lookups in this emulator, exported
 * variables, artifacts and StopBuild. `--executor scripted` plays instead a build that logs `building` and succeeds
 * whatever its buildspec says (ScriptedExecutor's default script).
 * Prints `listening on http://127.0.0.1:<port>` and, with --git-port, `git endpoint on http://127.0.0.1:<port>`:
 * CodeCommit's Git endpoint for the emulated repositories (git http-backend, SigV4 Git passwords checked; point
 * CODE_COMMIT_ENDPOINT at it), and with --registry `registry on http://127.0.0.1:<port>`: an OCI registry standing in
 * for ECR's (Debian's docker-registry, user AWS and the password GetAuthorizationToken hands out; point
 * AWS_CICD_REGISTRY_ENDPOINT at it). Serves until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startCodeCommitGitServer } from '../git-server.js';
import { registryAvailable, REGISTRY_BINARY, startRegistry } from '../registry.js';
import { ScriptedExecutor, type BuildExecutor } from './codebuild/executor.js';
import { RunnerExecutor } from './codebuild/runner-executor.js';
import { startEmulator } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4566' },
    'git-port': { type: 'string' },
    registry: { type: 'boolean', default: false },
    host: { type: 'string', default: '127.0.0.1' },
    region: { type: 'string' },
    executor: { type: 'string', default: 'runner' },
    throttle: { type: 'string' },
    reset: { type: 'string' },
    'latency-ms': { type: 'string' },
    'ingestion-delay-ms': { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (values.help) {
  process.stdout.write(
    'Usage: npm run emulator -- [--port 4566] [--git-port N] [--registry] [--host 127.0.0.1] [--region us-east-1]\n' +
      '         [--executor runner|scripted] [--throttle 0..1] [--reset 0..1] [--latency-ms N]\n' +
      '         [--ingestion-delay-ms N] [--seed N]\n\n' +
      'The AWS emulator on its own: CodeBuild builds run for real (the local runner; --executor scripted plays a\n' +
      'build that succeeds). Prints `listening on http://…` (point AWS_ENDPOINT_URL at it), with --git-port the\n' +
      "CodeCommit Git endpoint, with --registry an OCI registry standing in for ECR's. --port 0 takes a free port.\n" +
      'Serves until SIGINT/SIGTERM.\n',
  );
  process.exit(0);
}

function num(name: string, value: string | undefined, min: number, max = Number.POSITIVE_INFINITY): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    console.error(`--${name} must be a number in [${min}, ${max}], got ${value}`);
    process.exit(2);
  }
  return n;
}

const region = values.region ?? 'us-east-1';
let url = '';
let buildExecutor: BuildExecutor;
if (values.executor === 'runner') buildExecutor = new RunnerExecutor({ endpoint: () => url, region });
else if (values.executor === 'scripted') buildExecutor = new ScriptedExecutor();
else {
  console.error(`--executor must be runner or scripted, got ${values.executor}`);
  process.exit(2);
}

const emulator = await startEmulator({
  port: num('port', values.port, 0, 65535),
  host: values.host,
  region,
  buildExecutor,
  faults: {
    throttleRate: num('throttle', values.throttle, 0, 1),
    resetRate: num('reset', values.reset, 0, 1),
    latencyMs: num('latency-ms', values['latency-ms'], 0),
    ingestionDelayMs: num('ingestion-delay-ms', values['ingestion-delay-ms'], 0),
    seed: num('seed', values.seed, 0),
  },
});
url = emulator.url;
console.log(`listening on ${emulator.url}`);
const gitPort = num('git-port', values['git-port'], 0, 65535);
const git = gitPort === undefined ? undefined : await startCodeCommitGitServer(emulator, { port: gitPort });
if (git) console.log(`git endpoint on ${git.url}`);
if (values.registry && !registryAvailable()) {
  console.error(`--registry needs ${REGISTRY_BINARY} (apt-get install docker-registry)`);
  await Promise.all([git?.close(), emulator.close()]);
  process.exit(2);
}
const registry = values.registry
  ? await startRegistry({ username: 'AWS', password: emulator.state.ecr.password() })
  : undefined;
if (registry) console.log(`registry on ${registry.url}`);

const stop = (): void => {
  void Promise.all([git?.close(), registry?.close(), emulator.close()]).then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
