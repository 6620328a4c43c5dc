/**
 * Environment variables of a build: project variables overridden by name by StartBuild's, and PARAMETER_STORE /
 * SECRETS_MANAGER values looked up in the emulator's own SSM and Secrets Manager, the way the CodeBuild agent does
 * before the build phases (a missing reference fails DOWNLOAD_SOURCE with "Decrypted Variables Error").
 */
import type { EnvironmentVariable } from '@aws-sdk/client-codebuild';
import type { SecretsStore } from '../services/secretsmanager.js';
import type { SsmStore } from '../services/ssm.js';
import type { ResolvedEnvironmentVariable } from './executor.js';

export class VariableError extends Error {}

export function mergeVariables(
  project: EnvironmentVariable[] | undefined,
  overrides: EnvironmentVariable[] | undefined,
): EnvironmentVariable[] {
  const byName = new Map<string, EnvironmentVariable>();
  for (const v of [...(project ?? []), ...(overrides ?? [])]) {
    byName.set(v.name ?? '', { ...v, type: v.type ?? 'PLAINTEXT' });
  }
  return [...byName.values()];
}

export function resolveVariables(
  variables: EnvironmentVariable[],
  ssm: SsmStore,
  secrets: SecretsStore,
): ResolvedEnvironmentVariable[] {
  return variables.map((v) => {
    const name = v.name ?? '';
    const ref = v.value ?? '';
    if (v.type === 'PARAMETER_STORE') {
      const found = ssm.resolve(ref);
      if (!found) throw new VariableError(`parameter does not exist: ${ref}`);
      return { name, value: found.version.value, type: 'PARAMETER_STORE' };
    }
    if (v.type === 'SECRETS_MANAGER') {
      // secret-id:json-key:version-stage:version-id; an ARN secret-id contains 7 colon-separated parts itself.
      const parts = ref.split(':');
      const idParts = ref.startsWith('arn:') ? 7 : 1;
      const secretId = parts.slice(0, idParts).join(':');
      const [jsonKey, stage, versionId] = parts.slice(idParts);
      const secret = secrets.find(secretId);
      if (!secret) {
        throw new VariableError(
          `Secrets Manager Error Message: ResourceNotFoundException: Secrets Manager can't find the specified secret.`,
        );
      }
      const version = versionId
        ? secret.versions.find((x) => x.versionId === versionId)
        : secret.versions.find((x) => x.stages.includes(stage || 'AWSCURRENT'));
      if (!version?.secretString) {
        throw new VariableError(
          `Secrets Manager Error Message: ResourceNotFoundException: Secrets Manager can't find the specified secret value.`,
        );
      }
      let value = version.secretString;
      if (jsonKey) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          throw new VariableError(`Secrets Manager Error Message: secret ${secretId} is not valid JSON`);
        }
        const field = (parsed as Record<string, unknown>)[jsonKey];
        if (field === undefined) {
          throw new VariableError(`Secrets Manager Error Message: json key ${jsonKey} not found in secret ${secretId}`);
        }
        value = typeof field === 'string' ? field : JSON.stringify(field);
      }
      return { name, value, type: 'SECRETS_MANAGER' };
    }
    return { name, value: ref, type: 'PLAINTEXT' };
  });
}
