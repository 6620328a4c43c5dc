/**
 * Runs the emulator standalone:
 *   npm run emulator -- --port 4566 [--git-port 4567] [--throttle 0.3] [--reset 0.05] [--latency-ms 50]
 *                       [--ingestion-delay-ms N] [--seed N]
 * Prints `listening on http://127.0.0.1:<port>` and, with --git-port, `git endpoint on http://127.0.0.1:<port>`:
 * CodeCommit's Git endpoint for the emulated repositories (git http-backend, SigV4 Git passwords checked; point
 * CODE_COMMIT_ENDPOINT at it). Serves until SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { startCodeCommitGitServer } from '../git-server.js';
import { startEmulator } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4566' },
    'git-port': { type: 'string' },
    host: { type: 'string', default: '127.0.0.1' },
    region: { type: 'string' },
    throttle: { type: 'string' },
    reset: { type: 'string' },
    'latency-ms': { type: 'string' },
    'ingestion-delay-ms': { type: 'string' },
    seed: { type: 'string' },
  },
  strict: true,
});

function num(name: string, value: string | undefined, min: number, max = Number.POSITIVE_INFINITY): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    console.error(`--${name} must be a number in [${min}, ${max}], got ${value}`);
    process.exit(2);
  }
  return n;
}

const emulator = await startEmulator({
  port: num('port', values.port, 0, 65535),
  host: values.host,
  region: values.region,
  faults: {
    throttleRate: num('throttle', values.throttle, 0, 1),
    resetRate: num('reset', values.reset, 0, 1),
    latencyMs: num('latency-ms', values['latency-ms'], 0),
    ingestionDelayMs: num('ingestion-delay-ms', values['ingestion-delay-ms'], 0),
    seed: num('seed', values.seed, 0),
  },
});
console.log(`listening on ${emulator.url}`);
const gitPort = num('git-port', values['git-port'], 0, 65535);
const git = gitPort === undefined ? undefined : await startCodeCommitGitServer(emulator, { port: gitPort });
if (git) console.log(`git endpoint on ${git.url}`);

const stop = (): void => {
  void Promise.all([git?.close(), emulator.close()]).then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
