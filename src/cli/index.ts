#!/usr/bin/env node
// First: on an older Node.js, one line and exit 2 before anything else loads.
import '../core/node-version.js';
import { main } from './main.js';

// SIGINT/SIGTERM abort the context's signal so a long command (a local build) stops cleanly: processes killed,
// report written. A second signal exits at once.
const controller = new AbortController();
const onSignal = (signal: NodeJS.Signals): void => {
  if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
  controller.abort(signal);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.off('SIGINT', onSignal);
process.off('SIGTERM', onSignal);
