/** An error the emulator answers with, in the service's own wire shape (see protocols/*). */
export class AwsError extends Error {
  constructor(
    /** The error code: `__type` in awsJson, `<Code>` in awsQuery. */
    readonly code: string,
    message: string | undefined,
    readonly status = 400,
    /** Extra modeled members of the error structure (awsJson body fields). */
    readonly fields: Record<string, unknown> = {},
  ) {
    super(message ?? '');
    this.name = code;
    this.hasMessage = message !== undefined;
  }
  /** AWS omits `message` for some errors (e.g. SSM ParameterNotFound); so do we. */
  readonly hasMessage: boolean;
  get sender(): boolean {
    return this.status < 500;
  }
}

/**
 * The emulator has no implementation for something a real service supports. Loud on purpose (HTTP 501): a test that
 * hits it must be extended, not silently pass against behaviour AWS does not have.
 */
export function notEmulated(what: string): AwsError {
  return new AwsError('NotImplementedByEmulator', `The local AWS emulator does not implement ${what}.`, 501);
}
