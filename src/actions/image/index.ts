// First: on an older Node.js, one line and exit 2 before anything else loads.
import '../../core/node-version.js';
import { runAction } from '../common/runtime.js';
import { imageAction } from './main.js';

await runAction(imageAction());
