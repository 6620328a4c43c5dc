import { GitHubActionsSink } from '../../../src/actions/local/github-sink.js';

function capture() {
  let text = '';
  const out = {
    write: (chunk: string | Uint8Array) => ((text += Buffer.from(chunk).toString()), true),
    once: () => undefined,
  };
  return { out, text: () => text };
}

const ok = { statusCode: '', message: '' };

describe('GitHubActionsSink', () => {
  test('one group per phase; output between stop-commands markers so it cannot forge workflow commands', () => {
    const { out, text } = capture();
    const sink = new GitHubActionsSink(out);
    sink.emit({ type: 'phase-start', time: 0, phase: 'BUILD' });
    sink.emit({ type: 'command-start', time: 0, phase: 'BUILD', section: 'commands', command: 'echo x', attempt: 1 });
    sink.emit({ type: 'output', data: Buffer.from('::add-mask::nothing\n::error::forged') });
    sink.emit({ type: 'command-end', time: 0, phase: 'BUILD', section: 'commands', command: 'echo x', exitCode: 0 });
    sink.emit({ type: 'phase-end', time: 0, phase: 'BUILD', status: 'SUCCEEDED', context: ok, durationMs: 1 });

    const lines = text().split('\n');
    const stop = lines.findIndex((l) => l.startsWith('::stop-commands::'));
    const token = lines[stop]!.slice('::stop-commands::'.length);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    const resume = lines.indexOf(`::${token}::`);
    expect(lines[0]).toBe('::group::BUILD');
    expect(stop).toBeLessThan(lines.indexOf('::add-mask::nothing'));
    expect(resume).toBeGreaterThan(lines.indexOf('::error::forged'));
    expect(lines.indexOf('::endgroup::')).toBeGreaterThan(resume);
    // Every workflow command of ours starts a line; none sits inside the stopped section.
    for (const [i, line] of lines.entries()) {
      if (/^::(group|endgroup|error)/.test(line) && line !== '::error::forged')
        expect(i < stop || i > resume).toBe(true);
    }
  });

  test('a failed phase becomes an error annotation with its context and the last 20 lines of output', () => {
    const { out, text } = capture();
    const sink = new GitHubActionsSink(out, { buildspecFile: 'buildspec.yml' });
    sink.emit({ type: 'phase-start', time: 0, phase: 'BUILD' });
    const many = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    sink.emit({ type: 'output', data: Buffer.from(many) });
    sink.emit({ type: 'output', data: Buffer.from('partial') });
    const context = {
      statusCode: 'COMMAND_EXECUTION_ERROR',
      message: 'Error while executing command: make. Reason: exit status 2',
    };
    sink.emit({ type: 'phase-end', time: 0, phase: 'BUILD', status: 'FAILED', context, durationMs: 1 });
    const annotation = text()
      .split('\n')
      .find((l) => l.startsWith('::error '));
    expect(annotation).toBeDefined();
    expect(annotation).toContain(
      '::error file=buildspec.yml,title=BUILD FAILED::Phase BUILD FAILED: COMMAND_EXECUTION_ERROR: Error while executing command%3A'.replace(
        '%3A',
        ':',
      ),
    );
    expect(annotation).toContain('Last 20 lines of output:%0Aline 12%0A');
    expect(annotation).toContain('line 30%0Apartial');
    expect(annotation).not.toContain('line 11%0A');
    expect(sink.lastLines()).toHaveLength(20);
  });
});
