import type { CareerHoldingView, TenureSpellView } from './timeline.types';

/** The role a holding counts towards: its post's group role (`clinical-director`), else its family. */
export const roleOf = (holding: Pick<CareerHoldingView, 'groupRole' | 'family'>): string => holding.groupRole ?? holding.family ?? 'unknown';

type Spell = { role: string; from: string; until: string | null; appointmentIds: string[]; postIds: string[]; kinds: string[] };

/**
 * Joins a person's holdings into unbroken spells per role. A holding continues a spell of its role when it
 * starts on or before the day the spell ends (`until` is exclusive, so starting on it leaves no gap): a
 * clinical director re-appointed to the merged division's post on the day the old one ends stays one spell.
 */
export function tenureSpells(holdings: readonly CareerHoldingView[]): TenureSpellView[] {
  const sorted = [...holdings].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const spells: Spell[] = [];
  const open = new Map<string, Spell>();
  for (const holding of sorted) {
    const role = roleOf(holding);
    const current = open.get(role);
    if (current && (current.until === null || holding.from <= current.until)) {
      current.until = current.until === null || holding.until === null ? null : holding.until > current.until ? holding.until : current.until;
      current.appointmentIds.push(holding.appointmentId);
      if (!current.postIds.includes(holding.postId)) current.postIds.push(holding.postId);
      if (!current.kinds.includes(holding.kind)) current.kinds.push(holding.kind);
      continue;
    }
    const spell: Spell = { role, from: holding.from, until: holding.until, appointmentIds: [holding.appointmentId], postIds: [holding.postId], kinds: [holding.kind] };
    spells.push(spell);
    open.set(role, spell);
  }
  return spells;
}
