/** The SDK clients the image code uses (ECR, and CodeBuild for the project update), made from one environment. */
import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import type { ECRClient } from '@aws-sdk/client-ecr';
import { codeBuildProjectApi, createCodeBuildClient, type CodeBuildProjectApi } from '../aws/codebuild.js';
import { credentialsFromEnv, type ClientOptions } from '../aws/config.js';
import { createEcrClient, ecrApi, type EcrApi } from '../aws/ecr.js';

export interface ImageClients {
  readonly ecr: EcrApi;
  /** The CodeBuild API in a region (the registry's when undefined). */
  codebuild(region: string | undefined): CodeBuildProjectApi;
  /** Closes the connections. */
  dispose(): void;
}

export function createImageClients(opts: ClientOptions = {}): ImageClients {
  const env = opts.env ?? process.env;
  const credentials = opts.credentials ?? credentialsFromEnv(env);
  const options: ClientOptions = { ...opts, ...(credentials !== undefined ? { credentials } : {}) };
  const ecrClient: ECRClient = createEcrClient(options);
  const codebuildClients = new Map<string, CodeBuildClient>();
  return {
    ecr: ecrApi(ecrClient),
    codebuild(region) {
      const key = region ?? '';
      let client = codebuildClients.get(key);
      if (client === undefined) {
        client = createCodeBuildClient({ ...options, ...(region !== undefined ? { region } : {}) });
        codebuildClients.set(key, client);
      }
      return codeBuildProjectApi(client);
    },
    dispose() {
      ecrClient.destroy();
      for (const client of codebuildClients.values()) client.destroy();
    },
  };
}
