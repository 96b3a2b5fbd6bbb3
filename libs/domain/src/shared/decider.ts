import type { DomainError } from './domain-error';

/**
 * A stream type's behaviour as pure functions (the decider pattern):
 * `decide` answers a command with the events to append or a named rule violation, and
 * `evolve` folds one event into state. `evolve` never throws: an event that does not apply leaves state unchanged.
 */
export type Decider<Command, Event, State> = Readonly<{
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => readonly Event[] | DomainError;
}>;

/** Folds a history into state. */
export const fold = <E, S>(decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());
