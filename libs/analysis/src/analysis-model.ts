import { APPOINTMENT_KINDS, isClinicalProfession } from '@orgchange/domain';
import { isLeadership } from './metrics/leadership';
import { restructureMetricOf } from './metrics/restructure-kinds';
import { IdTable } from './model/id-table';
import { hash32, NONE, OPEN_END, PostTable } from './model/post-table';
import { PersonTable } from './model/person-table';
import { dayNumber } from './periods';

/** A change to an organisation on a valid date: opens or closes it, or sets its kind (a number in `kinds`). */
export type OrganisationChange = Readonly<{ day: number; seq: number; open?: boolean; kind?: number }>;
/** A change to a unit on a valid date: `organisation` set opens it there (NONE closes it); `parent` set re-parents it (NONE: top level). */
export type UnitChange = Readonly<{ day: number; seq: number; organisation?: number; parent?: number }>;

/** A restructuring fact on its effective day, with the organisations (numbers) whose streams it was appended to. */
export type RestructureFact = { readonly day: number; readonly metric: string; readonly organisations: number[] };

const organisationOf = (streamId: string): string | undefined => (streamId.startsWith('organisation-') ? streamId.slice('organisation-'.length) : undefined);

type Data = Record<string, unknown> & { effectiveFrom?: string };
export type ModelEvent = Readonly<{ type: string; streamId: string; seq: number; data: Data }>;


/**
 * What the analyst replay keeps of the log: each organisation's and unit's dated changes, each post with its
 * holdings, the people the people metrics can meet, and the restructuring facts. Entities are numbered in
 * {@link IdTable}s and posts kept in typed columns, so memory is bounded by the numbers of organisations,
 * units, posts, appointments and people, never by the number of events. Events arrive in recorded order with
 * their final data (corrections applied, retractions dropped); their valid dates may be in any order, so
 * changes are kept with their day and folded per date when the metrics ask.
 */
export class AnalysisModel {
  readonly organisations = new IdTable();
  readonly kinds = new IdTable();
  readonly units = new IdTable();
  readonly families = new IdTable();
  readonly groupRoles = new IdTable();
  readonly organisationChanges: OrganisationChange[][] = [];
  readonly unitChanges: UnitChange[][] = [];
  readonly posts = new PostTable();
  readonly people = new PersonTable();
  readonly restructures: RestructureFact[] = [];
  /** Facts spanning organisations are appended to each one's stream in one transaction, so copies are adjacent. */
  private lastRestructureKey = '';
  /** Whether each family (by number) leads. */
  readonly leadershipFamily: boolean[] = [];

  apply(event: ModelEvent): void {
    const d = event.data;
    const day = d.effectiveFrom === undefined ? NaN : dayNumber(d.effectiveFrom);
    const seq = event.seq;
    const streamOrganisation = organisationOf(event.streamId);
    this.noteRestructure(event, day, streamOrganisation);
    switch (event.type) {
      case 'OrganisationEstablished':
        return this.organisationChange(d.organisationId as string, { day, seq, open: true, kind: this.kinds.intern(d.kind as string) });
      case 'OrganisationReclassified':
        return this.organisationChange(d.organisationId as string, { day, seq, kind: this.kinds.intern(d.kind as string) });
      case 'OrganisationClosed':
        return this.organisationChange(d.organisationId as string, { day, seq, open: false });
      case 'OrganisationsMerged':
        if (streamOrganisation !== undefined && (d.predecessorIds as string[]).includes(streamOrganisation)) this.organisationChange(streamOrganisation, { day, seq, open: false });
        return;
      case 'OrganisationSplit':
        if (streamOrganisation !== undefined && streamOrganisation === d.predecessorId) this.organisationChange(streamOrganisation, { day, seq, open: false });
        return;
      case 'UnitEstablished':
        return this.unitChange(d.unitId as string, { day, seq, organisation: this.organisations.intern(d.organisationId as string), parent: this.unitOrNone(d.parentUnitId) });
      case 'UnitMoved':
        return this.unitChange(d.unitId as string, { day, seq, parent: this.unitOrNone(d.toParentUnitId) });
      case 'UnitsMerged':
        for (const unitId of d.unitIds as string[]) if (unitId !== d.successorUnitId) this.unitChange(unitId, { day, seq, organisation: NONE });
        return;
      case 'UnitSplit':
      case 'UnitDissolved':
        return this.unitChange(d.unitId as string, { day, seq, organisation: NONE });
      case 'ServiceTransferred':
        // Appended to both organisations; the receiving copy is enough, as opening elsewhere ends the old place.
        if (streamOrganisation === d.toOrganisationId) this.unitChange(d.unitId as string, { day, seq, organisation: this.organisations.intern(d.toOrganisationId as string), parent: this.unitOrNone(d.toParentUnitId) });
        return;
      case 'PersonRegistered':
        return this.people.register(d.personId as string, isClinicalProfession(d.profession as string));
      default:
        // The domain requires these days; one missing reads as never, so it cannot open or end anything.
        return this.applyPostEvent(event.type, d, Number.isNaN(day) ? OPEN_END : day);
    }
  }

  private applyPostEvent(type: string, d: Data, day: number): void {
    if (type === 'PostCreated') {
      const groupRole = d.groupRole as string | undefined;
      const family = this.families.intern(d.family as string);
      this.leadershipFamily[family] = isLeadership(d.family as string);
      this.posts.create(d.postId as string, {
        organisation: this.organisations.intern(d.organisationId as string), unit: this.units.intern(d.unitId as string),
        family, groupRole: groupRole === undefined ? NONE : this.groupRoles.intern(groupRole), created: day,
      });
      return;
    }
    if (type !== 'PostAbolished' && type !== 'AppointmentStarted' && type !== 'AppointmentEnded') return;
    const p = this.posts.find(d.postId as string);
    if (p === NONE) return;
    if (type === 'PostAbolished') this.posts.abolish(p, day);
    else if (type === 'AppointmentEnded') this.posts.endHolding(p, hash32(d.appointmentId as string), day);
    else {
      // Only leadership holders are ever counted as people, so only they are given a number.
      const person = this.leadershipFamily[this.posts.family.get(p)] ? this.people.numberOf(d.personId as string) : NONE;
      this.posts.startHolding(p, { appointment: hash32(d.appointmentId as string), from: day, kind: APPOINTMENT_KINDS.indexOf(d.kind as (typeof APPOINTMENT_KINDS)[number]), person });
    }
  }

  private noteRestructure(event: ModelEvent, day: number, streamOrganisation: string | undefined): void {
    const metric = restructureMetricOf(event.type);
    if (metric === undefined) return;
    const organisation = this.organisations.intern(streamOrganisation ?? String(event.data.organisationId));
    const key = `${event.type}|${JSON.stringify(event.data)}`;
    const last = this.restructures[this.restructures.length - 1];
    if (last !== undefined && key === this.lastRestructureKey) {
      if (!last.organisations.includes(organisation)) last.organisations.push(organisation);
      return;
    }
    this.lastRestructureKey = key;
    this.restructures.push({ day, metric, organisations: [organisation] });
  }

  private unitOrNone(unitId: unknown): number {
    return typeof unitId === 'string' ? this.units.intern(unitId) : NONE;
  }

  private organisationChange(organisationId: string, change: OrganisationChange): void {
    const n = this.organisations.intern(organisationId);
    (this.organisationChanges[n] ??= []).push(change);
  }

  private unitChange(unitId: string, change: UnitChange): void {
    const n = this.units.intern(unitId);
    (this.unitChanges[n] ??= []).push(change);
  }
}
