/** The job summary of the image action (and the CLI's closing lines): what was pushed where. */
import type { ImageResult } from './publish.js';

/** Text for a Markdown table cell: no pipes, backticks or line breaks can break out of it. */
function code(text: string): string {
  return `<code>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '&#124;')}</code>`;
}

export function imageSummaryMarkdown(result: ImageResult): string {
  const rows: Array<[string, string]> = [
    ['Image', code(result.image)],
    ['Digest', result.digest === undefined ? 'not pushed' : code(result.digest)],
    ['Tags', result.tags.map(code).join('<br>')],
    ['Registry', code(result.registry)],
    ['Repository', `${code(result.repositoryUri)}${result.repositoryCreated ? ' (created)' : ''}`],
    ['Engine', result.engine],
    ['Platforms', result.platforms.length > 0 ? result.platforms.map(code).join(', ') : 'the engine’s own'],
  ];
  if (result.project !== undefined) {
    const what = [
      result.project.imageUpdated ? 'builds in this image (SERVICE_ROLE pull credentials)' : 'image not changed',
      result.project.policyUpdated ? 'repository policy statement added' : 'repository policy already allowed it',
    ];
    rows.push(['CodeBuild project', `${code(result.project.arn)}: ${what.join('; ')}`]);
  }
  const title = result.pushed ? '### Image pushed to Amazon ECR' : '### Image built (not pushed)';
  return [title, '', '| | |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`), ''].join('\n');
}
