import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { RecordingSink, runTestBuild, tempDir } from './helpers.js';

const SHELLS: Array<[label: string, shell: string | undefined]> = [
  ['sh (dash, the default)', undefined],
  ['bash', 'bash'],
];

describe.each(SHELLS)('version 0.2 shell state under %s (spec §5)', (_label, shell) => {
  test('exported and plain variables carry from command to command and across phases', async () => {
    const { sink } = await runTestBuild({
      shell,
      phases: {
        install: { commands: ['PLAIN=p1; export EXPORTED=e1', 'echo "$PLAIN $EXPORTED"'] },
        build: { commands: ['echo "$PLAIN $EXPORTED"; sh -c \'echo "child sees ${PLAIN:-nothing} $EXPORTED"\''] },
      },
    });
    expect(sink.outputs().map((o) => o.output)).toEqual(['', 'p1 e1\n', 'p1 e1\nchild sees nothing e1\n']);
  });

  test('the working directory carries, starting at CODEBUILD_SRC_DIR', async () => {
    const src = tempDir();
    mkdirSync(path.join(src, 'sub dir'));
    const { sink } = await runTestBuild(
      {
        shell,
        phases: {
          install: { commands: ['pwd', 'cd "sub dir"'], finally: ['pwd'] },
          build: { commands: ['pwd; echo "$CODEBUILD_SRC_DIR"'] },
        },
      },
      { src },
    );
    const real = realpathSync(src);
    const outputs = sink.outputs().map((o) => o.output.replace(src, real));
    expect(outputs).toEqual([`${real}\n`, '', `${real}/sub dir\n`, `${real}/sub dir\n${src}\n`.replace(src, real)]);
  });

  test('exit N ends only that command; the state saved before exit is kept', async () => {
    const { sink, result } = await runTestBuild({
      shell,
      phases: {
        install: {
          commands: ['A=before; (exit 0); exit 0; echo never', 'echo "A=$A"'],
        },
        build: { commands: ['B=kept; exit 6', 'echo not-run'] },
        post_build: { commands: ['echo "B=$B"'] },
      },
    });
    expect(sink.outputs().map((o) => [o.output, o.exitCode])).toEqual([
      ['', 0],
      ['A=before\n', 0],
      ['', 6],
      ['B=kept\n', 0],
    ]);
    expect(result.buildStatus).toBe('FAILED');
  });

  test('set -e and set -x stay inside their command', async () => {
    const { sink } = await runTestBuild({
      shell,
      phases: { build: { commands: ['set -e; X=1', 'false; echo "still here $X"', 'set -x; Y=2', 'echo "$Y"'] } },
    });
    const outputs = sink.outputs();
    expect(outputs[1]?.output).toBe('still here 1\n');
    expect(outputs[2]?.output).toMatch(/^\++ Y=2\n$/);
    expect(outputs[3]?.output).toBe('2\n');
  });

  test('unset and un-export carry too; values keep quotes, newlines, $ and non-UTF-8 bytes', async () => {
    const { sink } = await runTestBuild({
      shell,
      variables: { FROM_SPEC: 'spec' },
      phases: {
        install: {
          commands: [
            'unset FROM_SPEC; export TOKEN=1',
            String.raw`Q="it's \"quoted\" \$HOME \`x\` \\"; BIN=$(printf 'caf\351'); TAB=$(printf 'a\tb')` +
              "; NL='line1\nline2'",
          ],
        },
        build: {
          commands: [
            'echo "[${FROM_SPEC-unset}]"; printf "%s|%s|%s\\n" "$Q" "$NL" "$TAB"; printf "%s" "$BIN" | od -An -tx1 | tr -d " \\n"; echo',
          ],
        },
      },
    });
    const build = sink.outputs()[2]?.output;
    expect(build).toBe(`[unset]\nit's "quoted" $HOME \`x\` \\|line1\nline2|a\tb\n636166e9\n`);
  });

  test('arrays and functions do not carry (as CodeBuild)', async () => {
    const commands =
      shell === 'bash'
        ? [
            'arr=(a b); declare -A map=([k]=v); f() { echo f; }; S=scalar',
            'echo "${arr[0]:-none} ${map[k]:-none} $S"; type f >/dev/null 2>&1 || echo "no f"',
          ]
        : ['f() { echo f; }; S=scalar', 'echo "none none $S"; type f >/dev/null 2>&1 || echo "no f"'];
    const { sink } = await runTestBuild({ shell, phases: { build: { commands } } });
    expect(sink.outputs()[1]?.output).toBe('none none scalar\nno f\n');
  });

  test('a multi-line block command runs as one script; . sourcing keeps its variables', async () => {
    const src = tempDir();
    const { sink } = await runTestBuild(
      {
        shell,
        phases: {
          build: {
            commands: [
              'for i in 1 2 3; do\n  echo "item $i"\ndone\nif [ -n "$CODEBUILD_SRC_DIR" ]; then\n  echo yes\nfi\n',
              'printf "SOURCED=from-file\\n" > vars.sh && . ./vars.sh',
              'echo "$SOURCED"',
            ],
          },
        },
      },
      { src },
    );
    expect(sink.outputs().map((o) => o.output)).toEqual(['item 1\nitem 2\nitem 3\nyes\n', '', 'from-file\n']);
  });

  test('stdout and stderr are merged in order; stdin is empty', async () => {
    const { sink } = await runTestBuild({
      shell,
      phases: { build: { commands: ['echo 1; echo 2 >&2; echo 3; echo 4 >&2; cat; echo end'] } },
    });
    expect(sink.outputs()[0]?.output).toBe('1\n2\n3\n4\nend\n');
  });

  test('a syntax error fails the command, not the session', async () => {
    const { sink } = await runTestBuild({
      shell,
      phases: {
        build: { commands: ['V=1', 'if then', 'echo "after $V"'] },
        post_build: { commands: ['echo "post $V"'] },
      },
    });
    const outputs = sink.outputs();
    expect(outputs.map((o) => [o.command, o.exitCode])).toEqual([
      ['V=1', 0],
      ['if then', 2],
      ['echo "post $V"', 0],
    ]);
    expect(outputs[1]?.output).toMatch(/syntax error/i);
    expect(outputs[2]?.output).toBe('post 1\n');
  });
});

