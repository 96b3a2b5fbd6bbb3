import type { PlannedChange } from '@orgchange/domain';
import type { ImpactAnalyser } from '../impact/impact-analyser';
import type { NotifiedRecipient } from './notification.types';
import type { RecipientFinder } from './recipient-finder.port';

/**
 * The saga's {@link RecipientFinder} backed by impact analysis, reading the structure as known at the programme
 * event's recorded time, so a replay names the same recipients. A change whose subject is not in the record names
 * nobody (impact analysis reports it as unresolved, and so does `GET /programmes/:id/impact`).
 */
export class ImpactRecipientFinder implements RecipientFinder {
  constructor(private readonly analyser: Pick<ImpactAnalyser, 'analyse'>) {}

  async recipientsOf(changes: readonly PlannedChange[], knownAt: string, context: readonly PlannedChange[] = changes): Promise<readonly NotifiedRecipient[]> {
    return (await this.analyser.analyse(changes, knownAt, context)).recipients;
  }
}
