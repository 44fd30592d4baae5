/** A mistake in how the CLI was called (flags, file, definition): printed with a hint, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Print the usage text too (for mistakes on the command line itself). */
    readonly showUsage = false,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
