import type { PersonCareerView, PostTimelineView, UnitLineageView } from '@orgchange/projections';

/** `from → until` with an open end shown as `…`; `until` is the first day no longer true. */
const span = (from: string, until: string | null): string => `${from} → ${until ?? '…'}`;

export function postTimelineLines(view: PostTimelineView): string[] {
  return [
    `post ${view.postId} in ${view.organisationId} (${[view.family, view.groupRole].filter(Boolean).join(', ')}), ${span(view.createdOn, view.abolishedOn)}, as known at ${view.knownAt}`,
    'versions:',
    ...view.versions.map((v) => `  ${span(v.from, v.until)}  ${v.title}, ${v.grade}, in ${v.unitId}`),
    'holders:',
    ...view.holders.map((h) => `  ${span(h.from, h.until)}  ${h.personId} (${h.kind}${h.coveringForPersonId ? `, covering ${h.coveringForPersonId}` : ''})`),
  ];
}

export function careerLines(view: PersonCareerView): string[] {
  return [
    `person ${view.personId} (${view.profession}), as known at ${view.knownAt}`,
    'holdings:',
    ...view.holdings.map((h) => `  ${span(h.from, h.until)}  ${h.title ?? h.postId} (${h.postId}, ${h.kind}) in ${h.unitName ?? h.unitId ?? '?'}, ${h.organisationName ?? h.organisationId}`),
    'tenure:',
    ...view.tenure.map((t) => `  ${span(t.from, t.until)}  ${t.role}: ${t.postIds.join(' → ')}`),
  ];
}

export function lineageLines(view: UnitLineageView): string[] {
  return [
    `unit ${view.unitId} "${view.name}", as known at ${view.knownAt}`,
    'versions:',
    ...view.versions.map((v) => `  ${span(v.from, v.until)}  "${v.name}" in ${v.organisationId} under ${v.parentUnitId ?? '(top level)'}`),
    ...view.renames.map((r) => `renamed ${r.effectiveFrom}: "${r.fromName}" → "${r.toName}"`),
    ...view.moves.map((m) => `moved ${m.effectiveFrom}: ${m.fromParentUnitId ?? '(top level)'} → ${m.toParentUnitId ?? '(top level)'}`),
    ...view.transfers.map((t) => `transferred ${t.effectiveFrom}: ${t.fromOrganisationId} → ${t.toOrganisationId}`),
    ...view.predecessors.map((l) => `predecessor ${l.fromUnitId} "${l.fromName ?? ''}" ${l.relation} into ${l.toUnitId} on ${l.effectiveFrom}`),
    ...view.successors.map((l) => `successor ${l.toUnitId} "${l.toName ?? ''}": ${l.fromUnitId} ${l.relation} into it on ${l.effectiveFrom}`),
  ];
}
