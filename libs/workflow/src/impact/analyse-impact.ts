import { addDays, type CrossOrganisationCommand, type PostCommand } from '@orgchange/domain';
import { boundaryImpact } from './boundary-rules';
import { ChangeScope, type ImpactFindings, type MissingReads } from './change-scope';
import type { ImpactChange, Recipient, UnresolvedChange } from './impact.types';
import { organisationImpact } from './organisation-rules';
import { PlannedStructure } from './planned-structure';
import { postImpact } from './post-rules';
import { RecipientSet } from './recipient-set';
import type { StructureAtlas } from './structure-atlas';
import { PLANNED_COMMAND_ROUTES } from '../programmes/planned-command-routes';

type Command = ImpactChange['command'];

/** What an analysis found with the structures it was given, and the reads it still needs to be complete. */
export type ImpactAnalysis = Readonly<{ recipients: Recipient[]; unresolved: UnresolvedChange[]; missing: MissingReads }>;

/**
 * Who each change affects, deduplicated per recipient, from the structures in `atlas` (pure: it reads only
 * `atlas`). The answer is complete when `missing` is empty; otherwise read what it names into the atlas and
 * analyse again.
 *
 * A change effective on D is read in the structure of D - 1, the last day before it. Valid time is half-open,
 * so once a change is recorded the structure of D already shows its result (the abolished post gone, its
 * holders' appointments ended, the moved unit under its new parent): the people affected are the ones in
 * place the day before. For a planned change the day before is the same record, so planned and effective
 * changes name the same people.
 *
 * Changes are read together, with `context` (by default the changes themselves; for one change of a programme,
 * the programme's others): a post that one of them creates (on or before the day another changes it) is not
 * "not found" for the other, whose people are the ones the changes appoint to it; a post created in a unit one of
 * them establishes concerns the leaders of the unit above. Other chains (a unit one change establishes and another
 * moves or renames) are read from the record only.
 */
export function analyseImpact(changes: readonly ImpactChange[], atlas: StructureAtlas, context: readonly ImpactChange[] = changes): ImpactAnalysis {
  const findings: ImpactFindings = { recipients: new RecipientSet(), missing: { structures: new Map(), postHosts: new Map() }, unresolved: [] };
  const planned = new PlannedStructure(context);
  for (const { changeId, command } of changes) {
    const scope = new ChangeScope(changeId, addDays(command.data.effectiveFrom, -1), atlas, findings, planned);
    applyRules(command, scope);
  }
  return { recipients: findings.recipients.toList(), unresolved: findings.unresolved, missing: findings.missing };
}

function applyRules(command: Command, scope: ChangeScope): void {
  if (isPostCommand(command)) return postImpact(command, scope);
  if (isBoundaryCommand(command)) return boundaryImpact(command, scope);
  return organisationImpact(command, scope);
}

const isPostCommand = (command: Command): command is PostCommand => PLANNED_COMMAND_ROUTES[command.type] === 'post';
const isBoundaryCommand = (command: Command): command is CrossOrganisationCommand => PLANNED_COMMAND_ROUTES[command.type] === 'cross-organisation';
