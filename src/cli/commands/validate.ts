import { parse } from 'yaml';
import type { CommandSpec } from '../context.js';
export const validateCommand: CommandSpec = { name: 'validate', summary: 'x', help: 'x', run: async (_a, ctx) => { ctx.stdout.write(JSON.stringify(parse('a: 1')) + '\n'); return 0; } };
