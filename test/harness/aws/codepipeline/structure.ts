/**
 * CreatePipeline / UpdatePipeline structure checks, and the declaration as AWS stores it (GetPipeline answers every
 * action with runOrder, configuration, inputArtifacts and outputArtifacts, and the pipeline with pipelineType and
 * executionMode). Structure errors are InvalidStructureException / InvalidActionDeclarationException like AWS's;
 * where AWS's exact text is not documented the emulator words its own, naming the stage, action or key at fault.
 */
import type { PipelineDeclaration } from '@aws-sdk/client-codepipeline';
import { AwsError, notEmulated } from '../errors.js';
import type { ActionProvider, StoredAction, StoredDeclaration, StoredStage } from './types.js';
import { actionTypeKey } from './types.js';

/** Action types AWS offers that the emulator does not run: CreatePipeline answers NotImplementedByEmulator. */
const NOT_EMULATED = new Set([
  'Source/AWS/S3/1',
  'Source/AWS/ECR/1',
  'Source/ThirdParty/GitHub/1',
  'Build/AWS/ECRBuildAndPublish/1',
  'Build/AWS/Commands/1',
  'Compute/AWS/Commands/1',
  'Test/AWS/DeviceFarm/1',
  'Deploy/AWS/S3/1',
  'Deploy/AWS/CloudFormation/1',
  'Deploy/AWS/CloudFormationStackSet/1',
  'Deploy/AWS/CloudFormationStackInstances/1',
  'Deploy/AWS/ECS/1',
  'Deploy/AWS/CodeDeployToECS/1',
  'Deploy/AWS/ElasticBeanstalk/1',
  'Deploy/AWS/EC2/1',
  'Deploy/AWS/EKS/1',
  'Deploy/AWS/AppConfig/1',
  'Invoke/AWS/Lambda/1',
  'Invoke/AWS/StepFunctions/1',
  'Invoke/AWS/InspectorScan/1',
]);

const invalid = (message: string) => new AwsError('InvalidStructureException', message);
const invalidAction = (message: string) => new AwsError('InvalidActionDeclarationException', message);
const validation = (message: string) => new AwsError('ValidationException', message);

export interface StructureOptions {
  region: string;
  providers: ReadonlyMap<string, ActionProvider>;
}

