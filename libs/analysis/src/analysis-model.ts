import { APPOINTMENT_KINDS } from '@orgchange/domain';
import { dayNumber } from './periods';
import { restructureMetricOf } from './metrics/restructure-kinds';

/** A change to an organisation on a valid date: opens or closes it, or sets its kind. */
export type OrganisationChange = Readonly<{ day: number; seq: number; open?: boolean; kind?: string }>;
/** A change to a unit on a valid date: `org` set opens it there (null closes it); `parent` set re-parents it. */
export type UnitChange = Readonly<{ day: number; seq: number; org?: string | null; parent?: string | null }>;

/** Holdings are packed four numbers each, so millions of them cost tens of megabytes, not hundreds. */
export const HOLDING_FIELDS = 4;
export const OPEN_END = 1_000_000_000;

export type PostRecord = {
  readonly organisationId: string;
  readonly unitId: string;
  readonly family: string;
  readonly groupRole: string | undefined;
  created: number;
  abolished: number;
  /** [hash of appointment id, from day, until day (OPEN_END while open), index in APPOINTMENT_KINDS] per holding. */
  readonly holdings: number[];
  /** The holder of each holding, in the same order. */
  readonly people: string[];
};

export type RestructureFact = { readonly day: number; readonly metric: string; readonly organisationIds: string[]; readonly key: string };

/** FNV-1a: appointment ids only need telling apart within one post, so 32 bits are plenty. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h | 0;
}

const organisationOf = (streamId: string): string | undefined => (streamId.startsWith('organisation-') ? streamId.slice('organisation-'.length) : undefined);

type Data = Record<string, unknown> & { effectiveFrom?: string };
export type ModelEvent = Readonly<{ type: string; streamId: string; seq: number; data: Data }>;

/**
 * What the analyst replay keeps of the log: each organisation's and unit's dated changes, each post with its
 * holdings, the clinicians, and the restructuring facts. Events arrive in recorded order with their final data
 * (corrections applied, retractions dropped); their valid dates may be in any order, so changes are kept with
 * their day and folded per date when the metrics ask.
 */
export class AnalysisModel {
  readonly organisations = new Map<string, OrganisationChange[]>();
  readonly units = new Map<string, UnitChange[]>();
  readonly posts = new Map<string, PostRecord>();
  readonly clinicians = new Set<string>();
  readonly restructures: RestructureFact[] = [];

  apply(event: ModelEvent): void {
    const d = event.data;
    const day = d.effectiveFrom === undefined ? NaN : dayNumber(d.effectiveFrom);
    const seq = event.seq;
    const streamOrganisation = organisationOf(event.streamId);
    this.noteRestructure(event, day, streamOrganisation);
    switch (event.type) {
      case 'OrganisationEstablished':
        return this.organisationChange(d.organisationId as string, { day, seq, open: true, kind: d.kind as string });
      case 'OrganisationReclassified':
        return this.organisationChange(d.organisationId as string, { day, seq, kind: d.kind as string });
      case 'OrganisationClosed':
        return this.organisationChange(d.organisationId as string, { day, seq, open: false });
      case 'OrganisationsMerged':
        if (streamOrganisation !== undefined && (d.predecessorIds as string[]).includes(streamOrganisation)) this.organisationChange(streamOrganisation, { day, seq, open: false });
        return;
      case 'OrganisationSplit':
        if (streamOrganisation !== undefined && streamOrganisation === d.predecessorId) this.organisationChange(streamOrganisation, { day, seq, open: false });
        return;
      case 'UnitEstablished':
        return this.unitChange(d.unitId as string, { day, seq, org: d.organisationId as string, parent: (d.parentUnitId as string | undefined) ?? null });
      case 'UnitMoved':
        return this.unitChange(d.unitId as string, { day, seq, parent: (d.toParentUnitId as string | undefined) ?? null });
      case 'UnitsMerged':
        for (const unitId of d.unitIds as string[]) if (unitId !== d.successorUnitId) this.unitChange(unitId, { day, seq, org: null });
        return;
      case 'UnitSplit':
      case 'UnitDissolved':
        return this.unitChange(d.unitId as string, { day, seq, org: null });
      case 'ServiceTransferred':
        // Appended to both organisations; the receiving copy is enough, as opening elsewhere ends the old place.
        if (streamOrganisation === d.toOrganisationId) this.unitChange(d.unitId as string, { day, seq, org: d.toOrganisationId as string, parent: (d.toParentUnitId as string | undefined) ?? null });
        return;
      case 'PersonRegistered':
        if (CLINICAL_PROFESSIONS.has(d.profession as string)) this.clinicians.add(d.personId as string);
        else this.clinicians.delete(d.personId as string);
        return;
      default:
        return this.applyPostEvent(event.type, d, day);
    }
  }

  private applyPostEvent(type: string, d: Data, day: number): void {
    if (type === 'PostCreated') {
      this.posts.set(d.postId as string, {
        organisationId: d.organisationId as string, unitId: d.unitId as string, family: d.family as string, groupRole: d.groupRole as string | undefined,
        created: day, abolished: OPEN_END, holdings: [], people: [],
      });
      return;
    }
    const post = this.posts.get(d.postId as string);
    if (!post) return;
    if (type === 'PostAbolished') post.abolished = day;
    else if (type === 'AppointmentStarted') {
      post.holdings.push(hash32(d.appointmentId as string), day, OPEN_END, APPOINTMENT_KINDS.indexOf(d.kind as (typeof APPOINTMENT_KINDS)[number]));
      post.people.push(d.personId as string);
    } else if (type === 'AppointmentEnded') {
      const id = hash32(d.appointmentId as string);
      for (let i = 0; i < post.holdings.length; i += HOLDING_FIELDS) if (post.holdings[i] === id) post.holdings[i + 2] = day;
    }
  }

  private noteRestructure(event: ModelEvent, day: number, streamOrganisation: string | undefined): void {
    const metric = restructureMetricOf(event.type);
    if (metric === undefined) return;
    const organisationId = streamOrganisation ?? (event.data.organisationId as string);
    // Facts that span organisations are appended to each one's stream in one transaction, so copies are adjacent.
    const key = `${event.type}|${JSON.stringify(event.data)}`;
    const last = this.restructures[this.restructures.length - 1];
    if (last?.key === key) {
      if (!last.organisationIds.includes(organisationId)) last.organisationIds.push(organisationId);
      return;
    }
    this.restructures.push({ day, metric, organisationIds: [organisationId], key });
  }

  private organisationChange(organisationId: string, change: OrganisationChange): void {
    push(this.organisations, organisationId, change);
  }

  private unitChange(unitId: string, change: UnitChange): void {
    push(this.units, unitId, change);
  }
}

/** The structure query's rule for "held by a clinician": a doctor, nurse or allied health professional. */
export const CLINICAL_PROFESSIONS: ReadonlySet<string> = new Set(['doctor', 'nurse', 'allied-health']);

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
