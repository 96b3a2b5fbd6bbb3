import type { CrossOrganisationCommand } from '../boundaries/boundary.commands';
import type { CalendarDate } from '../shared/calendar-date';
import { type DomainError, domainError } from '../shared/domain-error';
import { checkDistinct, checkRealDate } from '../shared/rules';
import type { OrganisationCommand } from '../organisations/organisation.commands';
import type { PostCommand } from '../posts/post.commands';

/**
 * One change a programme plans: the command that will be decided, on its own stream's rules, when its
 * `effectiveFrom` arrives. Kept as the command (not as events) because the structure may change before then
 * and the rules must be checked against the record as it is on that day.
 */
export type PlannedChange = Readonly<{ changeId: string; command: OrganisationCommand | CrossOrganisationCommand | PostCommand }>;

export const plannedEffectiveFrom = (change: PlannedChange): CalendarDate => change.command.data.effectiveFrom;

/** A programme plans at least one change, each with its own id and a real effective date. */
export function checkPlannedChanges(changes: readonly PlannedChange[]): DomainError | undefined {
  if (changes.length === 0) return domainError('ProgrammeHasNoChanges', 'a programme plans at least one change');
  const duplicate = checkDistinct('changes[].changeId', changes.map((c) => c.changeId));
  if (duplicate) return duplicate;
  for (const change of changes) {
    const badDate = checkRealDate(`changes[${change.changeId}].command.data.effectiveFrom`, change.command?.data?.effectiveFrom);
    if (badDate) return badDate;
  }
  return undefined;
}
