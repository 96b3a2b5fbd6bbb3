/** The stream was not at the version the writer expected: someone else appended first. */
export class ConcurrencyError extends Error {
  readonly code = 'StreamVersionConflict';
  constructor(
    readonly streamId: string,
    readonly expected: string | number,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${expected}`);
    this.name = 'ConcurrencyError';
  }
}

/** An event id that is already stored was reused for a different event or stream position. */
export class DuplicateEventIdError extends Error {
  readonly code = 'DuplicateEventId';
  constructor(readonly eventId: string) {
    super(`event id ${eventId} is already stored elsewhere in the log`);
    this.name = 'DuplicateEventIdError';
  }
}
