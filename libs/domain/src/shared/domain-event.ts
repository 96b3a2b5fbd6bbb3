/**
 * An event as the domain sees it: a `type` in the past tense, a schema `version` and its `data`.
 * Valid time (`effectiveFrom`) and `reason` live in `data` because deciders reason about them;
 * the store adds the envelope (event id, positions, `recordedAt`, metadata).
 */
export type DomainEvent<T extends string = string, V extends number = number, D = unknown> = Readonly<{
  type: T;
  version: V;
  data: Readonly<D>;
}>;

/** Who did it and why, carried beside every event; never read by deciders. */
export type EventMetadata = Readonly<{
  actor: string;
  correlationId: string;
  causationId?: string;
  programmeId?: string;
  /** Where an imported fact came from: the source file and its data rows (from 1, header rows not counted). */
  source?: Readonly<{ file: string; rows: readonly number[] }>;
}>;
