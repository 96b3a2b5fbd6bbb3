import type { AppointmentEndReason, AppointmentKind, Profession, UnitKind } from '@orgchange/domain';
import type { DecidedLog } from './decided-log';
import type { PostTemplate, UnitLevel } from './organisation-plan';
import type { IdSource } from './id-source';
import type { SeededRandom } from './seeded-random';

/** What the simulation remembers of one appointment (the domain state stays the authority on rules). */
export type Holding = { appointmentId: string; personId: string; from: number };

/**
 * One seat of a post: its substantive (or joint) holder, an acting cover while that holder is seconded away,
 * or an interim filling the seat while it is vacant. `token` changes whenever the seat's plan changes, so
 * an action scheduled under an old plan is recognised and skipped.
 */
export type Seat = { holder?: Holding; cover?: Holding & { until: number }; interim?: Holding; token: number };

export type UnitSim = { unitId: string; name: string; kind: UnitKind; level: UnitLevel; parent?: UnitSim; open: boolean; posts: PostSim[] };

export type PostSim = {
  postId: string;
  unit: UnitSim;
  template: PostTemplate;
  title: string;
  grade: string;
  groupId?: string;
  createdDay: number;
  seats: Seat[];
  abolished: boolean;
};

/** Something to do on a future day of one organisation's history. */
export type Action =
  | Readonly<{ type: 'leave' | 'secondment' | 'secondmentEnd'; post: PostSim; seat: number; appointmentId: string }>
  | Readonly<{ type: 'fill' | 'interim'; post: PostSim; seat: number; token: number }>
  | Readonly<{ type: 'retitle' | 'regrade'; post: PostSim }>
  | Readonly<{ type: 'correctPost'; postId: string; eventId: string; effectiveFrom: number }>
  | Readonly<{ type: 'correctOrganisation'; eventId: string; effectiveFrom: number }>
  | Readonly<{ type: 'renameUnit'; wrongDate: boolean }>
  | Readonly<{ type: 'newPost' | 'moveUnit' | 'mergeDivisions' | 'splitDivision' | 'dissolveSpecialty' | 'newService' | 'renameOrganisation' }>;

export type AppointOptions = Readonly<{ coveringFor?: Holding; recordedDay?: number }>;

/** The simulation of one organisation as its action handlers see it. */
export interface OrganisationContext {
  readonly organisationId: string;
  readonly name: string;
  readonly log: DecidedLog;
  /** Ids: organisations, units, posts, people, appointments and events. */
  readonly ids: IdSource;
  /** Every other choice, kept apart from ids so the history's shape does not depend on how ids are drawn. */
  readonly random: SeededRandom;
  readonly startDay: number;
  readonly endDay: number;
  readonly units: UnitSim[];
  /** People whose post was restructured away, first in line for the next vacancies. */
  readonly redeployable: string[];
  /** Days on which units are merged, split or dissolved: no appointment is recorded with a wrong date around them. */
  readonly restructureDays: readonly number[];
  schedule(day: number, action: Action): void;
  registerPerson(profession: Profession, day: number): string;
  createPost(unit: UnitSim, template: PostTemplate, day: number, groupId?: string): PostSim;
  appoint(post: PostSim, day: number, kind: AppointmentKind, personId: string, options?: AppointOptions): { holding: Holding; eventId: string };
  end(post: PostSim, holding: Holding, day: number, endReason: AppointmentEndReason, reason?: string): void;
}

/** True when `personId` holds, covers or fills in on any seat of the post. */
export const inPost = (post: PostSim, personId: string): boolean =>
  post.seats.some((s) => s.holder?.personId === personId || s.cover?.personId === personId || s.interim?.personId === personId);

export const openUnits = (context: OrganisationContext, level: UnitSim['level']): UnitSim[] => context.units.filter((u) => u.open && u.level === level);

export const activePosts = (unit: UnitSim): PostSim[] => unit.posts.filter((p) => !p.abolished);
