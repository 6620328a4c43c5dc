import type { CommandSpec } from '../context.js';
export const schemaCommand: CommandSpec = { name: 'schema', summary: 'x', help: 'x', run: async (_a, ctx) => { ctx.stdout.write('{}\n'); return 0; } };
