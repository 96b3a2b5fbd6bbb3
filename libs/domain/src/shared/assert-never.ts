/** Compile-time proof that a switch covers every case; reaching it at run time is a programming error. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
