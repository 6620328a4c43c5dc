// First: on an older Node.js, one line and exit 2 before anything else loads.
import '../../core/node-version.js';
import { defaultDeps, run } from './main.js';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
await run(defaultDeps(controller.signal));
