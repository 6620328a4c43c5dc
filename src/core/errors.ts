/**
 * A mistake the user can fix (bad input, missing file, missing permission). Printed as its message alone,
 * never with a stack. Anything else that escapes is a bug and keeps its stack.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  /** Process exit code the CLI uses for this error (2 = usage or invalid input, 1 = the job failed). */
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.exitCode = options.exitCode ?? 1;
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** The message to show for any thrown value: user errors bare, bugs with their stack. */
export function describeError(error: unknown): string {
  if (isUserError(error)) return error.message;
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
