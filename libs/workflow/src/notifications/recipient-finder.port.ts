import type { PlannedChange } from '@orgchange/domain';
import type { NotifiedRecipient } from './notification.types';

/** DI token for the {@link RecipientFinder} the notification saga asks. */
export const RECIPIENT_FINDER = Symbol('RECIPIENT_FINDER');

/**
 * Who a set of planned changes affects, one entry per post, unit or organisation (impact analysis).
 * The answer must depend only on the record as known at `knownAt` (the recorded time of the programme event
 * being handled): the saga asks again after a crash, and the same question must name the same recipients,
 * or a restart would send a different set of notifications. `context` is the programme's changes the ones asked
 * about are read with: a post another of them creates is found although the record does not show it yet.
 */
export interface RecipientFinder {
  recipientsOf(changes: readonly PlannedChange[], knownAt: string, context?: readonly PlannedChange[]): Promise<readonly NotifiedRecipient[]>;
}
