import { runAction } from '../common/runtime.js';
import { pipelineAction } from './main.js';

await runAction(pipelineAction());
