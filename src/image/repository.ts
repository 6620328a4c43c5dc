/**
 * The ECR repository an image is pushed to: created when missing (tag mutability, encryption, scan on push and a
 * lifecycle policy), left as it is when it exists (with a warning for settings that differ, which ECR cannot change
 * afterwards), and opened to one CodeBuild project with a repository policy statement.
 */
import { UserError } from '../core/errors.js';
import type { EcrApi, Repository } from '../aws/ecr.js';
import { codeBuildPullStatement, defaultLifecyclePolicy, mergeStatement } from './policy.js';
import type { ImageSettings } from './settings.js';
import type { Reporter } from '../core/reporter.js';

/** What the repository steps say (a Reporter is one). */
export type RepositoryLog = Pick<Reporter, 'info' | 'warning'>;

export interface EnsuredRepository {
  readonly repository: Repository;
  readonly created: boolean;
}

export async function ensureRepository(
  ecr: EcrApi,
  settings: ImageSettings,
  log: RepositoryLog,
): Promise<EnsuredRepository> {
  const name = settings.repository;
  const existing = await ecr.describeRepository(name, settings.registryId);
  if (existing !== undefined) {
    log.info(`Repository ${existing.repositoryUri} exists`);
    warnDifferences(existing, settings, log);
    if (settings.lifecyclePolicy !== undefined) {
      await ecr.putLifecyclePolicy(name, settings.lifecyclePolicy, settings.registryId);
      log.info('Lifecycle policy set (lifecycle-policy)');
    }
    return { repository: existing, created: false };
  }
  if (!settings.createRepository) {
    throw new UserError(
      `ECR repository "${name}" does not exist${settings.registryId ? ` in registry ${settings.registryId}` : ''}; ` +
        'create it, or let this step create it (create-repository: true)',
    );
  }
  const repository = await ecr.createRepository({
    repositoryName: name,
    registryId: settings.registryId,
    imageTagMutability: settings.tagMutability,
    encryptionType: settings.encryption,
    kmsKey: settings.kmsKey,
    scanOnPush: settings.scanOnPush,
  });
  log.info(
    `Created repository ${repository.repositoryUri} (${settings.tagMutability}, ${settings.encryption}` +
      `${settings.kmsKey ? ` ${settings.kmsKey}` : ''}, scan on push ${settings.scanOnPush ? 'on' : 'off'})`,
  );
  const policy = settings.lifecyclePolicy ?? defaultLifecyclePolicy(settings.untaggedExpireDays, settings.keepTagged);
  await ecr.putLifecyclePolicy(name, policy, settings.registryId);
  log.info(
    settings.lifecyclePolicy !== undefined
      ? 'Lifecycle policy set (lifecycle-policy)'
      : `Lifecycle policy: untagged images expire after ${settings.untaggedExpireDays} days, ` +
          `the last ${settings.keepTagged} tagged images are kept`,
  );
  return { repository, created: true };
}

function warnDifferences(repo: Repository, settings: ImageSettings, log: RepositoryLog): void {
  const differences: string[] = [];
  if (repo.imageTagMutability !== undefined && !repo.imageTagMutability.startsWith(settings.tagMutability)) {
    differences.push(`tag mutability is ${repo.imageTagMutability}, not ${settings.tagMutability}`);
  }
  const encryption = repo.encryptionConfiguration?.encryptionType;
  if (encryption !== undefined && encryption !== settings.encryption) {
    differences.push(`encryption is ${encryption}, not ${settings.encryption}`);
  }
  const scan = repo.imageScanningConfiguration?.scanOnPush;
  if (scan !== undefined && scan !== settings.scanOnPush) {
    differences.push(`scan on push is ${scan ? 'on' : 'off'}`);
  }
  if (differences.length > 0) {
    log.warning(`Repository ${repo.repositoryName} exists and is left as it is: ${differences.join('; ')}`);
  }
}

/** Adds (or refreshes) the statement letting CodeBuild pull for `projectArn`; other statements are kept. */
export async function allowCodeBuildPull(
  ecr: EcrApi,
  settings: ImageSettings,
  projectArn: string,
  log: RepositoryLog,
): Promise<boolean> {
  const existing = await ecr.getRepositoryPolicy(settings.repository, settings.registryId);
  const merged = mergeStatement(existing, codeBuildPullStatement(projectArn));
  if (merged === undefined) {
    log.info(`Repository policy already lets CodeBuild pull for ${projectArn}`);
    return false;
  }
  await ecr.setRepositoryPolicy(settings.repository, merged, settings.registryId);
  log.info(`Repository policy now lets CodeBuild pull for ${projectArn}`);
  return true;
}
