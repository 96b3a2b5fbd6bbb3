import { clinicalPost } from './organisation-plan';
import { planVacancy } from './post-lifecycle';
import { dateOf } from './sim-days';
import { type OrganisationContext, openUnits, type PostSim } from './sim-model';
import { GRADE_LADDER, TITLE_CHANGES } from './synthetic-names';

/** A post is retitled once in its life; about a third of retitles are recorded a month or three late (backdated). */
export function onRetitle(context: OrganisationContext, post: PostSim, day: number): void {
  if (post.abolished || post.title !== post.template.title) return;
  post.title = context.random.pick(TITLE_CHANGES)(post.title);
  const data = { postId: post.postId, title: post.title, effectiveFrom: dateOf(backdated(context, post, day)), reason: 'job description updated' };
  context.log.post(post.postId, { type: 'RetitlePost', data }, context.ids);
}

/** A post moves one band up the Agenda for Change ladder (medical grades are not regraded). */
export function onRegrade(context: OrganisationContext, post: PostSim, day: number): void {
  const rung = GRADE_LADDER.indexOf(post.grade as (typeof GRADE_LADDER)[number]);
  if (post.abolished || rung < 0 || rung === GRADE_LADDER.length - 1) return;
  post.grade = GRADE_LADDER[rung + 1];
  const data = { postId: post.postId, grade: post.grade, effectiveFrom: dateOf(backdated(context, post, day)), reason: 'banding review' };
  context.log.post(post.postId, { type: 'RegradePost', data }, context.ids);
}

/** A new clinical post in an open specialty, to be recruited to. */
export function onNewPost(context: OrganisationContext, day: number): void {
  const unit = context.random.pick(openUnits(context, 'specialty'));
  if (!unit) return;
  const post = context.createPost(unit, clinicalPost(context.random, unit.posts.length, unit.name), day);
  post.seats.forEach((_, seat) => planVacancy(context, post, seat, day));
}

/** A start date keyed in wrongly is corrected to the day the appointment really began. */
export function onCorrectPost(context: OrganisationContext, postId: string, eventId: string, effectiveFrom: number): void {
  const data = { targetEventId: eventId, correctedData: { effectiveFrom: dateOf(effectiveFrom) }, reason: 'start date was keyed in wrongly' };
  context.log.post(postId, { type: 'CorrectEvent', data }, context.ids);
}

export function onCorrectOrganisation(context: OrganisationContext, eventId: string, effectiveFrom: number): void {
  const data = { targetEventId: eventId, correctedData: { effectiveFrom: dateOf(effectiveFrom) }, reason: 'board paper gave the wrong date' };
  context.log.organisation(context.organisationId, { type: 'CorrectEvent', data }, context.ids);
}

export function onRenameOrganisation(context: OrganisationContext, day: number): void {
  const name = context.name.replace(/ NHS( Foundation)? Trust$/, ' Teaching Hospitals NHS Foundation Trust');
  context.log.organisation(context.organisationId, { type: 'RenameOrganisation', data: { organisationId: context.organisationId, name, effectiveFrom: dateOf(day) } }, context.ids);
}

const backdated = (context: OrganisationContext, post: PostSim, day: number): number =>
  context.random.chance(0.3) ? Math.max(post.createdDay, day - context.random.between(30, 90)) : day;
