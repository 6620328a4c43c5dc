/** The closing lines of `aws-cicd run`, with or without --image: where its outputs went. */
import path from 'node:path';
import type { BuildResult } from '../../runner/types.js';

/** Where the artifacts (their ZIP files) and the report went: one line each, none when there are none. */
export function outputsLines(
  builds: ReadonlyArray<Pick<BuildResult, 'artifacts'> & { secondaryArtifacts?: BuildResult['secondaryArtifacts'] }>,
  reportJson: string | undefined,
  cwd: string,
): string {
  const shown = (file: string): string => {
    const relative = path.relative(cwd, file);
    return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  const zips = builds
    .flatMap((b) => [b.artifacts, ...(b.secondaryArtifacts ?? [])])
    .flatMap((a) => (a ? [a.location] : []));
  const lines: string[] = [];
  if (zips.length > 0) lines.push(`aws-cicd run: artifacts: ${zips.map(shown).join(', ')}`);
  if (reportJson !== undefined) lines.push(`aws-cicd run: report: ${shown(path.resolve(cwd, reportJson))}`);
  return lines.map((l) => l + '\n').join('');
}
