export { parseAppspec, looksLikeAppspec } from './parse.js';
export { ec2HooksInRunOrder, functionHooksInRunOrder, EC2_TRAFFIC_HOOKS } from './order.js';
export * from './types.js';
