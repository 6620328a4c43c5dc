import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Masker } from '../../src/core/mask.js';
import { MarkerScanner } from '../../src/runner/shell-stream.js';
import { parseDeclarations, parseDump, shellQuote, statePrelude, toBinary } from '../../src/runner/shell-state.js';
import {
  agentVariables,
  makeIdentity,
  mergeEnvironment,
  parseEnvAssignment,
  parseEnvFile,
} from '../../src/runner/env.js';
import { formatTimestamp } from '../../src/runner/log.js';
import { tempDir } from './helpers.js';

describe('shell state dumps', () => {
  test('parses dash `set`/`export -p` and bash `declare -p` output', () => {
    const dash = "A='x y'\nB='it'\"'\"'s'\nML='l1\nl2'\nexport A='x y'\nexport NOVAL\n";
    expect(parseDeclarations(dash)).toEqual([
      { name: 'A', value: 'x y', flags: '', array: false },
      { name: 'B', value: "it's", flags: '', array: false },
      { name: 'ML', value: 'l1\nl2', flags: '', array: false },
      { name: 'A', value: 'x y', flags: 'x', array: false },
      { name: 'NOVAL', value: undefined, flags: 'x', array: false },
    ]);
    const bash =
      'declare -a PIPESTATUS=([0]="0" [1]=")")\ndeclare -x Q="a\\"b\\$c\\`d\\\\e"\n' +
      'declare -- N=$\'l1\\nl2\\t\\001\\x41\\u00e9\'\ndeclare -ir UID="0"\ndeclare -A H=([k]="v" )\ndeclare -- E\n';
    expect(parseDeclarations(bash)).toEqual([
      { name: 'PIPESTATUS', value: undefined, flags: 'a', array: true },
      { name: 'Q', value: 'a"b$c`d\\e', flags: 'x', array: false },
      { name: 'N', value: `l1\nl2\t\x01A${toBinary('é')}`, flags: '', array: false },
      { name: 'UID', value: '0', flags: 'ir', array: false },
      { name: 'H', value: undefined, flags: 'A', array: true },
      { name: 'E', value: undefined, flags: '', array: false },
    ]);
  });

  test.each(['dash', 'bash'])('values round-trip through %s: dump → prelude → the same values', (shell) => {
    const values = ["it's", 'a\nb', '$HOME `x` "q" \\', toBinary('café'), '\x01\x7f', ' lead', '', '=', "'"];
    const assign = values.map((v, i) => `V${i}=${shellQuote(v)}`).join('\n');
    const nonce = 'n0nce';
    const sep = `\x1e${nonce}`;
    const dumpCmd =
      shell === 'bash'
        ? `declare -p; printf '\\n%s\\n\\n%s\\n' '${sep}' '${sep}'; pwd`
        : `set; printf '\\n%s\\n' '${sep}'; export -p; printf '\\n%s\\n' '${sep}'; pwd`;
    const file = path.join(tempDir(), 'script.sh');
    // Scripts hold binary strings: written byte for byte.
    const run = (script: string): string => {
      writeFileSync(file, script, 'latin1');
      return execFileSync(shell, [file], { cwd: '/tmp', env: { PATH: process.env.PATH } }).toString('latin1');
    };
    const base = parseDump(run(dumpCmd), nonce);
    const state = parseDump(run(`${assign}\nexport V1\n${dumpCmd}`), nonce);
    expect(base).toBeDefined();
    expect(state?.vars.get('V1')).toEqual({ value: 'a\nb', exported: true });
    values.forEach((v, i) => expect(state?.vars.get(`V${i}`)?.value).toBe(v));
    if (base === undefined || state === undefined) return;
    const prelude = statePrelude(base, state);
    const printed = run(`${prelude}\nfor i in 0 1 2 3 4 5 6 7 8; do eval "printf '%s|' \\"\\$V$i\\""; done`);
    expect(printed).toBe(values.map((v) => v + '|').join(''));
  });

  test('the prelude unsets, un-exports and changes directory; it leaves shell-owned variables alone', () => {
    const v = (value: string | undefined, exported = false) => ({ value, exported });
    const base = {
      vars: new Map([
        ['GONE', v('1', true)],
        ['UNEXPORT', v('2', true)],
        ['SAME', v('3')],
        ['PPID', v('10')],
      ]),
      cwd: '/src',
    };
    const state = {
      vars: new Map([
        ['UNEXPORT', v('2')],
        ['SAME', v('3')],
        ['NEW', v("o'k", true)],
        ['PPID', v('11')],
        ['__acd_l', v('')],
      ]),
      cwd: '/src/sub dir',
    };
    expect(statePrelude(base, state)).toBe(
      "cd -- '/src/sub dir' || :\nunset GONE\nunset UNEXPORT; UNEXPORT='2'\nexport NEW='o'\\''k'\n",
    );
  });
});

