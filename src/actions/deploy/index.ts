import { runAction } from '../common/runtime.js';
import { deployAction } from './main.js';

await runAction(deployAction());
