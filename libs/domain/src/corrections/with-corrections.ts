import type { Decider } from '../shared/decider';
import { type DomainError, domainError, isDomainError } from '../shared/domain-error';
import type { DomainEvent } from '../shared/domain-event';
import { checkRealDate } from '../shared/rules';
import type { CorrectionCommand } from './correction.commands';
import type { CorrectionEvent } from './correction.events';

/** An event with the id the store gave it; corrections point at events by this id. */
export type Identified<E> = E & { readonly eventId?: string };

type Entry<E> = Readonly<{ eventId?: string; event: E; retracted: boolean }>;

/**
 * The history newest first, as a linked list whose nodes are the entries themselves (one object per event):
 * appending shares every earlier entry instead of copying them, so folding a stream of n events costs O(n),
 * not O(n²). Only a correction (rare) walks and rebuilds it.
 */
type History<E> = (Entry<E> & Readonly<{ earlier: History<E> }>) | undefined;

/** A stream's state together with the history it was folded from, so a correction can re-fold without the error. */
export type CorrectableState<S, E> = Readonly<{ current: S; history: History<E> }>;

/** The entries of a history, oldest first. */
function entriesOf<E>(history: History<E>): Entry<E>[] {
  const entries: Entry<E>[] = [];
  for (let node = history; node; node = node.earlier) entries.push(node);
  return entries.reverse();
}

const historyOf = <E>(entries: readonly Entry<E>[]): History<E> =>
  entries.reduce<History<E>>((earlier, { eventId, event, retracted }) => ({ eventId, event, retracted, earlier }), undefined);

function findEntry<E>(history: History<E>, eventId: string): Entry<E> | undefined {
  for (let node = history; node; node = node.earlier) if (node.eventId === eventId) return node;
  return undefined;
}

/**
 * Wraps a stream's decider so that its events can be retracted or corrected by later events, never rewritten.
 * A correction patches the target's data (only fields it has, same types, same identifiers); a retraction removes the target's
 * effect. State is re-folded from the corrected history, so every rule sees the record as now corrected.
 * `invariant` checks a whole state; a correction or retraction after which it fails is refused
 * (`CorrectionBreaksRule`, naming the rule).
 */
export function withCorrections<C extends { type: string }, E extends DomainEvent, S>(
  decider: Decider<C, E, S>,
  invariant: (state: S) => DomainError | undefined = () => undefined,
): Decider<C | CorrectionCommand, Identified<E | CorrectionEvent>, CorrectableState<S, E>> {
  const refold = (entries: readonly Entry<E>[]): S =>
    entries.filter((h) => !h.retracted).reduce((s, h) => decider.evolve(s, h.event), decider.initialState());

  const wrapped: Decider<C | CorrectionCommand, Identified<E | CorrectionEvent>, CorrectableState<S, E>> = {
    initialState: () => ({ current: decider.initialState(), history: undefined }),
    evolve: (state, event) => {
      if (event.type === 'EventRetracted' || event.type === 'EventCorrected') {
        const correction = event as unknown as CorrectionEvent;
        const entries = entriesOf(state.history).map((h) => {
          if (h.eventId !== correction.data.targetEventId) return h;
          return correction.type === 'EventRetracted'
            ? { ...h, retracted: true }
            : { ...h, event: { ...h.event, data: { ...(h.event.data as object), ...correction.data.correctedData } } as E };
        });
        return { current: refold(entries), history: historyOf(entries) };
      }
      const plain = event as Identified<E>;
      return {
        current: decider.evolve(state.current, plain),
        history: { eventId: plain.eventId, event: plain, retracted: false, earlier: state.history },
      };
    },
    decide: (command, state) => {
      if (command.type !== 'RetractEvent' && command.type !== 'CorrectEvent') return decider.decide(command as C, state.current);
      const events = decideCorrection(command as CorrectionCommand, state);
      if (isDomainError(events)) return events;
      // The corrected record must still keep the stream's rules (e.g. no two substantive holders at once).
      const broken = invariant(events.reduce(wrapped.evolve, state).current);
      return broken
        ? domainError('CorrectionBreaksRule', `the record as corrected would break a rule: ${broken.message}`, { rule: broken.code, ...(broken.details ?? {}) })
        : events;
    },
  };
  return wrapped;
}

function decideCorrection<E extends DomainEvent>(command: CorrectionCommand, state: CorrectableState<unknown, E>): readonly CorrectionEvent[] | DomainError {
  const { targetEventId, reason } = command.data;
  const target = findEntry(state.history, targetEventId);
  if (!target) return domainError('CorrectionTargetNotFound', `event ${targetEventId} is not in this stream`, { targetEventId });
  if (target.retracted) return domainError('CorrectionTargetRetracted', `event ${targetEventId} is already retracted`, { targetEventId });
  if (!reason.trim()) return domainError('CorrectionNeedsReason', 'a correction states why the record was wrong');
  if (command.type === 'RetractEvent') return [{ type: 'EventRetracted', version: 1, data: { targetEventId, reason } }];

  const original = target.event.data as Record<string, unknown>;
  const patch = command.data.correctedData;
  const unknown = Object.keys(patch).filter((key) => !(key in original) && key !== 'reason');
  if (unknown.length > 0) {
    return domainError('CorrectionAddsUnknownField', `a correction changes fields the event has; ${unknown.join(', ')} is not one`, { fields: unknown });
  }
  const retyped = Object.keys(patch).filter((key) => key in original && typeof patch[key] !== typeof original[key]);
  if (retyped.length > 0) return domainError('CorrectionChangesFieldType', `corrected fields keep their type: ${retyped.join(', ')}`, { fields: retyped });
  const corrected = { ...original, ...patch };
  const changedIdentity = Object.keys(patch).filter(
    (key) => /Ids?$/.test(key) && JSON.stringify(original[key]) !== JSON.stringify(corrected[key]),
  );
  if (changedIdentity.length > 0) {
    return domainError('CorrectionChangesIdentity', 'a correction keeps the identifiers of the event it corrects; retract it and record a new one instead', { fields: changedIdentity });
  }
  if ('effectiveFrom' in original) {
    const badDate = checkRealDate('correctedData.effectiveFrom', corrected.effectiveFrom);
    if (badDate) return badDate;
  }
  return [{ type: 'EventCorrected', version: 1, data: { targetEventId, targetType: target.event.type, correctedData: patch, reason } }];
}