describe('MarkerScanner', () => {
  test('output and markers come out in order, wherever the chunks split', () => {
    const nonce = 'abcdef';
    const stream = Buffer.from(`hello\x1e\x1ex\x1eabc\x1e${nonce}:0\npart two\x1e${nonce}:127\n\x1e${nonce}`);
    for (let cut1 = 0; cut1 <= stream.length; cut1++) {
      for (let cut2 = cut1; cut2 <= stream.length; cut2 += 3) {
        const events: string[] = [];
        let text = '';
        const scanner = new MarkerScanner(nonce, {
          output: (c) => (text += c.toString('latin1')),
          marker: (s) => {
            events.push(text, `#${s}`);
            text = '';
          },
        });
        scanner.push(stream.subarray(0, cut1));
        scanner.push(stream.subarray(cut1, cut2));
        scanner.push(stream.subarray(cut2));
        scanner.flush();
        events.push(text);
        expect(events).toEqual(['hello\x1e\x1ex\x1eabc', '#0', 'part two', '#127', `\x1e${nonce}`]);
      }
    }
  });

  test('passes chunks through without copying when there is no marker', () => {
    const chunk = Buffer.from('plain output\n');
    const seen: Buffer[] = [];
    new MarkerScanner('n', { output: (c) => seen.push(c), marker: () => undefined }).push(chunk);
    expect(seen[0]).toBe(chunk);
  });
});

