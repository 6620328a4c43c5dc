/** The SDK clients a deployment is created and followed with (CodeDeploy, S3), made from one environment. */
import { codeDeployApi, createCodeDeployClient, type CodeDeployApi } from '../aws/codedeploy.js';
import { clientPool, followClientOptions, type ClientOptions } from '../aws/config.js';
import { createS3Client, s3Api, type S3Api } from '../aws/s3.js';

export interface DeployClients {
  readonly codedeploy: CodeDeployApi;
  readonly s3: S3Api;
  /** Closes the connections. */
  dispose(): void;
}

export function createDeployClients(opts: ClientOptions = {}): DeployClients {
  const pool = clientPool(followClientOptions(opts));
  return {
    codedeploy: codeDeployApi(pool.open(createCodeDeployClient)),
    s3: s3Api(pool.open(createS3Client)),
    dispose: () => pool.dispose(),
  };
}