/** Checks a declaration and returns it as stored at `version`, AWS's defaults filled in. */
export function storedDeclaration(
  input: PipelineDeclaration,
  version: number,
  options: StructureOptions,
): StoredDeclaration {
  const pipeline = structuredClone(input);
  const name = pipeline.name ?? '';
  if ((pipeline.artifactStore === undefined) === (pipeline.artifactStores === undefined)) {
    throw invalid('You must include either artifactStore or artifactStores in your pipeline, but you cannot use both.');
  }
  if (pipeline.artifactStores && !pipeline.artifactStores[options.region]) {
    throw invalid(`artifactStores must contain an artifact store for the pipeline's Region ${options.region}`);
  }
  const pipelineType = pipeline.pipelineType ?? 'V1';
  const executionMode = pipeline.executionMode ?? 'SUPERSEDED';
  if (pipelineType === 'V1') {
    if (executionMode !== 'SUPERSEDED') {
      throw validation(`Execution mode ${executionMode} is only supported for pipelines of type V2`);
    }
    if (pipeline.variables?.length) throw validation('Pipeline variables are only supported for pipelines of type V2');
    if (pipeline.triggers?.length) throw validation('Triggers are only supported for pipelines of type V2');
  }
  const variableNames = new Set<string>();
  for (const v of pipeline.variables ?? []) {
    if (variableNames.has(v.name ?? '')) throw invalid(`Pipeline variable name '${v.name}' is not unique`);
    variableNames.add(v.name ?? '');
  }

  const stages = pipeline.stages ?? [];
  if (stages.length < 2) {
    throw invalid(`Pipeline has only ${stages.length} stage(s). There should be a minimum of 2 stages in a pipeline`);
  }
  const stageNames = new Set<string>();
  const artifactsSoFar = new Set<string>();
  const namespaces = new Set<string>();
  const stored: StoredStage[] = stages.map((stage, index) => {
    const stageName = stage.name ?? '';
    if (stageNames.has(stageName)) throw invalid(`Stage name '${stageName}' is not unique in pipeline '${name}'`);
    stageNames.add(stageName);
    const actions = stage.actions ?? [];
    if (actions.length === 0) throw invalid(`Stage '${stageName}' must contain at least one action`);
    const actionNames = new Set<string>();
    const normalized: StoredAction[] = actions.map((a) => {
      const actionName = a.name ?? '';
      if (actionNames.has(actionName)) {
        throw invalid(`Action name '${actionName}' is not unique in stage '${stageName}'`);
      }
      actionNames.add(actionName);
      const type = a.actionTypeId as StoredAction['actionTypeId'];
      const key = actionTypeKey(type);
      const provider = options.providers.get(key);
      if (!provider) {
        if (NOT_EMULATED.has(key)) throw notEmulated(`the CodePipeline action type ${key}`);
        throw invalidAction(
          `ActionType (Category: '${type.category}', Provider: '${type.provider}', Owner: '${type.owner}', ` +
            `Version: '${type.version}') in action '${actionName}' is not available in region '${options.region}'`,
        );
      }
      const isSource = type.category === 'Source';
      if (index === 0 && !isSource) {
        throw invalid(`Stage '${stageName}' is the first stage: it can only contain source actions`);
      }
      if (index > 0 && isSource) {
        throw invalid(`Action '${actionName}' is a source action: source actions can only be in the first stage`);
      }
      const configuration = a.configuration ?? {};
      for (const k of provider.required) {
        if (configuration[k] === undefined) {
          throw invalidAction(
            `Action configuration for action '${actionName}' is missing required configuration '${k}'`,
          );
        }
      }
      for (const k of Object.keys(configuration)) {
        if (!provider.required.includes(k) && !provider.optional.includes(k)) {
          throw invalidAction(`Action configuration for action '${actionName}' contains unknown configuration '${k}'`);
        }
      }
      const inputs = a.inputArtifacts ?? [];
      const outputs = a.outputArtifacts ?? [];
      checkCount('input', inputs.length, provider.inputs, actionName);
      checkCount('output', outputs.length, provider.outputs, actionName);
      if (a.namespace !== undefined) {
        if (namespaces.has(a.namespace))
          throw invalid(`Namespace '${a.namespace}' is not unique in pipeline '${name}'`);
        namespaces.add(a.namespace);
      }
      return {
        ...a,
        name: actionName,
        actionTypeId: type,
        runOrder: a.runOrder ?? 1,
        configuration,
        outputArtifacts: outputs.map((o) => ({ ...o, name: o.name ?? '' })),
        inputArtifacts: inputs.map((i) => ({ name: i.name ?? '' })),
      };
    });
    // Inputs must come from an earlier stage, or from an action of this stage with a lower runOrder.
    for (const a of normalized) {
      for (const input of a.inputArtifacts) {
        const earlier = normalized.some(
          (b) => b.runOrder < a.runOrder && b.outputArtifacts.some((o) => o.name === input.name),
        );
        if (!artifactsSoFar.has(input.name) && !earlier) {
          throw invalid(
            `Input artifact '${input.name}' of action '${a.name}' in stage '${stageName}' is not the output ` +
              'artifact of a preceding action',
          );
        }
      }
    }
    for (const a of normalized) {
      for (const o of a.outputArtifacts) {
        if (artifactsSoFar.has(o.name))
          throw invalid(`Output artifact name '${o.name}' is not unique in pipeline '${name}'`);
        artifactsSoFar.add(o.name);
      }
    }
    return { ...stage, name: stageName, actions: normalized };
  });

  return {
    ...pipeline,
    name,
    roleArn: pipeline.roleArn ?? '',
    stages: stored,
    version,
    executionMode,
    pipelineType,
  };
}

function checkCount(kind: string, count: number, [min, max]: readonly [number, number], action: string): void {
  if (count < min || count > max) {
    throw invalidAction(
      `The number of ${kind} artifacts of action '${action}' is ${count}; it must be between ${min} and ${max}`,
    );
  }
}
