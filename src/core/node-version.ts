/**
 * The first import of every entry point (the CLI and each action): on a Node.js older than 24 it prints one line
 * and exits 2 before anything else is loaded. ES modules evaluate their imports in order, so nothing imported after
 * this module runs; it imports nothing but Node's built-ins, so that it runs on any Node.js.
 */
import { writeSync } from 'node:fs';

export const MINIMUM_NODE_MAJOR = 24;

/**
 * The one line to print when Node.js `version` (as `process.version`, "v20.20.2") is older than `minimum`;
 * undefined when it is new enough or not a version this can read (then nothing is blocked).
 */
export function nodeVersionProblem(version: string, minimum = MINIMUM_NODE_MAJOR): string | undefined {
  const major = /^v?(\d+)(?:\.|$)/.exec(version)?.[1];
  if (major === undefined || Number(major) >= minimum) return undefined;
  return `aws-cicd needs Node.js ${minimum} or newer; this is ${version}`;
}

const problem = nodeVersionProblem(process.version);
if (problem !== undefined) {
  writeSync(2, problem + '\n');
  process.exit(2);
}
