/** Console links of pipelines and their executions. */

function base(region: string): string {
  return `https://${region}.console.aws.amazon.com/codesuite/codepipeline/pipelines`;
}

/** The pipeline's page: where a manual approval is reviewed (Review on the approval action). */
export function pipelineConsoleUrl(region: string, pipeline: string): string {
  return `${base(region)}/${encodeURIComponent(pipeline)}/view?region=${region}`;
}

/** One execution's timeline. */
export function executionConsoleUrl(region: string, pipeline: string, executionId: string): string {
  return (
    `${base(region)}/${encodeURIComponent(pipeline)}/executions/${encodeURIComponent(executionId)}` +
    `/timeline?region=${region}`
  );
}
