import type { PlannedChange } from '@orgchange/domain';

/**
 * A change to analyse: a programme's planned change, or an effective one restated as the command that made
 * it. `command.data.effectiveFrom` is the day it takes effect.
 */
export type ImpactChange = PlannedChange;

/** Why a recipient is affected: what happens to it, or how it stands to what changes. */
export type ImpactReason =
  | 'post-created'
  | 'post-abolished'
  | 'post-retitled'
  | 'post-regraded'
  | 'appointment-started'
  | 'appointment-ended'
  | 'direct-report'
  | 'group-partner'
  | 'unit-member'
  | 'unit-manager'
  | 'partner-organisation'
  | 'employing-organisation'
  | 'losing-organisation'
  | 'gaining-organisation'
  | 'host-organisation'
  | 'group-organisation'
  | 'member-organisation'
  | 'organisation-established'
  | 'organisation-renamed'
  | 'organisation-reclassified'
  | 'organisation-closed';

export type RecipientKind = 'post' | 'unit' | 'organisation';

/**
 * One post, unit or organisation to tell, once however many changes or reasons reach it. `personIds` are the
 * people in it on the day before the change: a post's holders of every kind (acting and covering included),
 * a unit's members (holders of its own posts), an organisation's board (holders of the leadership posts of
 * its top-level units). Empty when nobody is there, e.g. a vacant post or an organisation not yet open.
 * `reasons` and `changeIds` keep the order they were first found in.
 */
export type Recipient = Readonly<{
  recipientKind: RecipientKind;
  recipientId: string;
  organisationId: string;
  personIds: readonly string[];
  reasons: readonly ImpactReason[];
  changeIds: readonly string[];
}>;

/** A change whose subject is not in the record on the day before it takes effect, so nobody can be named for it. */
export type UnresolvedChange = Readonly<{ changeId: string; subjectId: string; code: 'PostNotFound' | 'UnitNotFound' }>;

/** Who is affected by a set of changes. */
export type Impact = Readonly<{ recipients: readonly Recipient[]; unresolved: readonly UnresolvedChange[] }>;
