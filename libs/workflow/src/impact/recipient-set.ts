import type { ImpactReason, Recipient, RecipientKind } from './impact.types';

type Entry = { recipientKind: RecipientKind; recipientId: string; organisationId: string; personIds: Set<string>; reasons: Set<ImpactReason>; changeIds: Set<string> };

/** Recipients gathered one finding at a time, one entry per post, unit or organisation, in the order first found. */
export class RecipientSet {
  private readonly entries = new Map<string, Entry>();

  add(finding: Readonly<{ recipientKind: RecipientKind; recipientId: string; organisationId: string; personIds: readonly string[]; reason: ImpactReason; changeId: string }>): void {
    const key = `${finding.recipientKind} ${finding.recipientId}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { recipientKind: finding.recipientKind, recipientId: finding.recipientId, organisationId: finding.organisationId, personIds: new Set(), reasons: new Set(), changeIds: new Set() };
      this.entries.set(key, entry);
    }
    // Changes on different days may find different holders in the same post: everyone found is told.
    for (const personId of finding.personIds) entry.personIds.add(personId);
    entry.reasons.add(finding.reason);
    entry.changeIds.add(finding.changeId);
  }

  toList(): Recipient[] {
    return [...this.entries.values()].map((e) => ({
      recipientKind: e.recipientKind,
      recipientId: e.recipientId,
      organisationId: e.organisationId,
      personIds: [...e.personIds],
      reasons: [...e.reasons],
      changeIds: [...e.changeIds],
    }));
  }
}
