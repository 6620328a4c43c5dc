/** AWS STS (awsQuery): GetCallerIdentity. */
import { model } from '../models/sts.js';
import type { QueryService } from './types.js';
import { op } from './types.js';

export interface CallerIdentity {
  arn: string;
  userId: string;
}

export interface StsOptions {
  accountId: string;
  /** accessKeyId → identity; keys not listed are the account root. */
  identities?: Record<string, CallerIdentity>;
}

export function createStsService(options: StsOptions): QueryService {
  return {
    name: 'sts',
    protocol: 'awsQuery',
    signingName: 'sts',
    apiVersion: '2011-06-15',
    xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
    model,
    validationErrorCode: 'ValidationError',
    throttling: { code: 'Throttling', message: 'Rate exceeded' },
    operations: {
      GetCallerIdentity: op((_input: Record<string, never>, ctx) => {
        const known = options.identities?.[ctx.identity.accessKeyId];
        return {
          UserId: known?.userId ?? options.accountId,
          Account: options.accountId,
          Arn: known?.arn ?? `arn:aws:iam::${options.accountId}:root`,
        };
      }),
    },
  };
}
