/**
 * Source actions. Source / AWS / CodeCommit reads the branch head (or the StartPipelineExecution COMMIT_ID override)
 * of an emulated CodeCommit repository (services/codecommit-store.ts). Source / AWS / CodeStarSourceConnection reads
 * a local git repository that a test links to the action's FullRepositoryId (`state.codepipeline.linkRepository`),
 * standing in for GitHub/GitLab/Bitbucket behind a connection. Both output the commit as a git artifact and the
 * output variables AWS documents for them.
 */
import type { CodeCommitStore } from '../../services/codecommit-store.js';
import { commitInfo, isoSeconds } from '../git.js';
import type { CommitInfo } from '../git.js';
import type { ActionOutcome, ActionProvider, ActionRun } from '../types.js';

const failed = (code: string, message: string): ActionOutcome => ({
  status: 'Failed',
  errorDetails: { code, message },
});

async function resolveCommit(
  run: ActionRun,
  repoDir: string,
  branch: string,
  missingBranch: string,
): Promise<CommitInfo | ActionOutcome> {
  const override = run.sourceOverride;
  const info = await commitInfo(repoDir, override ? override.revisionValue : `refs/heads/${branch}`);
  if (info) return info;
  return override
    ? failed(
        'RevisionUnavailable',
        `The revision ${override.revisionValue} could not be found in the source repository`,
      )
    : failed('ConfigurationError', missingBranch);
}

export function codeCommitSource(codecommit: CodeCommitStore, region: string): ActionProvider {
  const consoleUrl = `https://${region}.console.aws.amazon.com/codesuite/codecommit/repositories`;
  return {
    required: ['RepositoryName', 'BranchName'],
    optional: ['PollForSourceChanges', 'OutputArtifactFormat'],
    inputs: [0, 0],
    outputs: [1, 1],
    revisionTypes: ['COMMIT_ID'],
    entityUrl: (c) => `${consoleUrl}/${c.RepositoryName}/browse/refs/heads/${c.BranchName}?region=${region}`,
    async run(run) {
      const { RepositoryName: name = '', BranchName: branch = '' } = run.configuration;
      const repo = codecommit.repositories.get(name);
      if (!repo) {
        return failed(
          'ConfigurationError',
          `The repository ${name} does not exist in AWS CodeCommit, or the pipeline's role has no access to it`,
        );
      }
      const info = await resolveCommit(
        run,
        repo.dir,
        branch,
        `The action failed because no branch named ${branch} was found in the selected AWS CodeCommit repository ` +
          `${name}. Make sure you are using the correct branch name, and then try again.`,
      );
      if ('status' in info) return info;
      const url = `${consoleUrl}/${name}/commit/${info.commit}?region=${region}`;
      const output = run.action.outputArtifacts[0]?.name ?? '';
      return {
        status: 'Succeeded',
        summary: info.message || info.commit,
        externalExecutionId: info.commit,
        externalExecutionUrl: url,
        outputVariables: {
          CommitId: info.commit,
          CommitMessage: info.message,
          BranchName: branch,
          RepositoryName: name,
          AuthorDate: isoSeconds(info.authorDate),
          CommitterDate: isoSeconds(info.committerDate),
        },
        outputArtifacts: [
          {
            kind: 'git',
            name: output,
            s3location: run.artifactLocation(output),
            repoDir: repo.dir,
            commit: info.commit,
            codecommitRepository: name,
            cloneRef: run.configuration.OutputArtifactFormat === 'CODEBUILD_CLONE_REF',
          },
        ],
        revision: {
          revisionId: info.commit,
          revisionSummary: info.message || info.commit,
          revisionUrl: url,
          created: info.committerDate,
        },
      };
    },
  };
}

/** Local repositories standing in for a connection's repositories, by FullRepositoryId (`owner/name`). */
export type LinkedRepositories = ReadonlyMap<string, string>;

export function connectionSource(linked: LinkedRepositories, region: string): ActionProvider {
  const redirect = (c: Record<string, string>, commit: string) =>
    `https://${region}.console.aws.amazon.com/codesuite/settings/connections/redirect?connectionArn=` +
    `${encodeURIComponent(c.ConnectionArn ?? '')}&referenceType=COMMIT&FullRepositoryId=` +
    `${encodeURIComponent(c.FullRepositoryId ?? '')}&Commit=${commit}`;
  return {
    required: ['ConnectionArn', 'FullRepositoryId', 'BranchName'],
    optional: ['OutputArtifactFormat', 'DetectChanges'],
    inputs: [0, 0],
    outputs: [1, 1],
    revisionTypes: ['COMMIT_ID'],
    async run(run) {
      const c = run.configuration;
      const repoDir = linked.get(c.FullRepositoryId ?? '');
      if (!repoDir) {
        return failed(
          'ConfigurationError',
          `No repository ${c.FullRepositoryId} is reachable through connection ${c.ConnectionArn} ` +
            '(emulator: link a local git repository with state.codepipeline.linkRepository)',
        );
      }
      const branch = c.BranchName ?? '';
      const info = await resolveCommit(
        run,
        repoDir,
        branch,
        `The branch ${branch} was not found in repository ${c.FullRepositoryId}`,
      );
      if ('status' in info) return info;
      const summary = JSON.stringify({ ProviderType: 'GitHub', CommitMessage: info.message });
      const url = redirect(c, info.commit);
      const output = run.action.outputArtifacts[0]?.name ?? '';
      return {
        status: 'Succeeded',
        summary,
        externalExecutionId: info.commit,
        externalExecutionUrl: url,
        outputVariables: {
          AuthorDate: isoSeconds(info.authorDate),
          BranchName: branch,
          CommitId: info.commit,
          CommitMessage: info.message,
          ConnectionArn: c.ConnectionArn ?? '',
          FullRepositoryName: c.FullRepositoryId ?? '',
        },
        outputArtifacts: [
          {
            kind: 'git',
            name: output,
            s3location: run.artifactLocation(output),
            repoDir,
            commit: info.commit,
            cloneRef: c.OutputArtifactFormat === 'CODEBUILD_CLONE_REF',
          },
        ],
        revision: { revisionId: info.commit, revisionSummary: summary, revisionUrl: url, created: info.committerDate },
      };
    },
  };
}
