import { type CalendarDate, groupBy } from '@orgchange/domain';
import type { ImportReport } from '../shared/import-report';
import type { Fact, ImportSession } from '../shared/import-session';
import { type HoldingKind, planPost, type PostPlan } from './ifg-holdings';
import { ifgOrganisationId, ifgPostId, ifgTeamUnitId } from './ifg-ids';
import type { IfgAppointment, IfgPost } from './ifg-rows';

const FILE = 'post.csv';
export type UnitOpen = (ifgOrganisationId: string, on: CalendarDate) => Promise<boolean>;
export type CreatedPost = Readonly<{ post: IfgPost; plan: PostPlan }>;

const fact = (post: IfgPost, what: string): Fact => ({ key: `ifg-ministers:post:${post.id}:${what}`, file: FILE, rows: [post.row] });

/**
 * Creates each post in its department's ministerial team, titled by its IfG name and graded by its rank
 * equivalence (SoS, MoS, PUSS …), over the span its appointments give it (see {@link planPost}).
 */
export async function createPosts(
  session: ImportSession,
  posts: readonly IfgPost[],
  appointments: readonly IfgAppointment[],
  kinds: ReadonlyMap<string, HoldingKind>,
  opensOn: ReadonlyMap<string, CalendarDate>,
  unitOpen: UnitOpen,
  report: ImportReport,
): Promise<CreatedPost[]> {
  const byPost = groupBy(appointments, (a) => a.postId);
  const created: CreatedPost[] = [];
  for (const post of posts) {
    const departmentOpens = opensOn.get(post.organisationId);
    if (departmentOpens === undefined) {
      report.reject({ file: FILE, row: post.row, rule: 'OrganisationNotImported', message: `organisation ${post.organisationId} of post "${post.title}" was not imported` });
      continue;
    }
    const plan = planPost(byPost.get(post.id) ?? [], kinds, departmentOpens);
    if (!plan) {
      report.reject({ file: FILE, row: post.row, rule: 'PostNeverHeld', message: `post "${post.title}" has no appointment, so nothing dates it` });
      continue;
    }
    const organisationId = ifgOrganisationId(post.organisationId);
    const postId = ifgPostId(post.id);
    const data = {
      postId,
      organisationId,
      unitId: ifgTeamUnitId(organisationId),
      title: post.title,
      family: 'executive' as const,
      grade: post.rank || 'unranked',
      maxHolders: plan.maxHolders,
      effectiveFrom: plan.createdOn,
      reason: 'IfG Ministers Database post, from its first appointment',
    };
    const outcome = await session.post(postId, { type: 'CreatePost', data, context: { unitOpen: await unitOpen(post.organisationId, plan.createdOn) } }, fact(post, 'created'));
    if (outcome !== 'rejected') created.push({ post, plan });
    await session.flushIfFull();
  }
  return created;
}

/** Abolishes each post on the day its last appointment ended, once every appointment to it has been decided. */
export async function abolishUnheldPosts(session: ImportSession, created: readonly CreatedPost[]): Promise<void> {
  for (const { post, plan } of created) {
    if (plan.abolishedOn === undefined) continue;
    const data = { postId: ifgPostId(post.id), effectiveFrom: plan.abolishedOn, reason: 'no appointment after this day in the IfG data' };
    await session.post(data.postId, { type: 'AbolishPost', data }, fact(post, `abolished:${plan.abolishedOn}`));
    await session.flushIfFull();
  }
}
