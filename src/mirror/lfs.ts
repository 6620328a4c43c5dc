/**
 * Git LFS in a mirror: CodeCommit has no LFS server, so it receives the pointer files, not the LFS objects. For every
 * ref the mirror sends, the root `.gitattributes` is read (through the mirror's object reader); where it routes paths
 * through `filter=lfs`, the pointer files of that commit are counted with `git grep`, with the total
 * size of the objects they stand for, so the report can say what CodeCommit will not have.
 */
import type { Git } from './git.js';
import type { ObjectSource } from './objects.js';

export interface LfsFinding {
  /** The refs whose commit this is (a branch first when there is one). */
  readonly refs: readonly string[];
  readonly commit: string;
  /** The `.gitattributes` patterns with filter=lfs. */
  readonly patterns: readonly string[];
  readonly pointers: number;
  /** Sum of the pointers' `size` fields. */
  readonly bytes: number;
  /** A few pointer file paths. */
  readonly examples: readonly string[];
}

const POINTER_VERSION = 'version https://git-lfs.github.com/spec/v1';
/** Commits scanned for pointers at most (the rest are reported by their attributes only). */
const MAX_SCANNED = 20;

/** The LFS findings of the commits the mirror sends (`sent`: ref name and object of each ref created or changed). */
export async function findLfs(
  objects: ObjectSource,
  git: Git,
  sent: ReadonlyArray<{ readonly name: string; readonly sha: string }>,
): Promise<LfsFinding[]> {
  const tips = new Map<string, string[]>();
  for (const { name, sha } of sent) {
    const list = tips.get(sha) ?? [];
    list.push(name);
    tips.set(sha, list);
  }
  if (tips.size === 0) return [];
  const shas = [...tips.keys()];
  const attributes = await objects.read(shas.map((sha) => `${sha}:.gitattributes`));
  const patternsOf = new Map<string, string[]>();
  attributes.forEach((object, i) => {
    if (object?.type === 'blob') patternsOf.set(shas[i] as string, lfsPatterns(object.content.toString('utf8')));
  });
  const findings: LfsFinding[] = [];
  let scanned = 0;
  const ordered = shas.sort((a, b) => rank(tips.get(a) ?? []) - rank(tips.get(b) ?? []));
  for (const sha of ordered) {
    const patterns = patternsOf.get(sha) ?? [];
    if (patterns.length === 0) continue;
    const refs = (tips.get(sha) ?? []).sort((a, b) => rank([a]) - rank([b]));
    const counted = scanned++ < MAX_SCANNED ? await countPointers(git, sha) : { pointers: -1, bytes: 0, examples: [] };
    findings.push({ refs, commit: sha, patterns, ...counted });
  }
  return findings;
}

/** Branches before tags. */
function rank(refs: readonly string[]): number {
  return refs.some((r) => r.startsWith('refs/heads/')) ? 0 : 1;
}

/** Patterns of `.gitattributes` lines that set filter=lfs. */
export function lfsPatterns(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [pattern, ...attributes] = line.split(/\s+/);
    if (pattern !== undefined && attributes.includes('filter=lfs')) out.push(pattern);
  }
  return out;
}

async function countPointers(git: Git, sha: string): Promise<{ pointers: number; bytes: number; examples: string[] }> {
  const files = new Map<string, { version: boolean; size: number }>();
  await git.run(
    [
      'grep',
      '-I',
      '-z',
      '--full-name',
      '--no-color',
      '-e',
      `^${POINTER_VERSION}$`,
      '-e',
      '^size [0-9][0-9]*$',
      sha,
      '--',
    ],
    {
      okCodes: [0, 1],
      onStdoutLine: (line) => {
        const nul = line.indexOf('\0');
        if (nul < 0) return;
        const path = line.slice(sha.length + 1, nul);
        const text = line.slice(nul + 1);
        const file = files.get(path) ?? { version: false, size: 0 };
        if (text === POINTER_VERSION) file.version = true;
        else if (text.startsWith('size ')) file.size = Number(text.slice(5));
        files.set(path, file);
      },
    },
  );
  const pointers = [...files].filter(([, f]) => f.version);
  return {
    pointers: pointers.length,
    bytes: pointers.reduce((sum, [, f]) => sum + f.size, 0),
    examples: pointers.slice(0, 5).map(([p]) => p),
  };
}
