import { readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';

/** Why a file could not be read, in words: "no such file", "is a directory", … */
export function readProblem(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory; name a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a part of its path is not a directory';
    default:
      return e.message ?? String(error);
  }
}

/** A file the user named (shown as `shown`), as UTF-8 text; a file that cannot be read is bad input (exit 2). */
export function readTextFile(file: string, shown: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${shown}: ${readProblem(error)}`, { exitCode: 2 });
  }
}