describe('Masker', () => {
  test('masks every occurrence, longest secret first, in text and across chunk boundaries', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('SECRET')), { maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (extra, pieces, cuts) => {
          const secrets = ['SECRET', ...extra.filter((s) => !s.includes('*'))];
          const masker = new Masker(secrets);
          const text = pieces.join('');
          const whole = masker.maskText(text);
          const bytes = Buffer.from(text);
          const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const out: Buffer[] = [];
          const stream = masker.stream((c) => out.push(Buffer.from(c)));
          let last = 0;
          for (const p of [...points, bytes.length]) {
            stream.push(bytes.subarray(last, p));
            last = p;
          }
          stream.flush();
          expect(Buffer.concat(out).toString()).toBe(whole);
          if (text.includes('SECRET')) expect(whole).not.toContain('SECRET');
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('held-back bytes are still masked at the end of the stream', () => {
    const masker = new Masker(['SECRET', 'R']);
    const out: Buffer[] = [];
    const stream = masker.stream((c) => out.push(c));
    stream.push(Buffer.from('xSEC'));
    stream.push(Buffer.from('R'));
    stream.flush();
    expect(Buffer.concat(out).toString()).toBe('xSEC***');
    expect(masker.maskText('SECRET SECR')).toBe('*** SEC***');
  });

  test('a multi-line secret: every line of 4+ characters masked on its own, shorter lines left (as the runner does)', () => {
    const key = '-----BEGIN KEY-----\r\nMIIEowIBAAKCAQEA\nab\n  \n-----END KEY-----';
    const masker = new Masker([key]);
    expect(masker.maskText(`whole: ${key}.`)).toBe('whole: ***.');
    // One line at a time, with other output between them, or only some of them.
    expect(
      masker.maskText('line: -----BEGIN KEY-----\nline: MIIEowIBAAKCAQEA\nline: ab\nline: -----END KEY-----\n'),
    ).toBe('line: ***\nline: ***\nline: ab\nline: ***\n');
    expect(masker.maskText('MIIEowIBAAKCAQEA')).toBe('***');
    // A one-line secret is not split; a line is masked across chunks too.
    expect(new Masker(['ab cd']).maskText('ab cd ab')).toBe('*** ab');
    const out: Buffer[] = [];
    const stream = masker.stream((c) => out.push(Buffer.from(c)));
    stream.push(Buffer.from('x MIIEow'));
    stream.push(Buffer.from('IBAAKCAQEA y'));
    stream.flush();
    expect(Buffer.concat(out).toString()).toBe('x *** y');
  });

  test('an empty secret masks nothing; no secrets: inactive', () => {
    expect(new Masker(['']).active).toBe(false);
    expect(new Masker(['ab']).maskText('xabyab')).toBe('x***y***');
  });
});

describe('environment helpers', () => {
  test('env file: NAME=VALUE lines, comments and blank lines ignored, quotes kept, bare names from the runner', () => {
    const text = '# project vars\n\nA=1\nB="two words"\r\nC=x=y\n  # indented comment\nFROM_RUNNER\nNOT_SET\n';
    expect(parseEnvFile(text, 'p.env', { FROM_RUNNER: 'r' })).toEqual([
      ['A', '1'],
      ['B', '"two words"'],
      ['C', 'x=y'],
      ['FROM_RUNNER', 'r'],
    ]);
    expect(() => parseEnvFile('A=1\nnot a var\n', 'p.env')).toThrow('p.env:2: expected NAME=VALUE');
  });

  test('--env NAME=VALUE', () => {
    expect(parseEnvAssignment('A=b=c')).toEqual(['A', 'b=c']);
    expect(parseEnvAssignment('EMPTY=')).toEqual(['EMPTY', '']);
    expect(() => parseEnvAssignment('novalue')).toThrow('--env expects NAME=VALUE');
    expect(() => parseEnvAssignment('1A=x')).toThrow('--env expects NAME=VALUE');
  });

  test('precedence: image < agent < buildspec < parameter store < project < override', () => {
    const pos = { line: 1, col: 1 };
    const env = mergeEnvironment({
      image: { A: 'image', B: 'image', C: 'image', D: 'image', E: 'image', F: 'image' },
      agent: { B: 'agent', C: 'agent', D: 'agent', E: 'agent', F: 'agent' },
      buildspec: ['C', 'D', 'E', 'F'].map((name) => ({ name, value: 'buildspec', pos })),
      resolved: new Map([
        ['D', 'resolved'],
        ['E', 'resolved'],
        ['F', 'resolved'],
      ]),
      project: [
        ['E', 'project'],
        ['F', 'project'],
      ],
      overrides: [['F', 'override']],
    });
    expect(env).toEqual({ A: 'image', B: 'agent', C: 'buildspec', D: 'resolved', E: 'project', F: 'override' });
  });

  test('identity: ARNs, optional variables only when known', () => {
    const id = makeIdentity({
      projectName: 'p',
      uuid: 'u',
      buildNumber: 3,
      initiator: 'me',
      startTime: 1000.7,
      srcDir: '/s',
      batchIdentifier: 'linux',
    });
    const vars = agentVariables(id);
    expect(vars.CODEBUILD_BUILD_ARN).toBe('arn:aws:codebuild::000000000000:build/p:u');
    expect(vars.CODEBUILD_START_TIME).toBe('1000');
    expect(vars.CODEBUILD_BATCH_BUILD_IDENTIFIER).toBe('linux');
    expect(vars).not.toHaveProperty('AWS_REGION');
    expect(vars).not.toHaveProperty('CODEBUILD_RESOLVED_SOURCE_VERSION');
  });
});

describe('log format', () => {
  test('timestamps are UTC with microseconds', () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 22, 10, 44, 12) + 417.308)).toBe('2026/11/22 10:44:12.417308');
    expect(formatTimestamp(Date.UTC(2025, 0, 2, 3, 4, 5))).toBe('2025/01/02 03:04:05.000000');
  });
});
