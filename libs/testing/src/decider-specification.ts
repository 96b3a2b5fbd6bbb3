import { type Decider, type DomainError, isDomainError } from '@orgchange/domain';

/**
 * given/when/then for deciders: `given` a history, `when` a command, `then` the exact events decided,
 * or `thenRejects` with the code of the broken rule. `thenState` checks the events like `then` and returns the state
 * folded from the history and those events, so a test can go on to check what they mean.
 */
export function deciderSpecification<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given: (history: readonly E[]) => ({
      when: (command: C) => {
        const decide = (): readonly E[] | DomainError => decider.decide(command, history.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected: readonly E[]): void => {
            expectEvents(decide(), expected);
          },
          thenState: (expected: readonly E[]): S => {
            const result = expectEvents(decide(), expected);
            return [...history, ...result].reduce(decider.evolve, decider.initialState());
          },
          thenEventTypes: (expected: readonly string[]): void => {
            const result = decide();
            if (isDomainError(result)) throw new Error(`expected events, got ${result.code}: ${result.message}`);
            expect(result.map((e) => (e as { type: string }).type)).toEqual(expected);
          },
          thenRejects: (code: string) => {
            const result = decide();
            expect(isDomainError(result) ? result.code : result).toBe(code);
          },
        };
      },
    }),
  };
}

/**
 * given/when/then for a command decided against several streams at once (e.g. `decideAcrossOrganisations`):
 * `given` a history per stream id, `then` the exact events per stream id; `thenStates` checks them likewise and
 * returns each involved stream's state after its decided events.
 */
export function acrossStreamsSpecification<C, E, S>(
  decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
  decide: (command: C, states: Readonly<Record<string, S>>) => Readonly<Record<string, readonly NoInfer<E>[]>> | DomainError,
) {
  const fold = (events: readonly E[]): S => events.reduce(decider.evolve, decider.initialState());
  return {
    given: (histories: Readonly<Record<string, readonly E[]>>) => ({
      when: (command: C) => {
        const states = Object.fromEntries(Object.entries(histories).map(([id, events]) => [id, fold(events)]));
        return {
          then: (expected: Readonly<Record<string, readonly E[]>>): void => {
            expectEvents(decide(command, states), expected);
          },
          thenStates: (expected: Readonly<Record<string, readonly E[]>>): Record<string, S> => {
            const result = expectEvents(decide(command, states), expected);
            return Object.fromEntries(Object.entries(result).map(([id, events]) => [id, fold([...(histories[id] ?? []), ...events])]));
          },
          thenRejects: (code: string) => {
            const result = decide(command, states);
            expect(isDomainError(result) ? result.code : result).toBe(code);
          },
        };
      },
    }),
  };
}

function expectEvents<T>(result: T | DomainError, expected: T): T {
  if (isDomainError(result)) throw new Error(`expected events, got ${result.code}: ${result.message}`);
  expect(result).toEqual(expected);
  return result;
}
