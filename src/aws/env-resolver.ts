/**
 * The runner's resolver of a buildspec's parameter-store and secrets-manager variables (its `AwsEnvResolver`), backed
 * by the AWS SDK in the build's region. A face passes it to the local runner, which itself never reaches AWS; the SDK
 * loads only when a buildspec has such variables.
 */
import type { EnvSpec } from '../buildspec/types.js';

export interface ResolvedVariables {
  readonly values: Map<string, string>;
  readonly secrets: string[];
}

export function awsEnvResolver(options: {
  readonly region?: string;
  readonly env: NodeJS.ProcessEnv;
}): (spec: EnvSpec, skip: Set<string>) => Promise<ResolvedVariables> {
  return async (spec, skip) => {
    const wanted = [...spec.parameterStore, ...spec.secretsManager].some((v) => !skip.has(v.name));
    if (!wanted) return { values: new Map(), secrets: [] };
    const [{ resolveAwsVariables }, { createSsmClient }, { createSecretsManagerClient }] = await Promise.all([
      import('./buildspec-env.js'),
      import('./ssm.js'),
      import('./secretsmanager.js'),
    ]);
    const clientOptions = { region: options.region, env: options.env };
    return resolveAwsVariables(spec, skip, {
      ssm: () => createSsmClient(clientOptions),
      secrets: () => createSecretsManagerClient(clientOptions),
    });
  };
}
