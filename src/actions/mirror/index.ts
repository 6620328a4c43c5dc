// First: on an older Node.js, one line and exit 2 before anything else loads.
import '../../core/node-version.js';

// One bundle, two roles: the action itself, and the git credential helper git calls back while the action pushes
// (`node dist/mirror/index.js git-credential get`, see src/mirror/git.ts credentialHelper). The helper loads only what
// it needs, so each git invocation starts it quickly.
if (process.argv[2] === 'git-credential') {
  const { credentialProcess } = await import('../../mirror/credential-helper.js');
  process.exitCode = await credentialProcess(process.argv.slice(3), {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
} else {
  const [{ runAction }, { mirrorAction }] = await Promise.all([import('../common/runtime.js'), import('./main.js')]);
  await runAction(mirrorAction());
}
