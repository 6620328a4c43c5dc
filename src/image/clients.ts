/** The SDK clients the image code uses (ECR, and CodeBuild for the project update), made from one environment. */
import { codeBuildProjectApi, createCodeBuildClient, type CodeBuildProjectApi } from '../aws/codebuild.js';
import { clientPool, credentialsFromEnv, type ClientOptions } from '../aws/config.js';
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
  const pool = clientPool({ ...opts, ...(credentials !== undefined ? { credentials } : {}) });
  const codebuild = new Map<string, CodeBuildProjectApi>();
  return {
    ecr: ecrApi(pool.open(createEcrClient)),
    codebuild(region) {
      const key = region ?? '';
      let api = codebuild.get(key);
      if (api === undefined) {
        api = codeBuildProjectApi(pool.open(createCodeBuildClient, region !== undefined ? { region } : undefined));
        codebuild.set(key, api);
      }
      return api;
    },
    dispose: () => pool.dispose(),
  };
}
