import type { AppointmentEndReason } from '@orgchange/domain';
import { dateOf } from './sim-days';
import { activePosts, type Holding, inPost, type OrganisationContext, type PostSim } from './sim-model';

const YEAR = 365;
const LEAVING: readonly AppointmentEndReason[] = ['resigned', 'resigned', 'resigned', 'retired', 'retired', 'other'];

/** Day one: most seats have a holder already; the rest are vacancies being recruited to. */
export function staffAtStart(context: OrganisationContext, post: PostSim, day: number): void {
  post.seats.forEach((seat, i) => {
    if (context.random.chance(0.93)) appointHolder(context, post, i, day, context.registerPerson(post.template.profession, day));
    else planVacancy(context, post, i, day);
  });
}

/** A seat falls vacant on `day`: recruitment takes a few months, with an interim holder in some leadership posts. */
export function planVacancy(context: OrganisationContext, post: PostSim, seat: number, day: number): void {
  const { random } = context;
  const state = post.seats[seat];
  state.token += 1;
  const leadership = post.template.family !== 'clinical';
  const fillDay = day + (leadership ? random.between(60, 270) : random.between(30, 240));
  if (random.chance(leadership ? 0.35 : 0.1)) context.schedule(day + random.between(0, 14), { type: 'interim', post, seat, token: state.token });
  context.schedule(fillDay, { type: 'fill', post, seat, token: state.token });
}

/** Appoints a substantive (or joint) holder and plans their departure and perhaps a secondment. */
export function appointHolder(context: OrganisationContext, post: PostSim, seat: number, day: number, personId: string): Holding {
  const { random } = context;
  // A few starts are keyed in with a wrong (later) date and corrected, backdated, some weeks after.
  const typo = random.chance(0.03) ? random.between(7, 28) : 0;
  const wrongDate = typo > 0 && context.restructureDays.every((d) => d < day || d > day + typo);
  const kind = post.template.maxHolders > 1 ? 'joint' : 'substantive';
  const { holding, eventId } = context.appoint(post, day, kind, personId, wrongDate ? { recordedDay: day + typo } : {});
  post.seats[seat].holder = holding;
  if (wrongDate) context.schedule(day + random.between(30, 150), { type: 'correctPost', postId: post.postId, eventId, effectiveFrom: day });
  const tenure = random.exponential(post.template.family === 'clinical' ? 6 * YEAR : 4 * YEAR, 300);
  context.schedule(day + tenure, { type: 'leave', post, seat, appointmentId: holding.appointmentId });
  if (tenure > 500 && random.chance(post.template.family === 'clinical' ? 0.1 : 0.2)) {
    context.schedule(day + random.between(YEAR, Math.min(tenure - 120, 4 * YEAR)), { type: 'secondment', post, seat, appointmentId: holding.appointmentId });
  }
  return holding;
}

export function onLeave(context: OrganisationContext, post: PostSim, seat: number, appointmentId: string, day: number): void {
  const state = post.seats[seat];
  if (post.abolished || state.holder?.appointmentId !== appointmentId) return;
  // A seconded holder leaves only once back: the cover never outlasts the holder it stands in for.
  if (state.cover) {
    context.schedule(Math.max(day, state.cover.until), { type: 'leave', post, seat, appointmentId });
    return;
  }
  context.end(post, state.holder, day, context.random.pick(LEAVING));
  state.holder = undefined;
  const empty = post.seats.every((s) => !s.holder && !s.interim && !s.cover);
  if (empty && post.template.family === 'clinical' && context.random.chance(0.03)) {
    context.log.post(post.postId, { type: 'AbolishPost', data: { postId: post.postId, effectiveFrom: dateOf(day), reason: 'post not recruited to after review' } }, context.ids);
    post.abolished = true;
    return;
  }
  planVacancy(context, post, seat, day);
}

export function onFill(context: OrganisationContext, post: PostSim, seat: number, token: number, day: number): void {
  const state = post.seats[seat];
  if (post.abolished || state.token !== token || state.holder) return;
  if (state.interim) {
    context.end(post, state.interim, day, 'replaced');
    state.interim = undefined;
  }
  appointHolder(context, post, seat, day, candidate(context, post, day));
}

export function onInterim(context: OrganisationContext, post: PostSim, seat: number, token: number, day: number): void {
  const state = post.seats[seat];
  if (post.abolished || state.token !== token || state.holder || state.interim) return;
  const personId = colleague(context, post) ?? context.registerPerson(post.template.profession, day);
  state.interim = context.appoint(post, day, post.template.family === 'clinical' ? 'acting' : 'interim', personId).holding;
}

/** The holder goes on secondment elsewhere for a few months; most are covered by an acting colleague. */
export function onSecondment(context: OrganisationContext, post: PostSim, seat: number, appointmentId: string, day: number): void {
  const state = post.seats[seat];
  if (post.abolished || state.holder?.appointmentId !== appointmentId || state.cover || !context.random.chance(0.8)) return;
  const personId = colleague(context, post) ?? context.registerPerson(post.template.profession, day);
  const until = day + context.random.between(90, 540);
  const { holding } = context.appoint(post, day, 'acting', personId, { coveringFor: state.holder });
  state.cover = { ...holding, until };
  context.schedule(until, { type: 'secondmentEnd', post, seat, appointmentId: holding.appointmentId });
}

export function onSecondmentEnd(context: OrganisationContext, post: PostSim, seat: number, appointmentId: string, day: number): void {
  const state = post.seats[seat];
  if (post.abolished || state.cover?.appointmentId !== appointmentId) return;
  context.end(post, state.cover, day, 'term-ended');
  state.cover = undefined;
}

/** Ends every holding of a post on `day` (covers first) and returns the people who held its seats. */
export function endAllHoldings(context: OrganisationContext, post: PostSim, day: number, reason: string): string[] {
  const holders: string[] = [];
  for (const state of post.seats) {
    state.token += 1;
    if (state.cover) context.end(post, state.cover, day, 'restructured-out', reason);
    if (state.interim) context.end(post, state.interim, day, 'restructured-out', reason);
    if (state.holder) {
      context.end(post, state.holder, day, 'restructured-out', reason);
      holders.push(state.holder.personId);
    }
    Object.assign(state, { holder: undefined, cover: undefined, interim: undefined });
  }
  return holders;
}

/** Someone for a vacancy: a colleague whose post was restructured away, or a new starter. */
function candidate(context: OrganisationContext, post: PostSim, day: number): string {
  const pool = context.redeployable;
  const i = pool.findIndex((personId) => !inPost(post, personId));
  if (i >= 0 && context.random.chance(0.7)) return pool.splice(i, 1)[0];
  return context.registerPerson(post.template.profession, day);
}

/** A holder of another post in the same unit, to act up or fill in; undefined when there is none. */
function colleague(context: OrganisationContext, post: PostSim): string | undefined {
  const people = activePosts(post.unit)
    .filter((p) => p !== post)
    .flatMap((p) => p.seats.map((s) => s.holder?.personId))
    .filter((personId): personId is string => personId !== undefined && !inPost(post, personId));
  return people.length > 0 && context.random.chance(0.7) ? context.random.pick(people) : undefined;
}
