import { type CareerHoldingView, tenureSpells } from '@orgchange/projections';
import type { AnalysisModel } from '../analysis-model';
import type { HoldingsByPost } from '../model/holdings-by-post';
import { IntColumn } from '../model/int-column';
import { NONE, OPEN_END } from '../model/post-table';
import { dateOfDay, dayNumber } from '../periods';

/**
 * Unbroken spells in one leadership role, as the career query joins holdings (across posts, merges and
 * renames), one row per spell in the columns, grouped by person: one person's spells are adjacent.
 */
export type Spells = Readonly<{ person: IntColumn; from: IntColumn; until: IntColumn; lastPost: IntColumn }>;

/**
 * Every person's leadership holdings joined into spells by the career query's tenure rule, one person at a
 * time, so only one person's holdings are ever turned into objects.
 */
export function leadershipSpells(model: AnalysisModel, holdings: HoldingsByPost): Spells {
  const { first, person } = holdings;
  const posts = model.posts;
  const byPerson = new Int32Array(model.people.size + 1);
  for (let j = 0; j < person.length; j++) if (person[j] !== NONE) byPerson[person[j] + 1] += 1;
  for (let n = 0; n < model.people.size; n++) byPerson[n + 1] += byPerson[n];
  // Counting sort keeps each person's holdings in post order, then holding order, as the career query lists them.
  const next = byPerson.slice(0, model.people.size);
  const order = new Int32Array(byPerson[model.people.size]);
  const postOf = new Int32Array(order.length);
  for (let p = 0; p < posts.size; p++) {
    for (let j = first[p]; j < first[p + 1]; j++) {
      if (person[j] === NONE) continue;
      const at = next[person[j]]++;
      order[at] = j;
      postOf[at] = p;
    }
  }
  const spells: Spells = { person: new IntColumn(), from: new IntColumn(), until: new IntColumn(), lastPost: new IntColumn() };
  for (let n = 0; n < model.people.size; n++) {
    const views: CareerHoldingView[] = [];
    for (let at = byPerson[n]; at < byPerson[n + 1]; at++) views.push(careerHolding(model, holdings, order[at], postOf[at]));
    for (const spell of tenureSpells(views)) {
      spells.person.push(n);
      spells.from.push(dayNumber(spell.from));
      spells.until.push(spell.until === null ? OPEN_END : dayNumber(spell.until));
      spells.lastPost.push(Number(spell.postIds[spell.postIds.length - 1]));
    }
  }
  return spells;
}

/** What the tenure rule reads of a holding: its role (group role, else family), post and dates. */
function careerHolding(model: AnalysisModel, holdings: HoldingsByPost, j: number, p: number): CareerHoldingView {
  const groupRole = model.posts.groupRole.get(p);
  const until = holdings.until[j];
  return {
    appointmentId: String(j), postId: String(p), kind: '', from: dateOfDay(holdings.from[j]), until: until === OPEN_END ? null : dateOfDay(until),
    coveringForPersonId: null, title: null, family: model.families.idOf(model.posts.family.get(p)), grade: null, groupRole: groupRole === NONE ? null : model.groupRoles.idOf(groupRole),
    unitId: null, unitName: null, organisationId: '', organisationName: null,
  };
}
