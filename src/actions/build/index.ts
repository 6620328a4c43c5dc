// First: on an older Node.js, one line and exit 2 before anything else loads.
import '../../common/node-version.js';
import { defaultDeps, run, State } from './main.js';
import { defaultPostDeps, runPost } from './post.js';
import { getState, saveState } from './runner-io.js';

// One bundle serves both steps (action.yml's `main` and `post` name the same file): the main step records
// isPost, so the post step, which sees the main step's saved state, knows it is the post step.
if (getState(State.IsPost) === 'true') {
  await runPost(defaultPostDeps());
} else {
  saveState(State.IsPost, 'true');
  const controller = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => controller.abort(signal));
  await run(defaultDeps(controller.signal));
}
