import { tenureSpells, type CareerHoldingView } from '@orgchange/projections';
import { type AnalysisModel, HOLDING_FIELDS, OPEN_END, type PostRecord } from '../analysis-model';
import { groupOf, GroupTally } from '../grouping';
import { dateOfDay, dayNumber } from '../periods';
import type { MetricValue, PeriodContext } from './metric-value';
import { isLeadership } from './leadership';

/** An unbroken spell in one leadership role, as the career query joins holdings (across merges and renames). */
export type Spell = Readonly<{ personId: string; from: number; until: number; lastPost: PostRecord }>;

/** Every person's leadership holdings joined into spells by the career query's tenure rule. */
export function leadershipSpells(model: AnalysisModel): Spell[] {
  const byPerson = new Map<string, CareerHoldingView[]>();
  for (const [postId, post] of model.posts) {
    if (!isLeadership(post.family)) continue;
    const h = post.holdings;
    for (let i = 0; i < h.length; i += HOLDING_FIELDS) {
      const personId = post.people[i / HOLDING_FIELDS];
      const holding: CareerHoldingView = {
        appointmentId: String(h[i]), postId, kind: '', from: dateOfDay(h[i + 1]), until: h[i + 2] === OPEN_END ? null : dateOfDay(h[i + 2]),
        coveringForPersonId: null, title: null, family: post.family, grade: null, groupRole: post.groupRole ?? null,
        unitId: post.unitId, unitName: null, organisationId: post.organisationId, organisationName: null,
      };
      const list = byPerson.get(personId);
      if (list) list.push(holding);
      else byPerson.set(personId, [holding]);
    }
  }
  const spells: Spell[] = [];
  for (const [personId, holdings] of byPerson) {
    for (const spell of tenureSpells(holdings)) {
      spells.push({ personId, from: dayNumber(spell.from), until: spell.until === null ? OPEN_END : dayNumber(spell.until), lastPost: model.posts.get(spell.postIds[spell.postIds.length - 1])! });
    }
  }
  return spells;
}

/**
 * Tenure in days of the leadership spells that ended in the period or were current on its last day: from the
 * spell's first day to its last day in the period, inclusive. Mean and median per group, grouped by the
 * organisation of the spell's latest post on the period's last day.
 */
export function tenure(ctx: PeriodContext, spells: readonly Spell[]): MetricValue[] {
  const { startDay: s, endDay: e } = ctx.period;
  const tally = new GroupTally(() => ({ days: [] as number[], people: new Set<string>() }));
  for (const spell of spells) {
    if (spell.from > e || spell.until <= s) continue;
    const post = spell.lastPost;
    const t = tally.of(groupOf(ctx.by, ctx.end.units.get(post.unitId)?.organisationId ?? post.organisationId, ctx.end));
    t.days.push(Math.min(spell.until, e + 1) - spell.from);
    t.people.add(spell.personId);
  }
  return [...tally.byGroup].flatMap(([group, t]) => [
    { group, metric: 'tenure-mean-days', value: mean(t.days), people: t.people.size },
    { group, metric: 'tenure-median-days', value: median(t.days), people: t.people.size },
  ]);
}

export const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
