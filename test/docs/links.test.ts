/**
 * The documentation a user navigates: every relative link in README.md and docs/ (and the repository's other
 * top-level pages) points at a file of the repository, and every #anchor at a heading of the page it names, with
 * GitHub's anchors (lower case, punctuation dropped, spaces as hyphens, -1, -2 … for repeats). Links inside code
 * (fenced or inline) are not links.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../support/shared.js';

/** GitHub's anchor of a heading's text. */
export function slug(heading: string): string {
  return heading
    .replace(/`/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The text without fenced code blocks and inline code (their brackets are not links). */
function prose(text: string): string {
  return text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/(`+)[^`\n]*?\1/g, (code) => ' '.repeat(code.length));
}

/** Every anchor a page has: its headings' slugs (repeats numbered) and explicit `<a id|name="…">`. */
export function anchors(text: string): Set<string> {
  const found = new Set<string>();
  const seen = new Map<string, number>();
  const plain = text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const m of plain.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = slug(m[1]!);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    found.add(count === 0 ? base : `${base}-${count}`);
  }
  for (const m of plain.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) found.add(m[1]!);
  return found;
}

export interface Link {
  readonly line: number;
  readonly target: string;
}

/** The relative links of a Markdown text (inline links and images), with their line. */
export function links(text: string): Link[] {
  const found: Link[] = [];
  const scan = prose(text);
  for (const m of scan.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
    const target = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto: …
    found.push({ line: scan.slice(0, m.index).split('\n').length, target });
  }
  for (const m of scan.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(m[1]!)) continue;
    found.push({ line: scan.slice(0, m.index).split('\n').length, target: m[1]! });
  }
  return found;
}

/** Problems of one page's links: `file:line: target: why`. */
export function brokenLinks(root: string, file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const problems: string[] = [];
  for (const { line, target } of links(text)) {
    const [pathPart = '', anchor] = target.split('#', 2) as [string, string | undefined];
    const resolved = pathPart === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), pathPart));
    const where = `${file}:${line}: ${target}`;
    if (resolved.startsWith('..')) {
      problems.push(`${where}: points outside the repository`);
      continue;
    }
    const full = path.join(root, decodeURIComponent(resolved));
    if (!existsSync(full)) {
      problems.push(`${where}: ${resolved} does not exist`);
      continue;
    }
    if (anchor === undefined || anchor === '') continue;
    if (statSync(full).isDirectory() || !full.endsWith('.md')) {
      problems.push(`${where}: an anchor into ${resolved}, which is not a Markdown page`);
    } else if (!anchors(readFileSync(full, 'utf8')).has(decodeURIComponent(anchor))) {
      problems.push(`${where}: ${resolved} has no heading with the anchor #${anchor}`);
    }
  }
  return problems;
}

/** README.md, the other top-level pages and every page under docs/. */
function pages(): string[] {
  const top = readdirSync(REPO_ROOT).filter((f) => f.endsWith('.md'));
  const docs: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(path.join(REPO_ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.md')) docs.push(rel);
    }
  };
  walk('docs');
  return [...top.sort(), ...docs.sort()];
}

describe('links between README.md and docs/', () => {
  test('anchors are GitHub’s', () => {
    expect(slug('The bootstrap template (`infra/bootstrap.yml`)')).toBe('the-bootstrap-template-infrabootstrapyml');
    expect(slug('`aws-cicd run --help`')).toBe('aws-cicd-run---help');
    expect(slug('Shell and state (version 0.2)')).toBe('shell-and-state-version-02');
    expect([...anchors('# A\n## A\n```\n# not a heading\n```\n### B?\n')]).toEqual(['a', 'a-1', 'b']);
  });

  test('the check finds a missing file, a missing anchor and ignores code', () => {
    const text = [
      '[ok](README.md) [gone](docs/nope.md) [bad anchor](README.md#no-such-heading) [web](https://example.com)',
      '`[not a link](nope.md)`',
      '```',
      '[also not](nope.md)',
      '```',
    ].join('\n');
    expect(links(text).map((l) => l.target)).toEqual(['README.md', 'docs/nope.md', 'README.md#no-such-heading']);
  });

  const files = pages();

  test('README.md and the reference pages are there', () => {
    expect(files).toEqual(
      expect.arrayContaining(['README.md', 'docs/cli.md', 'docs/fidelity.md', 'docs/actions/build.md']),
    );
  });

  test.each(files)('%s: every relative link and #anchor resolves', (file) => {
    expect(brokenLinks(REPO_ROOT, file)).toEqual([]);
  });

  test('a broken link is reported with its file and line', () => {
    const problems = brokenLinks(REPO_ROOT, 'README.md');
    expect(problems).toEqual([]);
    // The same page with one link broken, through the function the real pages go through.
    const text = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8').replace(
      '](docs/cli.md)',
      '](docs/cli.md#nope)',
    );
    const line = text.split('\n').findIndex((l) => l.includes('](docs/cli.md#nope)')) + 1;
    expect(line).toBeGreaterThan(0);
    expect(links(text).filter((l) => l.target === 'docs/cli.md#nope')).toEqual([{ line, target: 'docs/cli.md#nope' }]);
    expect(anchors(readFileSync(path.join(REPO_ROOT, 'docs/cli.md'), 'utf8')).has('nope')).toBe(false);
  });
});
