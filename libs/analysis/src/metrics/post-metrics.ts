import { APPOINTMENT_KINDS, COVER_KINDS } from '@orgchange/domain';
import { HOLDING_FIELDS, type PostRecord } from '../analysis-model';
import { groupOf, GroupTally } from '../grouping';
import type { Snapshot } from '../snapshot';
import { isLeadership } from './leadership';
import { type MetricValue, type PeriodContext, ratio } from './metric-value';

const COVER_KIND_CODES = new Set(COVER_KINDS.map((k) => APPOINTMENT_KINDS.indexOf(k)));

type Tally = {
  open: number; vacant: number;
  held: number; acting: number; clinician: number; holders: Set<string>;
  heldAtStart: number; ended: number; churnPeople: Set<string>;
};

const fresh = (): Tally => ({ open: 0, vacant: 0, held: 0, acting: 0, clinician: 0, holders: new Set(), heldAtStart: 0, ended: 0, churnPeople: new Set() });

/** The group a post is in on a day: that of the organisation hosting its unit then (posts follow a transferred unit). */
const postGroup = (ctx: PeriodContext, post: PostRecord, snapshot: Snapshot): string =>
  groupOf(ctx.by, snapshot.units.get(post.unitId)?.organisationId ?? post.organisationId, snapshot);

/**
 * Post metrics of one period, in one pass over the posts:
 * - vacancy-rate: posts open on the last day with no holder of any kind ÷ posts open then;
 * - acting-share: leadership posts held on the last day by at least one acting, covering or interim holder ÷
 *   leadership posts held then;
 * - clinician-share: leadership posts held on the last day by at least one clinician ÷ leadership posts held then;
 * - leadership-churn: holdings of leadership posts whose last day falls in the period ÷ leadership posts held on
 *   its first day.
 * A holding covers `from` ≤ day < `until`; a post is open from its creation until its abolition.
 */
export function postMetrics(ctx: PeriodContext, clinicians: ReadonlySet<string>): MetricValue[] {
  const { startDay: s, endDay: e } = ctx.period;
  const tally = new GroupTally(fresh);
  for (const post of ctx.model.posts.values()) {
    const leadership = isLeadership(post.family);
    const h = post.holdings;
    if (post.created <= e && e < post.abolished) {
      const t = tally.of(postGroup(ctx, post, ctx.end));
      let holders = 0;
      let acting = false;
      let clinician = false;
      for (let i = 0; i < h.length; i += HOLDING_FIELDS) {
        if (h[i + 1] > e || h[i + 2] <= e) continue;
        holders += 1;
        if (!leadership) continue;
        const person = post.people[i / HOLDING_FIELDS];
        t.holders.add(person);
        acting ||= COVER_KIND_CODES.has(h[i + 3]);
        clinician ||= clinicians.has(person);
      }
      t.open += 1;
      if (holders === 0) t.vacant += 1;
      if (leadership && holders > 0) {
        t.held += 1;
        if (acting) t.acting += 1;
        if (clinician) t.clinician += 1;
      }
    }
    if (leadership && post.created <= e) churn(tally.of(postGroup(ctx, post, ctx.start)), post, s, e);
  }
  return [...tally.byGroup].flatMap(([group, t]) => [
    { group, metric: 'vacancy-rate', value: ratio(t.vacant, t.open) },
    { group, metric: 'acting-share', value: ratio(t.acting, t.held), people: t.holders.size },
    { group, metric: 'clinician-share', value: ratio(t.clinician, t.held), people: t.holders.size },
    { group, metric: 'leadership-churn', value: ratio(t.ended, t.heldAtStart), people: t.churnPeople.size },
  ]);
}

function churn(t: Tally, post: PostRecord, s: number, e: number): void {
  const h = post.holdings;
  let heldAtStart = false;
  for (let i = 0; i < h.length; i += HOLDING_FIELDS) {
    const from = h[i + 1];
    const until = h[i + 2];
    const atStart = from <= s && s < until;
    const endedInPeriod = from <= e && s < until && until <= e + 1;
    if (!atStart && !endedInPeriod) continue;
    heldAtStart ||= atStart;
    if (endedInPeriod) t.ended += 1;
    t.churnPeople.add(post.people[i / HOLDING_FIELDS]);
  }
  if (heldAtStart && post.created <= s && s < post.abolished) t.heldAtStart += 1;
}
