/**
 * ECR repositories (no images: there is no registry API here) and the registry password GetAuthorizationToken hands
 * out. A test's own registry checks `password()` to accept `docker login` with the token.
 */
import { randomBytes } from 'node:crypto';
import { uuid } from '../util.js';

export interface EcrRepository {
  name: string;
  created: number;
  imageTagMutability: string;
  scanOnPush: boolean;
  encryptionType: string;
  kmsKey?: string;
  lifecyclePolicy?: string;
  policyText?: string;
}

export class EcrStore {
  readonly repositories = new Map<string, EcrRepository>();
  private readonly secret = randomBytes(32).toString('base64url');
  /** The account's AWS managed `aws/ecr` KMS key, used when KMS is asked for without a key. */
  private readonly managedKeyId = uuid();

  constructor(
    readonly region: string,
    readonly accountId: string,
    readonly now: () => number,
  ) {}

  /** The registry password inside every authorization token (`AWS:<password>`). */
  password(): string {
    return this.secret;
  }

  /** `<account>.dkr.ecr.<region>.amazonaws.com` */
  registryHost(): string {
    return `${this.accountId}.dkr.ecr.${this.region}.amazonaws.com`;
  }

  repositoryUri(name: string): string {
    return `${this.registryHost()}/${name}`;
  }

  arn(name: string): string {
    return `arn:aws:ecr:${this.region}:${this.accountId}:repository/${name}`;
  }

  managedKmsKeyArn(): string {
    return `arn:aws:kms:${this.region}:${this.accountId}:key/${this.managedKeyId}`;
  }
}
