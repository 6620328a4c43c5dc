/**
 * `#{namespace.variable}` references in action configurations: an action's namespace holds its output variables,
 * `variables` holds the V2 pipeline variables and `codepipeline` the execution's own (PipelineExecutionId). An
 * unresolvable reference fails the action before it runs, as on AWS.
 */
const REFERENCE = /#\{([A-Za-z0-9@\-_]+)\.([A-Za-z0-9@\-_.]+)\}/g;

export type VariableLookup = (namespace: string, name: string) => string | undefined;

export function resolveConfiguration(
  configuration: Record<string, string>,
  lookup: VariableLookup,
): { resolved: Record<string, string>; missing: string[] } {
  const missing: string[] = [];
  const resolved: Record<string, string> = {};
  for (const [key, value] of Object.entries(configuration)) {
    resolved[key] = value.replace(REFERENCE, (whole, namespace: string, name: string) => {
      const v = lookup(namespace, name);
      if (v === undefined) {
        missing.push(`${namespace}.${name}`);
        return whole;
      }
      return v;
    });
  }
  return { resolved, missing };
}

export function unresolvedMessage(actionName: string, missing: string[]): string {
  return (
    `The action failed because one or more variables could not be resolved: Action name=${actionName}, ` +
    `variables=${missing.map((m) => `#{${m}}`).join(', ')}. A variable that is referenced must exist in a ` +
    'namespace of a preceding action or in the pipeline variables.'
  );
}
