/** A failure to report to the user as one line on stderr, with the exit code to leave with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** Parses a whole number option, naming the option when it is not one. */
export const wholeNumber = (name: string, min: number) => (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new CliError(`${name} must be a whole number of at least ${min}, got "${value}"`);
  return Number(value);
};
