/**
 * The buildspec a build is started with: inline YAML, or a path in the repository (sent as a path, so CodeBuild
 * reads it from the commit it builds), validated here first when we can see it. Also answers `batch: auto`: does the
 * buildspec have a batch section?
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBuildspec, type Finding } from '../buildspec/index.js';

export interface BuildspecChoice {
  /** buildspecOverride; undefined: the project's own buildspec. */
  readonly override?: string;
  /** The file the findings are about (relative to the workspace), or `buildspec` for inline YAML. */
  readonly shown?: string;
  readonly findings: readonly Finding[];
  /** The buildspec has errors: do not start. */
  readonly invalid: boolean;
  readonly hasBatch: boolean;
  /** Set when the buildspec could not be checked (a path not in the workspace). */
  readonly note?: string;
}

/** Inline YAML is text over more than one line, or text that starts with `version:`. */
export function isInlineBuildspec(text: string): boolean {
  return text.includes('\n') || /^\s*version\s*:/.test(text);
}

export function prepareBuildspec(input: string | undefined, workspace: string): BuildspecChoice {
  const given = input?.trim() === '' ? undefined : input;
  if (given === undefined) {
    // The project's buildspec: only peek at the repository's buildspec.yml to answer batch: auto.
    const file = path.join(workspace, 'buildspec.yml');
    const hasBatch =
      existsSync(file) && parseBuildspec(readFileSync(file, 'utf8'), 'buildspec.yml').buildspec?.batch !== undefined;
    return { findings: [], invalid: false, hasBatch };
  }
  if (isInlineBuildspec(given)) return check(given, 'buildspec', given);
  const relative = given.trim();
  const file = path.resolve(workspace, relative);
  if (!existsSync(file)) {
    return {
      override: relative,
      findings: [],
      invalid: false,
      hasBatch: false,
      note: `${relative} is not in the workspace, so it was not validated; CodeBuild reads it from the source`,
    };
  }
  return check(readFileSync(file, 'utf8'), path.relative(workspace, file) || relative, relative);
}

function check(text: string, shown: string, override: string): BuildspecChoice {
  const result = parseBuildspec(text, shown);
  const invalid = result.findings.some((f) => f.severity === 'error');
  return { override, shown, findings: result.findings, invalid, hasBatch: result.buildspec?.batch !== undefined };
}
