import type { CalendarDate } from '@orgchange/domain';
import type { StructureView } from '@orgchange/projections';
import { analyseImpact } from '../analyse-impact';
import type { ImpactChange, Recipient, UnresolvedChange } from '../impact.types';
import { StructureAtlas } from '../structure-atlas';

type ExpectedRecipient = Omit<Recipient, 'personIds' | 'reasons' | 'changeIds'> & { personIds: string[]; reasons: string[]; changeIds: string[] };

/**
 * given the structures the record holds (each on its own `at`), when changes are analysed, then these
 * recipients (compared as sets: order is not part of the rules). Anything the structures do not show is, as
 * for the analyser, not in the record: an organisation not open, a post that does not exist.
 */
export function givenStructures(...views: StructureView[]) {
  return {
    when: (...changes: ImpactChange[]) => {
      const { recipients, unresolved } = analyseWith(views, changes);
      return {
        thenRecipients: (expected: ExpectedRecipient[]): void => {
          expect(normalised(recipients)).toEqual(normalised(expected));
        },
        thenUnresolved: (expected: UnresolvedChange[]): void => {
          expect(unresolved).toEqual(expected);
        },
      };
    },
  };
}

function analyseWith(views: readonly StructureView[], changes: readonly ImpactChange[]) {
  const atlas = new StructureAtlas();
  for (const view of views) atlas.addStructure(view.organisation.organisationId, view.at as CalendarDate, view);
  for (;;) {
    const analysis = analyseImpact(changes, atlas);
    if (analysis.missing.structures.size === 0 && analysis.missing.postHosts.size === 0) return analysis;
    for (const { organisationId, on } of analysis.missing.structures.values()) atlas.addStructure(organisationId, on, null);
    for (const { postId, on } of analysis.missing.postHosts.values()) atlas.addPostHost(postId, on, null);
  }
}

const normalised = (recipients: readonly (Recipient | ExpectedRecipient)[]) =>
  recipients
    .map((r) => ({ ...r, personIds: [...r.personIds].sort(), reasons: [...r.reasons].sort(), changeIds: [...r.changeIds].sort() }))
    .sort((a, b) => `${a.recipientKind} ${a.recipientId}`.localeCompare(`${b.recipientKind} ${b.recipientId}`));

const day = (iso: string) => iso as CalendarDate;

/** Planned changes, each with an id saying what it is. */
export const change = {
  abolishPost: (postId: string, on: string): ImpactChange => ({ changeId: `abolish-${postId}`, command: { type: 'AbolishPost', data: { postId, effectiveFrom: day(on) } } }),
  retitlePost: (postId: string, on: string): ImpactChange => ({ changeId: `retitle-${postId}`, command: { type: 'RetitlePost', data: { postId, title: 'New title', effectiveFrom: day(on) } } }),
  startAppointment: (postId: string, personId: string, on: string): ImpactChange => ({
    changeId: `start-${postId}-${personId}`,
    command: { type: 'StartAppointment', data: { postId, appointmentId: `appt-${personId}`, personId, kind: 'substantive', effectiveFrom: day(on) }, context: { unitOpen: true, personKnown: true } },
  }),
  createPost: (postId: string, unitId: string, on: string, group: { groupId?: string; groupRole?: string } = {}): ImpactChange => ({
    changeId: `create-${postId}`,
    command: { type: 'CreatePost', data: { postId, organisationId: 'trust', unitId, title: 'New post', family: 'management', grade: '8c', maxHolders: 1, ...group, effectiveFrom: day(on) }, context: { unitOpen: true } },
  }),
  endAppointment: (postId: string, personId: string, on: string): ImpactChange => ({
    changeId: `end-${postId}-${personId}`,
    command: { type: 'EndAppointment', data: { postId, appointmentId: `appt-${personId}`, endReason: 'resigned', effectiveFrom: day(on) } },
  }),
  moveUnit: (organisationId: string, unitId: string, toParentUnitId: string, on: string): ImpactChange => ({
    changeId: `move-${unitId}`,
    command: { type: 'MoveUnit', data: { organisationId, unitId, toParentUnitId, effectiveFrom: day(on) } },
  }),
  of: (changeId: string, command: ImpactChange['command']): ImpactChange => ({ changeId, command }),
};
