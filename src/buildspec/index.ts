export { parseBuildspec, validateBuildspec } from './parse.js';
export { formatFinding } from '../core/findings.js';
export { buildspecJsonSchema } from './schema.js';
export { parseOnFailure, parseSecretReference } from './grammar.js';
export { compileRe2, type Re2Result } from './re2.js';
export * from './types.js';
