import { type AppointmentKind, isOrganisationOpenOn, isUnitOpenOn, type PostContext, type Profession, personStream } from '@orgchange/domain';
import type { ActionQueue } from './action-queue';
import type { DecidedLog } from './decided-log';
import { planOrganisation, type PostTemplate } from './organisation-plan';
import { onInterim, onFill, onLeave, onSecondment, onSecondmentEnd, staffAtStart } from './post-lifecycle';
import { onCorrectOrganisation, onCorrectPost, onNewPost, onRegrade, onRenameOrganisation, onRetitle } from './post-changes';
import { IdSource } from './id-source';
import { SeededRandom } from './seeded-random';
import { dateOf } from './sim-days';
import type { Action, AppointOptions, Holding, OrganisationContext, PostSim, UnitSim } from './sim-model';
import { PLACES } from './synthetic-names';
import { onDissolveSpecialty, onMergeDivisions, onMoveUnit, onNewService, onRenameUnit, onSplitDivision } from './unit-restructures';

export type ScheduledAction = Readonly<{ organisation: OrganisationSimulation; action: Action }>;

/**
 * One synthetic trust's history, decided command by command with the real deciders. `start` records day one
 * (organisation, units, posts, holders) and plans the years ahead; the caller then hands back each scheduled
 * action, in day order, to `handle`. Randomness comes from the seed and the organisation's index only.
 */
export class OrganisationSimulation implements OrganisationContext {
  readonly ids: IdSource;
  readonly random: SeededRandom;
  readonly organisationId: string;
  readonly name: string;
  readonly units: UnitSim[] = [];
  readonly redeployable: string[] = [];
  readonly restructureDays: number[] = [];

  constructor(
    index: number,
    seed: number,
    private readonly posts: number,
    readonly startDay: number,
    readonly endDay: number,
    readonly log: DecidedLog,
    private readonly queue: ActionQueue<ScheduledAction>,
  ) {
    this.ids = new IdSource(seed, index);
    this.ids.today = startDay;
    this.random = new SeededRandom(seed, index, 'history');
    this.organisationId = this.ids.next();
    const place = PLACES[(index + seed) % PLACES.length];
    const suffix = index >= PLACES.length ? ` ${Math.floor(index / PLACES.length) + 1}` : '';
    this.name = `${place}${suffix} ${this.random.chance(0.6) ? 'NHS Foundation Trust' : 'NHS Trust'}`;
  }

  /** Day one: the trust, its unit tree, its posts and their holders; then the changes of the years ahead are planned. */
  start(): void {
    const day = this.startDay;
    const on = dateOf(day);
    const externalCode = `R${this.ids.next().slice(0, 2).toUpperCase()}`;
    const kind = this.name.endsWith('Foundation Trust') ? 'nhs-foundation-trust' : 'nhs-trust';
    this.log.organisation(this.organisationId, { type: 'EstablishOrganisation', data: { organisationId: this.organisationId, name: this.name, kind, externalCode, effectiveFrom: on } }, this.ids);
    const plan = planOrganisation(this.random, this.posts);
    for (const u of plan.units) {
      const parent = u.parent === undefined ? undefined : this.units[u.parent];
      const unit: UnitSim = { unitId: this.ids.next(), name: u.name, kind: u.kind, level: u.level, open: true, posts: [], ...(parent ? { parent } : {}) };
      this.log.organisation(this.organisationId, { type: 'EstablishUnit', data: { organisationId: this.organisationId, unitId: unit.unitId, name: u.name, kind: u.kind, effectiveFrom: on, ...(parent ? { parentUnitId: parent.unitId } : {}) } }, this.ids);
      this.units.push(unit);
    }
    const groups = new Map<UnitSim, string>();
    for (const p of plan.posts) {
      const unit = this.units[p.unit];
      if (p.groupRole && !groups.has(unit)) groups.set(unit, this.ids.next());
      staffAtStart(this, this.createPost(unit, p, day, p.groupRole ? groups.get(unit) : undefined), day);
    }
    this.planChanges(plan.units.length, plan.posts.length);
  }

  /** The organisation-wide changes of the years ahead, on days drawn now. */
  private planChanges(units: number, posts: number): void {
    const span = this.endDay - this.startDay;
    const at = (fraction: number, jitter = 60) => this.startDay + Math.round(span * fraction) + this.random.between(-jitter, jitter);
    const anyDay = () => this.startDay + this.random.between(30, span);
    const merge = at(0.35);
    const split = at(0.65);
    const dissolves = Array.from({ length: Math.max(1, Math.round(units / 100)) }, () => at(0.5, 180));
    this.restructureDays.push(merge, split, ...dissolves);
    this.schedule(merge, { type: 'mergeDivisions' });
    this.schedule(split, { type: 'splitDivision' });
    for (const day of dissolves) this.schedule(day, { type: 'dissolveSpecialty' });
    this.schedule(at(0.55, 120), { type: 'newService' });
    if (this.random.chance(0.3)) this.schedule(anyDay(), { type: 'renameOrganisation' });
    for (let i = 0; i < Math.max(2, Math.round(units / 25)); i += 1) this.schedule(anyDay(), { type: 'renameUnit', wrongDate: i === 0 });
    for (let i = 0; i < Math.max(1, Math.round(units / 50)); i += 1) this.schedule(anyDay(), { type: 'moveUnit' });
    for (let i = 0; i < Math.round(posts * 0.06); i += 1) this.schedule(anyDay(), { type: 'newPost' });
    const all = this.units.flatMap((u) => u.posts);
    for (let i = 0; i < Math.round(posts * 0.08); i += 1) this.schedule(anyDay(), { type: 'retitle', post: this.random.pick(all) });
    for (let i = 0; i < Math.round(posts * 0.06); i += 1) this.schedule(anyDay(), { type: 'regrade', post: this.random.pick(all) });
  }

