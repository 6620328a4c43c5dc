/** Build output cannot forge workflow commands; our own commands still work. */
import { WorkflowLog } from '../../src/core/workflow-log.js';

function capture() {
  let text = '';
  return { sink: { write: (chunk: string) => (text += chunk) }, text: () => text };
}

/** The lines the runner would read as commands: outside stop-commands sections. */
function commandsSeen(text: string): string[] {
  const seen: string[] = [];
  let stopToken: string | undefined;
  for (const line of text.split('\n')) {
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(line);
    if (stop) stopToken = stop[1];
    else if (line.startsWith('::')) seen.push(line);
  }
  return seen;
}

test('forged commands in build output are plain text; groups and annotations are commands', () => {
  const out = capture();
  const log = new WorkflowLog(out.sink, 'TOKEN');
  log.openGroup('BUILD');
  log.line('::add-mask::x');
  log.line('::error::forged');
  log.line('::stop-commands::other');
  log.line('::endgroup::');
  log.closeGroup();
  log.warning('careful: 100%');
  log.error('it failed\nline 2', { title: 'BUILD FAILED', file: 'buildspec.yml' });
  log.line('more output');
  log.close();
  expect(commandsSeen(out.text())).toEqual([
    '::group::BUILD',
    '::endgroup::',
    '::warning::careful: 100%25',
    '::error file=buildspec.yml,title=BUILD FAILED::it failed%0Aline 2',
  ]);
  expect(out.text()).toContain('::add-mask::x\n::error::forged\n');
  expect(out.text().endsWith('more output\n::TOKEN::\n')).toBe(true);
});

test('a fresh random token per log', () => {
  const a = capture();
  const b = capture();
  new WorkflowLog(a.sink).line('x');
  new WorkflowLog(b.sink).line('x');
  const token = (t: string) => /::stop-commands::([0-9a-f]{32})/.exec(t)?.[1];
  expect(token(a.text())).toBeDefined();
  expect(token(a.text())).not.toBe(token(b.text()));
});

test('a mask registered while build output is fenced is still read by the runner, before what follows', () => {
  const out = capture();
  const log = new WorkflowLog(out.sink, 'TOKEN');
  log.raw('partial line');
  log.mask('s3cr3t\nsecond-line-of-it\nab');
  log.line('after');
  expect(commandsSeen(out.text())).toEqual([
    '::add-mask::s3cr3t%0Asecond-line-of-it%0Aab',
    '::add-mask::s3cr3t',
    '::add-mask::second-line-of-it',
  ]);
  expect(out.text()).toBe(
    '::stop-commands::TOKEN\npartial line\n::TOKEN::\n' +
      '::add-mask::s3cr3t%0Asecond-line-of-it%0Aab\n::add-mask::s3cr3t\n::add-mask::second-line-of-it\n' +
      '::stop-commands::TOKEN\nafter\n',
  );
});

test('status and info lines that the runner could read as commands are written as plain text', () => {
  const out = capture();
  const log = new WorkflowLog(out.sink, 'TOKEN');
  log.status('Uploading s3://b/k');
  log.status('  ::warning::forged by a key');
  log.status('two\n::error::lines');
  log.info('legacy ##[set-output name=x;]y');
  log.status('Done');
  expect(commandsSeen(out.text())).toEqual([]);
  expect(out.text()).toBe(
    'Uploading s3://b/k\n::stop-commands::TOKEN\n  ::warning::forged by a key\ntwo\n::error::lines\n' +
      'legacy ##[set-output name=x;]y\n::TOKEN::\nDone\n',
  );
});
