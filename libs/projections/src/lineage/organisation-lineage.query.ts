import { organisationStream } from '@orgchange/domain';
import type { EventStore } from '@orgchange/event-store';
import type { OrganisationDirectoryQuery, OrganisationEntryView } from '../organisations/organisation-directory.query';
import type { KnownAt } from '../queries/read-point';
import { type OrganisationLink, organisationLinks } from './organisation-links';

/** One organisation in another's lineage: who it is, how it is related, and through which change. */
export type OrganisationLineageEntry = OrganisationEntryView &
  Readonly<{
    relation: 'predecessor' | 'successor';
    /** 1 for a direct predecessor or successor, 2 for theirs, and so on. */
    generation: number;
    change: OrganisationLink['change'];
    effectiveFrom: string;
    reason: string | null;
    /** The organisation on the near side of the link (the one asked about, for generation 1). */
    linkedTo: string;
  }>;

export type OrganisationLineageView = Readonly<{ organisation: OrganisationEntryView; knownAt: string; lineage: OrganisationLineageEntry[] }>;

/** How far back and forward a lineage is followed: ODS chains run to about ten links, so this only stops a cycle in bad data. */
const MAX_GENERATIONS = 50;

/**
 * Predecessors and successors of an organisation through mergers and splits, followed link by link in both
 * directions, as recorded up to the read point. Read from the organisation streams themselves (a lineage
 * touches a handful of them), and described through the directory as known at the same point.
 */
export class OrganisationLineageQuery {
  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly directory: OrganisationDirectoryQuery,
  ) {}

  async lineage(organisation: OrganisationEntryView, point: KnownAt): Promise<OrganisationLineageView> {
    const lineage: OrganisationLineageEntry[] = [];
    // Both directions start from the same organisation (and may meet others twice): read each stream once.
    const links = new Map<string, Promise<OrganisationLink[]>>();
    const linksOf = (id: string) => links.get(id) ?? links.set(id, this.linksOf(id, point)).get(id)!;
    for (const relation of ['predecessor', 'successor'] as const) {
      const seen = new Set([organisation.organisationId]);
      let frontier = [organisation.organisationId];
      for (let generation = 1; frontier.length > 0 && generation <= MAX_GENERATIONS; generation += 1) {
        const next: string[] = [];
        for (const id of frontier) {
          const linkedTo = this.directory.resolve(id, point);
          for (const link of await linksOf(id)) {
            if (link.relation !== relation || seen.has(link.organisationId)) continue;
            seen.add(link.organisationId);
            next.push(link.organisationId);
            const entry = this.directory.resolve(link.organisationId, point);
            lineage.push({
              ...(entry ?? { organisationId: link.organisationId, code: null, name: link.organisationId, kind: 'unknown', openedOn: '', closedOn: null }),
              relation,
              generation,
              change: link.change,
              effectiveFrom: link.effectiveFrom,
              reason: link.reason ?? null,
              linkedTo: linkedTo?.code ?? id,
            });
          }
        }
        frontier = next;
      }
    }
    return { organisation, knownAt: point.knownAt, lineage };
  }

  private async linksOf(organisationId: string, point: KnownAt): Promise<OrganisationLink[]> {
    const stream = (await this.store.readStream(organisationStream(organisationId))).filter((event) => Number(event.globalPosition) <= point.position);
    return organisationLinks(organisationId, stream);
  }
}
