import type { AppendResult } from '@orgchange/event-store';

/**
 * Published on the in-memory EventBus after an append has committed, for in-process listeners that want
 * a nudge. Anything that must not be missed reads the store from a checkpoint instead.
 */
export class EventsAppended {
  constructor(readonly results: readonly AppendResult[]) {}
}
