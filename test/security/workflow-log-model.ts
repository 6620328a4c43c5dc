/**
 * How GitHub's runner reads a step's stdout: which lines it takes as workflow commands (`::name k=v::data`), which it
 * shows, and the `::stop-commands::TOKEN` … `::TOKEN::` fence inside which nothing is a command. The security suite
 * uses it to tell a command our code issued from one forged by input or by a build's log.
 */

export interface WorkflowCommand {
  readonly name: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly data: string;
  /** 1-based line in the step's output. */
  readonly line: number;
}

export interface InterpretedLog {
  readonly commands: readonly WorkflowCommand[];
  /** Every line a reader of the job log could see: all but the `::add-mask::` commands the runner consumes. */
  readonly visible: readonly string[];
}

const COMMAND = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/;
const LEGACY = /##\[([A-Za-z][\w-]*)(?: ([^\]]*))?\](.*)$/;

/** The runner's unescaping of command data and property values. */
function unescape(text: string): string {
  return text
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%');
}

export function interpretWorkflowLog(text: string): InterpretedLog {
  const commands: WorkflowCommand[] = [];
  const visible: string[] = [];
  let fence: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trimStart();
    if (fence !== undefined) {
      if (line.trimEnd() === `::${fence}::`) fence = undefined;
      else visible.push(raw);
      return;
    }
    const match = COMMAND.exec(line);
    if (!match) {
      // The legacy form, found anywhere in a line: ##[name key=value;key=value]data
      const legacy = LEGACY.exec(raw);
      if (legacy) {
        const properties: Record<string, string> = {};
        for (const pair of (legacy[2] ?? '').split(';')) {
          const eq = pair.indexOf('=');
          if (eq > 0) properties[pair.slice(0, eq).trim()] = unescape(pair.slice(eq + 1));
        }
        const name = (legacy[1] ?? '').toLowerCase();
        commands.push({ name, properties, data: unescape(legacy[3] ?? ''), line: index + 1 });
        if (name === 'add-mask') return;
      }
      visible.push(raw);
      return;
    }
    const name = (match[1] ?? '').toLowerCase();
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescape(pair.slice(eq + 1));
    }
    const data = unescape(match[3] ?? '');
    commands.push({ name, properties, data, line: index + 1 });
    if (name === 'stop-commands') fence = data;
    if (name !== 'add-mask') visible.push(raw);
  });
  return { commands, visible };
}

/** Commands whose data or a property begins with the marker: the marker's text became a command of its own. */
export function forgedCommands(log: InterpretedLog, marker: string): WorkflowCommand[] {
  return log.commands.filter(
    (c) =>
      c.data.startsWith(marker) ||
      Object.entries(c.properties).some(([k, v]) => k.startsWith(marker) || v.startsWith(marker)),
  );
}
