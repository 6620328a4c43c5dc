import { runAction } from '../common/runtime.js';
import { buildAction } from './main.js';

await runAction(buildAction());
