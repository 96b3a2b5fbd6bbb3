import { assertNever, type PostCommand } from '@orgchange/domain';
import type { ChangeScope } from './change-scope';
import type { ImpactReason } from './impact.types';
import type { StructureIndex } from './structure-index';
import { receivingUnitImpact } from './unit-rules';

type ChangedPostCommand = Exclude<PostCommand, { type: 'CreatePost' }>;

const REASONS: Record<ChangedPostCommand['type'], ImpactReason> = {
  AbolishPost: 'post-abolished',
  RetitlePost: 'post-retitled',
  RegradePost: 'post-regraded',
  StartAppointment: 'appointment-started',
  EndAppointment: 'appointment-ended',
};

/**
 * A changed post affects its holders, its direct reports and the other posts of its group (the triumvirate
 * partners). Someone starting in the post is told with its holders.
 */
export function postImpact(command: PostCommand, scope: ChangeScope): void {
  if (command.type === 'CreatePost') return newPostImpact(command, scope);
  const { postId } = command.data;
  const host = scope.postHost(postId);
  if (host === undefined) return;
  const structure = host === null ? null : scope.structure(host);
  if (structure === undefined) return;
  const post = structure?.post(postId);
  if (!structure || !post) return plannedPostImpact(command, scope);
  scope.tellPost(structure, post, REASONS[command.type], appointeeOf(command));
  scope.tellHeldPosts(structure, structure.directReportsOf(post), 'direct-report');
  scope.tellHeldPosts(structure, structure.groupPartnersOf(post.groupId, post.postId), 'group-partner');
}

/**
 * A post the record does not show on the day before the change, but which one of the changes being analysed
 * creates by the change's day: it is told with the people the changes appointed to it, and its group partners.
 * It has nobody reporting to it yet.
 */
function plannedPostImpact(command: ChangedPostCommand, scope: ChangeScope): void {
  const { postId, effectiveFrom } = command.data;
  const planned = scope.planned.createdBy(postId, effectiveFrom);
  if (!planned) return scope.unresolved(postId, 'PostNotFound');
  const structure = scope.structure(planned.organisationId);
  if (structure === undefined) return;
  if (!structure) return scope.unresolved(postId, 'PostNotFound');
  scope.tellPlannedPost(structure, planned, REASONS[command.type], appointeeOf(command));
  scope.tellHeldPosts(structure, structure.groupPartnersOf(planned.groupId ?? null, postId), 'group-partner');
}

/** A new post has nobody in it yet: the leaders of its unit gain it, and its group gains a partner. */
function newPostImpact(command: Extract<PostCommand, { type: 'CreatePost' }>, scope: ChangeScope): void {
  const { organisationId, unitId, postId, groupId } = command.data;
  const structure = scope.structure(organisationId);
  if (structure === undefined) return;
  const unit = structure?.unit(unitId);
  if (!structure || !unit) return newPostInPlannedUnitImpact(command, scope, structure);
  scope.tellHeldPosts(structure, structure.leadersOf(unit), 'unit-manager');
  scope.tellHeldPosts(structure, structure.groupPartnersOf(groupId ?? null, postId), 'group-partner');
}

/** A new post in a unit that another of the changes creates: the leaders of the unit above it gain it. */
function newPostInPlannedUnitImpact(command: Extract<PostCommand, { type: 'CreatePost' }>, scope: ChangeScope, structure: StructureIndex | null): void {
  const { unitId, postId, groupId, effectiveFrom } = command.data;
  const unit = scope.planned.establishedBy(unitId, effectiveFrom);
  if (!structure || !unit) return scope.unresolved(unitId, 'UnitNotFound');
  receivingUnitImpact(scope, structure, unit.parentUnitId);
  scope.tellHeldPosts(structure, structure.groupPartnersOf(groupId ?? null, postId), 'group-partner');
}

function appointeeOf(command: ChangedPostCommand): string[] {
  switch (command.type) {
    case 'StartAppointment':
      return [command.data.personId];
    case 'AbolishPost':
    case 'RetitlePost':
    case 'RegradePost':
    case 'EndAppointment':
      return [];
    default:
      return assertNever(command);
  }
}