  handle(action: Action, day: number): void {
    this.ids.today = day;
    switch (action.type) {
      case 'leave': return onLeave(this, action.post, action.seat, action.appointmentId, day);
      case 'fill': return onFill(this, action.post, action.seat, action.token, day);
      case 'interim': return onInterim(this, action.post, action.seat, action.token, day);
      case 'secondment': return onSecondment(this, action.post, action.seat, action.appointmentId, day);
      case 'secondmentEnd': return onSecondmentEnd(this, action.post, action.seat, action.appointmentId, day);
      case 'retitle': return onRetitle(this, action.post, day);
      case 'regrade': return onRegrade(this, action.post, day);
      case 'correctPost': return onCorrectPost(this, action.postId, action.eventId, action.effectiveFrom);
      case 'correctOrganisation': return onCorrectOrganisation(this, action.eventId, action.effectiveFrom);
      case 'newPost': return onNewPost(this, day);
      case 'renameUnit': return onRenameUnit(this, day, action.wrongDate);
      case 'moveUnit': return onMoveUnit(this, day);
      case 'mergeDivisions': return onMergeDivisions(this, day);
      case 'splitDivision': return onSplitDivision(this, day);
      case 'dissolveSpecialty': return onDissolveSpecialty(this, day);
      case 'newService': return onNewService(this, day);
      case 'renameOrganisation': return onRenameOrganisation(this, day);
    }
  }

  schedule(day: number, action: Action): void {
    if (day <= this.endDay) this.queue.push(day, { organisation: this, action });
  }

  registerPerson(profession: Profession, day: number): string {
    const personId = this.ids.next();
    this.log.person(personId, { type: 'RegisterPerson', data: { personId, profession, effectiveFrom: dateOf(day) } }, this.ids);
    return personId;
  }

  createPost(unit: UnitSim, template: PostTemplate, day: number, groupId?: string): PostSim {
    const postId = this.ids.next();
    const t = template;
    const data = {
      postId, organisationId: this.organisationId, unitId: unit.unitId, title: t.title, family: t.family, grade: t.grade, maxHolders: t.maxHolders, effectiveFrom: dateOf(day),
      ...(t.programmedActivities !== undefined ? { programmedActivities: t.programmedActivities } : {}),
      ...(groupId ? { groupId, groupRole: t.groupRole } : {}),
    };
    this.log.post(postId, { type: 'CreatePost', data, context: this.context(unit, day) }, this.ids);
    const post: PostSim = { postId, unit, template, title: t.title, grade: t.grade, createdDay: day, abolished: false, seats: Array.from({ length: t.maxHolders }, () => ({ token: 0 })), ...(groupId ? { groupId } : {}) };
    unit.posts.push(post);
    return post;
  }

  appoint(post: PostSim, day: number, kind: AppointmentKind, personId: string, options: AppointOptions = {}): { holding: Holding; eventId: string } {
    const recorded = options.recordedDay ?? day;
    const appointmentId = this.ids.next();
    const seat = kind === 'substantive' || kind === 'joint';
    const fraction = kind === 'joint' ? 0.5 : seat && post.template.family === 'clinical' && this.random.chance(0.15) ? this.random.pick([0.6, 0.8]) : 1;
    const data = {
      postId: post.postId, appointmentId, personId, kind, fraction, effectiveFrom: dateOf(recorded),
      ...(seat && post.template.programmedActivities !== undefined ? { programmedActivities: post.template.programmedActivities } : {}),
      ...(options.coveringFor ? { coveringForPersonId: options.coveringFor.personId } : {}),
    };
    const context = { ...this.context(post.unit, recorded), personKnown: this.log.streamVersion(personStream(personId)) >= 0 };
    const [started] = this.log.post(post.postId, { type: 'StartAppointment', data, context }, this.ids);
    return { holding: { appointmentId, personId, from: recorded }, eventId: started.eventId };
  }

  end(post: PostSim, holding: Holding, day: number, endReason: Parameters<OrganisationContext['end']>[3], reason?: string): void {
    const data = { postId: post.postId, appointmentId: holding.appointmentId, endReason, effectiveFrom: dateOf(day), ...(reason ? { reason } : {}) };
    this.log.post(post.postId, { type: 'EndAppointment', data }, this.ids);
  }

  /** What the command handler would read from the organisation stream before deciding a post command. */
  private context(unit: UnitSim, day: number): PostContext {
    const organisation = this.log.organisationState(this.organisationId);
    const on = dateOf(day);
    return { unitOpen: isOrganisationOpenOn(organisation, on) && isUnitOpenOn(organisation.units[unit.unitId], on) };
  }
}
