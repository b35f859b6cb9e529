// Whatever was thrown, as something to report. No dependencies: the emulator and the workflow runner
// use it too.

/** Any thrown value as an Error. Duck-typed: errors of Node's own realm fail `instanceof Error` in a vm. */
export function asError(value: unknown): Error {
  if (typeof value === 'object' && value !== null && typeof (value as Error).message === 'string') {
    return value as Error;
  }
  return new Error(String(value));
}

/** The message of any thrown value, for a one-line report. */
export function messageOf(error: unknown): string {
  return asError(error).message;
}