describe('shells', () => {
  test('the default shell is sh, so bash syntax fails as on CodeBuild', async () => {
    const { sink, result } = await runTestBuild({ phases: { build: { commands: ['[[ 1 == 1 ]]'] } } });
    expect(result.buildStatus).toBe('FAILED');
    expect(sink.outputs()[0]?.output).toMatch(/\[\[: not found/);
  });

  test.each(['bash', '/bin/bash', '/bin/sh'])('env.shell %s is honoured', async (shell) => {
    const { sink } = await runTestBuild({
      shell,
      phases: { build: { commands: ['if [ -n "$BASH_VERSION" ]; then echo bash; else echo posix; fi'] } },
    });
    const bashSh = execFileSync('/bin/sh', ['-c', 'echo ${BASH_VERSION:+bash}']).toString().trim() === 'bash';
    expect(sink.outputs()[0]?.output).toBe(shell.includes('bash') || bashSh ? 'bash\n' : 'posix\n');
  });

  test('a missing shell fails the phase with a clear CLIENT_ERROR', async () => {
    const { result } = await runTestBuild({ shell: '/no/such/shell', phases: { build: { commands: ['true'] } } });
    const build = result.phases.find((p) => p.phaseType === 'BUILD');
    expect(build?.phaseStatus).toBe('FAILED');
    expect(build?.contexts?.[0]).toEqual({
      statusCode: 'CLIENT_ERROR',
      message: 'cannot start the shell "/no/such/shell": not found (no such file, or not on PATH)',
    });
  });

  test('a Windows shell fails PROVISIONING before anything runs', async () => {
    const { result } = await runTestBuild({ shell: 'powershell.exe', phases: { build: { commands: ['true'] } } });
    expect(result.phases.map((p) => p.phaseType)).toEqual(['SUBMITTED', 'PROVISIONING', 'FINALIZING', 'COMPLETED']);
    expect(result.phases[1]?.contexts?.[0]?.message).toMatch(/Windows shell/);
  });
});

describe('version 0.1: a fresh shell per command', () => {
  test('variables, exports and cd do not carry; each command starts at CODEBUILD_SRC_DIR with the initial env', async () => {
    const src = tempDir();
    mkdirSync(path.join(src, 'sub'));
    const { sink } = await runTestBuild(
      {
        version: '0.1',
        variables: { GIVEN: 'g' },
        phases: {
          install: { commands: ['A=1; export B=2; cd sub; GIVEN=changed'] },
          build: { commands: ['echo "${A:-unset} ${B:-unset} $GIVEN"; pwd'] },
        },
      },
      { src },
    );
    expect(sink.outputs()[1]?.output).toBe(`unset unset g\n${src}\n`);
  });
});

describe('output', () => {
  test('50 MB of output reaches the log complete and in order, unbuffered between commands', async () => {
    const command = 'seq 1 6500000';
    const expected = createHash('sha256').update(execFileSync('sh', ['-c', command], { maxBuffer: 1 << 30 }));
    const sink = new RecordingSink();
    const { result } = await runTestBuild(
      { phases: { build: { commands: ['printf start', command, 'printf end'] } } },
      { sink },
    );
    expect(result.buildStatus).toBe('SUCCEEDED');
    const outputs = sink.events.filter((e) => e.type === 'output' || e.type === 'command-end');
    const chunks: Buffer[][] = [[]];
    for (const e of outputs) {
      if (e.type === 'output') chunks.at(-1)?.push(e.data);
      else chunks.push([]);
    }
    const big = Buffer.concat(chunks[1] ?? []);
    expect(big.length).toBeGreaterThan(50_000_000);
    expect(createHash('sha256').update(big).digest('hex')).toBe(expected.digest('hex'));
    expect(Buffer.concat(chunks[0] ?? []).toString()).toBe('start');
    expect(Buffer.concat(chunks[2] ?? []).toString()).toBe('end');
  });

  test('a slow sink pauses the output (backpressure) and loses nothing', async () => {
    class SlowSink extends RecordingSink {
      waits = 0;
      ready(): Promise<void> {
        this.waits++;
        return new Promise((resolve) => setTimeout(resolve, 1));
      }
    }
    const sink = new SlowSink();
    const command = 'seq 1 200000; printf tail';
    const { result } = await runTestBuild({ phases: { build: { commands: [command, 'echo next'] } } }, { sink });
    expect(result.buildStatus).toBe('SUCCEEDED');
    expect(sink.outputOf(command)).toBe(execFileSync('sh', ['-c', command], { maxBuffer: 1 << 24 }).toString());
    expect(sink.outputOf('echo next')).toBe('next\n');
    expect(sink.waits).toBeGreaterThan(1);
  });

  test('a command printing without a final newline still ends its line in the log', async () => {
    const { sink } = await runTestBuild({ phases: { build: { commands: ['printf "a\\nb"', 'printf ""'] } } });
    expect(sink.outputs().map((o) => o.output)).toEqual(['a\nb', '']);
    expect(sink.log).toMatch(
      /Running command printf "a\\nb"\na\nb\n\n\[Container\] \S+ \S+ Running command printf ""\n\n\[Container\]/,
    );
  });
});
