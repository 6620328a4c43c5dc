export { parseBuildspec, validateBuildspec } from './parse.js';
export { formatFinding } from './findings.js';
export { buildspecJsonSchema } from './schema.js';
export { parseOnFailure, parseSecretReference } from './grammar.js';
export * from './types.js';
