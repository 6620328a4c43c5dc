/** The SDK clients a deployment is created and followed with (CodeDeploy, S3), made from one environment. */
import { codeDeployApi, createCodeDeployClient, type CodeDeployApi } from '../aws/codedeploy.js';
import { followClientOptions, type ClientOptions } from '../aws/config.js';
import { createS3Client, s3Api, type S3Api } from '../aws/s3.js';

export interface DeployClients {
  readonly codedeploy: CodeDeployApi;
  readonly s3: S3Api;
  /** Closes the connections. */
  dispose(): void;
}

export function createDeployClients(opts: ClientOptions = {}): DeployClients {
  const options = followClientOptions(opts);
  const codedeploy = createCodeDeployClient(options);
  const s3 = createS3Client(options);
  return {
    codedeploy: codeDeployApi(codedeploy),
    s3: s3Api(s3),
    dispose() {
      codedeploy.destroy();
      s3.destroy();
    },
  };
}
