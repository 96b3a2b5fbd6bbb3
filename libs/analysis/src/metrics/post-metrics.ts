import { APPOINTMENT_KINDS, COVER_KINDS } from '@orgchange/domain';
import { groupInUnit, GroupTally } from '../grouping';
import type { DistinctPeople } from '../model/distinct-people';
import type { HoldingsByPost } from '../model/holdings-by-post';
import { type MetricValue, type PeriodContext, ratio } from './metric-value';

const COVER_KIND_CODES = new Set(COVER_KINDS.map((k) => APPOINTMENT_KINDS.indexOf(k)));

/** Per group; `holders` and `churnPeople` list person numbers with repeats, counted distinct at the end. */
type Tally = {
  open: number; vacant: number;
  held: number; acting: number; clinician: number; holders: number[];
  heldAtStart: number; ended: number; churnPeople: number[];
};

const fresh = (): Tally => ({ open: 0, vacant: 0, held: 0, acting: 0, clinician: 0, holders: [], heldAtStart: 0, ended: 0, churnPeople: [] });

/**
 * Post metrics of one period, in one pass over the posts:
 * - vacancy-rate: posts open on the last day with no holder of any kind ÷ posts open then;
 * - acting-share: leadership posts held on the last day by at least one acting, covering or interim holder ÷
 *   leadership posts held then;
 * - clinician-share: leadership posts held on the last day by at least one clinician ÷ leadership posts held then;
 * - leadership-churn: holdings of leadership posts whose last day falls in the period ÷ leadership posts held on
 *   its first day.
 * A holding covers `from` ≤ day < `until`; a post is open from its creation until its abolition. A post is in
 * the group of the organisation hosting its unit on the day (posts follow a transferred unit).
 */
export function postMetrics(ctx: PeriodContext, holdings: HoldingsByPost, distinct: DistinctPeople): MetricValue[] {
  const { startDay: s, endDay: e } = ctx.period;
  const { posts, people, leadershipFamily } = ctx.model;
  const { first, from, until, kind, person } = holdings;
  const tally = new GroupTally(fresh);
  for (let p = 0; p < posts.size; p++) {
    const created = posts.created.get(p);
    if (created > e) continue;
    const leadership = leadershipFamily[posts.family.get(p)];
    const unit = posts.unit.get(p);
    const organisation = posts.organisation.get(p);
    if (e < posts.abolished.get(p)) {
      const t = tally.of(groupInUnit(ctx.end, unit, organisation));
      let holders = 0;
      let acting = false;
      let clinician = false;
      for (let j = first[p]; j < first[p + 1]; j++) {
        if (from[j] > e || until[j] <= e) continue;
        holders += 1;
        if (!leadership) continue;
        t.holders.push(person[j]);
        acting ||= COVER_KIND_CODES.has(kind[j]);
        clinician ||= people.isClinician(person[j]);
      }
      t.open += 1;
      if (holders === 0) t.vacant += 1;
      if (leadership && holders > 0) {
        t.held += 1;
        if (acting) t.acting += 1;
        if (clinician) t.clinician += 1;
      }
    }
    if (!leadership) continue;
    const t = tally.of(groupInUnit(ctx.start, unit, organisation));
    let heldAtStart = false;
    for (let j = first[p]; j < first[p + 1]; j++) {
      const atStart = from[j] <= s && s < until[j];
      const endedInPeriod = from[j] <= e && s < until[j] && until[j] <= e + 1;
      if (!atStart && !endedInPeriod) continue;
      heldAtStart ||= atStart;
      if (endedInPeriod) t.ended += 1;
      t.churnPeople.push(person[j]);
    }
    if (heldAtStart && created <= s && s < posts.abolished.get(p)) t.heldAtStart += 1;
  }
  return tally.named(ctx.names).flatMap(([group, t]) => {
    const holders = distinct.count(t.holders);
    return [
      { group, metric: 'vacancy-rate', value: ratio(t.vacant, t.open) },
      { group, metric: 'acting-share', value: ratio(t.acting, t.held), people: holders },
      { group, metric: 'clinician-share', value: ratio(t.clinician, t.held), people: holders },
      { group, metric: 'leadership-churn', value: ratio(t.ended, t.heldAtStart), people: distinct.count(t.churnPeople) },
    ];
  });
}
